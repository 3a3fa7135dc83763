/**
 * CLI latency: wall time of `node bin/tessera.js --version`, `jobs` and `submit` against a live scheduler, N runs
 * each, from the compiled build (built first) and from the sources through tsx (TESSERA_RUN_SOURCES=1), alternated
 * run by run, so the ratio holds on a noisy machine. Writes bench/results/cli.json.
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

/** Wall and CPU time (ms) of one run; the wall includes starting a bash that reports the CPU time. */
function timeRun(nodeArgs: string[], fromSources: boolean): { wall: number; cpu: number } {
  const env = { ...process.env, TESSERA_RUN_SOURCES: fromSources ? "1" : "0" };
  const script = 'node "$@" >/dev/null; status=$?; times >&2; exit $status';
  const t0 = performance.now();
  const run = spawnSync("bash", ["-c", script, "bash", ...nodeArgs], { env, encoding: "utf8" });
  const wall = performance.now() - t0;
  if (run.status !== 0) throw new Error(`node ${nodeArgs.join(" ")} failed: ${run.stderr}`);
  return { wall, cpu: childCpuMs(run.stderr) };
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
  const byValue = (a: number, b: number) => a - b;
  try {
    for (const [command, args] of commands) {
      const froms =
        command === "--version"
          ? (["node", "compiled", "sources"] as const)
          : (["compiled", "sources"] as const);
      const walls = froms.map((): number[] => []);
      const cpus = froms.map((): number[] => []);
      // Compiled and sources (and bare node) alternate run by run, so that the load of a shared machine, which
      // changes from one second to the next, hits each of them alike.
      for (let i = 0; i < runs; i++) {
        froms.forEach((from, k) => {
          const run = timeRun(from === "node" ? ["-e", "0"] : [cli, ...args], from === "sources");
          walls[k]!.push(run.wall);
          cpus[k]!.push(run.cpu);
        });
      }
      froms.forEach((from, k) => {
        const sortedWalls = walls[k]!.sort(byValue);
        const t = {
          command,
          from,
          runs,
          medianMs: Math.round(percentile(sortedWalls, 0.5)),
          p90Ms: Math.round(percentile(sortedWalls, 0.9)),
          medianCpuMs: Math.round(percentile(cpus[k]!.sort(byValue), 0.5)),
        };
        log(`  ${command} (${from}): median ${t.medianMs} ms, p90 ${t.p90Ms} ms, CPU ${t.medianCpuMs} ms`);
        timings.push(t);
      });
    }
  } finally {
    await stopScheduler(scheduler);
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    when: new Date().toISOString(),
    machine: {
      cores: availableParallelism(),
      loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
      // Node.js parses these certificates at every start, before any JavaScript (~55 ms of CPU for 144 of them).
      nodeExtraCaCerts: process.env.NODE_EXTRA_CA_CERTS !== undefined,
    },
    timings,
  };
}
