import type { PlacementRequest } from "../PlacementRequest.ts";
import type { ScorePlugin } from "../ScorePlugin.ts";
import { TargetWorkload } from "../TargetWorkload.ts";
import { fragmentationDelta } from "./FgdPolicy.ts";

/** Weight of the best-fit leftover (0..1 of the node) against fragmentation, in GPU thousandths. */
const leftoverWeight = 100;
/** Cost, in GPU thousandths of fragmentation, of breaking into an untouched node. */
const untouchedNodeCost = 200;

/**
 * Tessera's default policy. Like FGD it minimises the growth of expected fragmentation, but:
 * - against the full workload distribution, not only the types covering 95% (rare multi-GPU and
 *   model-constrained types are what whole free GPUs and big nodes are kept for);
 * - with the exact growth, not a 0-100 integer that turns most nodes into a random tie;
 * - breaking near-ties toward the node left fullest in CPU and GPU (best fit), so CPU is not stranded next to
 *   idle GPUs, and against opening untouched nodes, which keeps whole nodes for large jobs.
 * Without a workload it learns the distribution from `observe`d arrivals (past arrivals only).
 */
export function tesseraPolicy(workload?: TargetWorkload): ScorePlugin {
  let current = workload ?? new TargetWorkload([]);
  const seen: PlacementRequest[] = [];
  let nextRefresh = 1;
  return {
    name: "tessera",
    optionMode: "every",
    score(node, option, cycle, klass) {
      const delta = fragmentationDelta(node, klass, current, "tessera", option.picks, cycle.request.cpuMilli);
      let taken = 0;
      for (const p of option.picks) taken += p.milli;
      const cpuLeft = node.cpuTotal > 0 ? (node.cpuFree - cycle.request.cpuMilli) / node.cpuTotal : 0;
      const gpuLeft = node.gpuCount > 0 ? (node.gpuFreeMilli - taken) / (node.gpuCount * 1000) : 0;
      const untouched = node.cpuFree === node.cpuTotal && node.gpuFreeMilli === node.gpuCount * 1000;
      return -delta - leftoverWeight * (0.5 * cpuLeft + 0.5 * gpuLeft) - (untouched ? untouchedNodeCost : 0);
    },
    observe(cycle, invalidate) {
      if (workload) return;
      seen.push(cycle.request);
      // Re-learn at doubling counts, then every 4096 arrivals: cheap, and the memo survives in between.
      if (seen.length >= nextRefresh) {
        current = TargetWorkload.fromRequests(seen);
        nextRefresh = nextRefresh < 4096 ? nextRefresh * 2 : nextRefresh + 4096;
        invalidate();
      }
    },
  };
}
