/**
 * `tessera up` start: wall time from starting `node bin/tessera.js up` (scheduler, store, simulated agents of the
 * default fleet) until every agent is connected (the last agent's "connected to" line, confirmed by every node
 * Ready in ListNodes once `up` printed its addresses), N runs, each with a fresh data folder, from the compiled
 * build (built first) and, alternating with it, from the sources through tsx. Writes bench/results/up-start.json.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { defaultSimulatedFleet } from "../scheduler/cli/SimulatedFleet.ts";
import { percentile } from "../scheduler/simulator/Percentile.ts";
import { buildDist } from "./cli.ts";

const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "tessera.js");

export interface UpStartRun {
  /** `compiled`: the build under dist/; `sources`: TypeScript compiled at start through tsx (TESSERA_RUN_SOURCES=1). */
  from: "compiled" | "sources";
  /** Until `up` printed that it is up (scheduler serving, agents spawned). */
  upPrintedMs: number;
  /** Until the last agent said it was connected (its registration answered). */
  allConnectedMs: number;
  /** Until ListNodes showed every node Ready (asked from when `up` printed its gRPC address). */
  allReadyListedMs: number;
}

async function oneRun(from: UpStartRun["from"]): Promise<UpStartRun> {
  const dir = mkdtempSync(join(tmpdir(), "tessera-up-bench-"));
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [cli, "up", "--data-dir", dir, "--listen", "127.0.0.1:0", "--http", "127.0.0.1:0"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, TESSERA_RUN_SOURCES: from === "sources" ? "1" : "0" },
    },
  );
  let output = "";
  let stderr = "";
  const connected = new Set<string>();
  let allConnectedMs: number | undefined;
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
    for (const m of d.toString().matchAll(/agent (\S+): connected to /g)) connected.add(m[1]!);
    if (allConnectedMs === undefined && connected.size === defaultSimulatedFleet.length)
      allConnectedMs = performance.now() - t0;
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    const { address, upPrintedMs } = await new Promise<{ address: string; upPrintedMs: number }>(
      (resolve, reject) => {
        child.stdout.on("data", (d: Buffer) => {
          output += d.toString();
          const m = /gRPC API:\s+(\S+)/.exec(output);
          if (m) resolve({ address: m[1]!, upPrintedMs: performance.now() - t0 });
        });
        child.once("exit", () => reject(new Error(`tessera up exited:\n${stderr}`)));
      },
    );
    const client = new SchedulerClient(address);
    try {
      for (;;) {
        const nodes = await client.nodes();
        const ready = nodes.filter((n) => n.state === "Ready").length;
        if (ready === defaultSimulatedFleet.length) {
          const allReadyListedMs = performance.now() - t0;
          return { from, upPrintedMs, allConnectedMs: allConnectedMs ?? allReadyListedMs, allReadyListedMs };
        }
        if (performance.now() - t0 > 60_000)
          throw new Error(`only ${ready} agents connected after 60 s:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      client.close();
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runUpStartBench(
  runs: number,
  log: (line: string) => void,
): Promise<Record<string, unknown>> {
  buildDist(log);
  const results: UpStartRun[] = [];
  // Alternating, so that load on a shared machine hits both alike.
  for (let i = 0; i < runs * 2; i++) {
    const from = i % 2 === 0 ? "compiled" : "sources";
    const r = await oneRun(from);
    log(
      `  run ${Math.floor(i / 2) + 1} (${from}): all ${defaultSimulatedFleet.length} agents connected at ${Math.round(r.allConnectedMs)} ms, up printed at ${Math.round(r.upPrintedMs)} ms, all Ready in ListNodes at ${Math.round(r.allReadyListedMs)} ms`,
    );
    results.push(r);
  }
  const connectedFrom = (from: UpStartRun["from"]) =>
    results
      .filter((r) => r.from === from)
      .map((r) => r.allConnectedMs)
      .sort((a, b) => a - b);
  const connected = connectedFrom("compiled");
  const sources = connectedFrom("sources");
  return {
    when: new Date().toISOString(),
    machine: { cores: availableParallelism(), loadavg: loadavg().map((l) => Math.round(l * 100) / 100) },
    agents: defaultSimulatedFleet.length,
    runs,
    medianAllConnectedMs: Math.round(percentile(connected, 0.5)),
    p90AllConnectedMs: Math.round(percentile(connected, 0.9)),
    sourcesMedianAllConnectedMs: Math.round(percentile(sources, 0.5)),
    results: results.map((r) => ({
      from: r.from,
      upPrintedMs: Math.round(r.upPrintedMs),
      allConnectedMs: Math.round(r.allConnectedMs),
      allReadyListedMs: Math.round(r.allReadyListedMs),
    })),
  };
}
