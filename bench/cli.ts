/**
 * CLI latency: wall time of `node bin/tessera.js --version`, `jobs` and `submit` against a live scheduler, N runs
 * each, from the compiled build (built first) and from the sources through tsx (TESSERA_RUN_SOURCES=1) in the same
 * sitting, so the ratio holds on a noisy machine. Writes bench/results/cli.json.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { percentile } from "../scheduler/simulator/Percentile.ts";
import { startScheduler, stopScheduler } from "./service.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "bin", "tessera.js");

export interface CliTiming {
  command: string;
  /** `node` is `node -e 0`: what starting Node.js alone costs on this machine, beside the CLI. */
  from: "compiled" | "sources" | "node";
  runs: number;
  medianMs: number;
  p90Ms: number;
  /** User + system CPU of the CLI process: steadier than wall on a shared machine. */
  medianCpuMs: number;
}

/** bash's `times` prints the shell's then its children's user and system time, e.g. `0m0.412s 0m0.052s`. */
function childCpuMs(timesOutput: string): number {
  const children = timesOutput.trim().split("\n").at(-1) ?? "";
  return [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce(
    (ms, m) => ms + (Number(m[1]) * 60 + Number(m[2])) * 1000,
    0,
  );
}

/** Sorted wall and CPU times (ms) of `runs` runs; the wall includes starting a bash that reports the CPU time. */
function timeRuns(
  nodeArgs: string[],
  fromSources: boolean,
  runs: number,
): { walls: number[]; cpus: number[] } {
  const env = { ...process.env, TESSERA_RUN_SOURCES: fromSources ? "1" : "0" };
  const walls: number[] = [];
  const cpus: number[] = [];
  const script = 'node "$@" >/dev/null; status=$?; times >&2; exit $status';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const run = spawnSync("bash", ["-c", script, "bash", ...nodeArgs], { env, encoding: "utf8" });
    walls.push(performance.now() - t0);
    if (run.status !== 0) throw new Error(`node ${nodeArgs.join(" ")} failed: ${run.stderr}`);
    cpus.push(childCpuMs(run.stderr));
  }
  const byValue = (a: number, b: number) => a - b;
  return { walls: walls.sort(byValue), cpus: cpus.sort(byValue) };
}

/** `npm run build`, so that bin/tessera.js runs the compiled build of the sources as they are now. */
export function buildDist(log: (line: string) => void): void {
  log("building dist/ (npm run build)");
  const build = spawnSync(process.execPath, [join(root, "bin", "build.js")], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("the build failed");
}

export async function runCliBench(
  runs: number,
  log: (line: string) => void,
): Promise<Record<string, unknown>> {
  buildDist(log);
  const dir = mkdtempSync(join(tmpdir(), "tessera-cli-bench-"));
  const scheduler = await startScheduler(dir, undefined);
  const at = ["--scheduler", scheduler.address];
  const commands: [string, string[]][] = [
    ["--version", ["--version"]],
    ["jobs", ["jobs", ...at]],
    ["submit", ["submit", "--name", "bench", "--mig", "1g.10gb", ...at, "--", "true"]],
  ];
  const timings: CliTiming[] = [];
  try {
    // Compiled and sources back to back per command, so that load on a shared machine hits both alike.
    for (const [command, args] of commands) {
      for (const from of command === "--version"
        ? (["node", "compiled", "sources"] as const)
        : (["compiled", "sources"] as const)) {
        const nodeArgs = from === "node" ? ["-e", "0"] : [cli, ...args];
        const { walls, cpus } = timeRuns(nodeArgs, from === "sources", runs);
        const t = {
          command,
          from,
          runs,
          medianMs: Math.round(percentile(walls, 0.5)),
          p90Ms: Math.round(percentile(walls, 0.9)),
          medianCpuMs: Math.round(percentile(cpus, 0.5)),
        };
        log(`  ${command} (${from}): median ${t.medianMs} ms, p90 ${t.p90Ms} ms, CPU ${t.medianCpuMs} ms`);
        timings.push(t);
      }
    }
  } finally {
    await stopScheduler(scheduler);
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    when: new Date().toISOString(),
    machine: { cores: availableParallelism(), loadavg: loadavg().map((l) => Math.round(l * 100) / 100) },
    timings,
  };
}
