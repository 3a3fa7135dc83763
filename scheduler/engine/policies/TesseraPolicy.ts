import type { PlacementRequest } from "../PlacementRequest.ts";
import type { ScorePlugin } from "../ScorePlugin.ts";
import { TargetWorkload } from "../TargetWorkload.ts";
import { fragmentationDelta } from "./FgdPolicy.ts";

/** Weight of the best-fit leftover (0..1 of the node) against fragmentation, in GPU thousandths. */
const leftoverWeight = 100;
/** Cost, in GPU thousandths of fragmentation, of breaking into an untouched node. */
const untouchedNodeCost = 200;
/** Weight of taking GPU thousandths of a model that model-constrained work competes for. */
const pressureWeight = 1;

/**
 * How much model-constrained work wants each GPU model relative to its share of the fleet: for each constrained
 * type, its GPU demand spread evenly over the fleet models it allows; per model, that demand's share of all GPU
 * demand divided by the model's share of GPUs. Unconstrained work can go anywhere and adds no pressure.
 */
export function modelPressure(
  workload: TargetWorkload,
  gpusByModel: ReadonlyMap<string, number>,
): Map<string, number> {
  let fleetGpus = 0;
  for (const n of gpusByModel.values()) fleetGpus += n;
  let totalDemand = 0;
  const demand = new Map<string, number>();
  for (const t of workload.types) {
    const d = t.weight * t.gpuCount * t.milliPerGpu;
    totalDemand += d;
    if (t.allowedModels === null) continue;
    const present = [...t.allowedModels].filter((m) => gpusByModel.has(m));
    for (const m of present) demand.set(m, (demand.get(m) ?? 0) + d / present.length);
  }
  const pressure = new Map<string, number>();
  if (totalDemand === 0 || fleetGpus === 0) return pressure;
  for (const [m, d] of demand) pressure.set(m, d / totalDemand / (gpusByModel.get(m)! / fleetGpus));
  return pressure;
}

/**
 * Tessera's default policy. Like FGD it minimises the growth of expected fragmentation, but:
 * - against the full workload distribution, not only the types covering 95% (rare multi-GPU and
 *   model-constrained types are what whole free GPUs and big nodes are kept for);
 * - with the exact growth, not a 0-100 integer that turns most nodes into a random tie;
 * - breaking near-ties toward the node left fullest in CPU and GPU (best fit), so CPU is not stranded next to
 *   idle GPUs, and against opening untouched nodes, which keeps whole nodes for large jobs;
 * - steering work away from GPU models that model-constrained work competes for (`modelPressure`), so the
 *   constrained jobs still find their models free.
 * Without a workload it learns the distribution from `observe`d arrivals (past arrivals only).
 */
export function tesseraPolicy(workload?: TargetWorkload): ScorePlugin {
  let current = workload ?? new TargetWorkload([]);
  const seen: PlacementRequest[] = [];
  let nextRefresh = 1;
  let gpusByModel = new Map<string, number>();
  let pressure = new Map<string, number>();
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
      let contested = 0;
      if (pressure.size > 0)
        for (const p of option.picks) contested += p.milli * (pressure.get(node.ordered[p.pos]!.model) ?? 0);
      return (
        -delta -
        leftoverWeight * (0.5 * cpuLeft + 0.5 * gpuLeft) -
        (untouched ? untouchedNodeCost : 0) -
        pressureWeight * contested
      );
    },
    fleetChanged(nodes) {
      gpusByModel = new Map();
      for (const n of nodes)
        for (const g of n.gpus) gpusByModel.set(g.model, (gpusByModel.get(g.model) ?? 0) + 1);
      pressure = modelPressure(current, gpusByModel);
    },
    observe(cycle, invalidate) {
      if (workload) return;
      seen.push(cycle.request);
      // Re-learn at doubling counts, then every 4096 arrivals: cheap, and the memo survives in between.
      if (seen.length >= nextRefresh) {
        current = TargetWorkload.fromRequests(seen);
        pressure = modelPressure(current, gpusByModel);
        nextRefresh = nextRefresh < 4096 ? nextRefresh * 2 : nextRefresh + 4096;
        invalidate();
      }
    },
  };
}
