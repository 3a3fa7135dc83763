/**
 * One idle agent's footprint: `tessera agent` (compiled build, built first) with 8 stand-in H100 GPUs, connected
 * to a scheduler and running no job; its RSS and CPU (percent of one core) over S seconds once it is connected,
 * then over the next S seconds (settled), and how long it took from start to connected. Writes
 * bench/results/agent-footprint.json.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureStandinLibrary } from "../node-agent/standin/StandinBuild.ts";
import { writeSimulatedNode } from "../scheduler/cli/SimulatedFleet.ts";
import { buildDist } from "./cli.ts";
import { processUsage, startScheduler, stopScheduler } from "./service.ts";

const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "tessera.js");

export async function runAgentFootprintBench(
  seconds: number,
  log: (line: string) => void,
): Promise<Record<string, unknown>> {
  buildDist(log);
  const dir = mkdtempSync(join(tmpdir(), "tessera-agent-bench-"));
  const scheduler = await startScheduler(dir, undefined);
  const { fleetFile, stateFile } = writeSimulatedNode(join(dir, "node"), {
    name: "bench-8gpu",
    models: Array(8).fill("H100-SXM5-80GB"),
    mig: true,
    nvlink: true,
  });
  const t0 = performance.now();
  const agent = spawn(
    process.execPath,
    [
      cli,
      "agent",
      "--scheduler",
      scheduler.address,
      "--node",
      "bench-8gpu",
      "--data-dir",
      join(dir, "agent"),
      // An edge node without containers: podman's probe would be measured, not the agent.
      "--container-runtime",
      "none",
    ],
    {
      env: {
        ...process.env,
        TESSERA_NVML_LIBRARY: ensureStandinLibrary(),
        TESSERA_NVML_STANDIN_FLEET: fleetFile,
        TESSERA_NVML_STANDIN_STATE: stateFile,
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  const exited = new Promise((resolve) => agent.once("exit", resolve));
  try {
    let out = "";
    const connectedMs = await new Promise<number>((resolve, reject) => {
      agent.stderr.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("connected to")) resolve(performance.now() - t0);
      });
      agent.once("exit", () => reject(new Error(`the agent exited:\n${out}`)));
    });
    // The VM runtime probe and the first reconciles settle first; then the agent only heartbeats.
    await new Promise((r) => setTimeout(r, 5000));
    const before = processUsage(agent.pid!);
    const t1 = performance.now();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const elapsed = (performance.now() - t1) / 1000;
    const after = processUsage(agent.pid!);
    // The same again once V8's memory reducer has run (its full collections come 8-10 s after start, in the
    // first window): what the agent costs for as long as it stays idle.
    const t2 = performance.now();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const settledElapsed = (performance.now() - t2) / 1000;
    const settled = processUsage(agent.pid!);
    const percent = (cpuSeconds: number, over: number) => Math.round((cpuSeconds / over) * 1000) / 10;
    const result = {
      when: new Date().toISOString(),
      machine: { cores: availableParallelism(), loadavg: loadavg().map((l) => Math.round(l * 100) / 100) },
      gpus: 8,
      connectedMs: Math.round(connectedMs),
      idleRssMiB: after.rssMiB,
      idleCpuPercentOfOneCore: percent(after.cpuSeconds - before.cpuSeconds, elapsed),
      measuredSeconds: Math.round(elapsed),
      settledRssMiB: settled.rssMiB,
      settledCpuPercentOfOneCore: percent(settled.cpuSeconds - after.cpuSeconds, settledElapsed),
    };
    log(
      `  connected after ${result.connectedMs} ms; idle: RSS ${result.idleRssMiB} MiB, CPU ${result.idleCpuPercentOfOneCore}% of one core; the next ${seconds} s: RSS ${result.settledRssMiB} MiB, CPU ${result.settledCpuPercentOfOneCore}%`,
    );
    return result;
  } finally {
    agent.kill("SIGTERM");
    await exited;
    await stopScheduler(scheduler);
    rmSync(dir, { recursive: true, force: true });
  }
}
