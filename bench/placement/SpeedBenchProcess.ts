/**
 * The placement-speed benchmark as a process of its own (`runSpeedBenchInProcess` starts it): 1k, 8k and 64k GPUs
 * in one process, its peak RSS measured at the end. Results go to stdout as one JSON line, progress to stderr.
 */
import { runSpeedBench, type SpeedResult, speedBenchSizes } from "./SpeedBench.ts";

const results: SpeedResult[] = [];
for (const [gpus, decisions] of speedBenchSizes) {
  results.push(runSpeedBench(gpus, "tessera", decisions, (line) => process.stderr.write(`${line}\n`)));
}
const peakRssMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ results, peakRssMiB })}\n`);
