/**
 * The agent fleet's cost to one scheduler: A thin agents reporting every second, measured twice in one sitting on
 * fresh schedulers, once with whole reports (the protocol before deltas) and once with deltas (what agents send
 * now), so that the ratio holds on a noisy machine. Writes bench/results/agent-fleet.json.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { buildDist } from "./cli.ts";
import { agentBench, type ReportMode, startScheduler, stopScheduler } from "./service.ts";

export async function runAgentFleetBench(
  agents: number,
  seconds: number,
  log: (line: string) => void,
): Promise<Record<string, unknown>> {
  buildDist(log);
  const dir = mkdtempSync(join(tmpdir(), "tessera-fleet-bench-"));
  const runs: Record<string, Record<string, number | string>> = {};
  try {
    for (const mode of ["whole", "delta"] as ReportMode[]) {
      const scheduler = await startScheduler(join(dir, mode), undefined);
      try {
        log(`${agents} agents reporting every second (${mode} reports), measured for ${seconds} s`);
        const run = await agentBench(scheduler.address, scheduler.child.pid!, agents, seconds, mode);
        log(
          `  scheduler CPU ${run.schedulerCpuPercentOfOneCore}% of one core, RSS ${run.schedulerRssMiB} MiB, ${run.bytesPerReport} bytes per report`,
        );
        runs[mode] = run;
      } finally {
        await stopScheduler(scheduler);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const cpu = (mode: string) => Number(runs[mode]?.schedulerCpuPercentOfOneCore);
  return {
    when: new Date().toISOString(),
    machine: { cores: availableParallelism(), loadavg: loadavg().map((l) => Math.round(l * 100) / 100) },
    agents,
    seconds,
    whole: runs.whole,
    delta: runs.delta,
    cpuRatioWholeToDelta: Math.round((cpu("whole") / cpu("delta")) * 10) / 10,
  };
}
