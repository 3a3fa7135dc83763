import type { PlacementRequest } from "../PlacementRequest.ts";
import type { ScorePlugin } from "../ScorePlugin.ts";
import { TargetWorkload } from "../TargetWorkload.ts";
import { classFragmentation, fragmentationDelta } from "./FgdPolicy.ts";

/** Share of the arrivals whose most popular types make the typical workload, as in FGD. */
const typicalCoverage = 0.95;
/** Integer score levels, FGD's: floor(100 x sigmoid(-growth / 1000)); near-equal growths tie. */
const scoreLevels = 100;
/**
 * GPU thousandths each pod's CPU is credited with per GPU it asks when free CPU caps the usable GPU of a type
 * (`cpuCoverMilli` in Fragmentation.ts). Chosen on development seeds 42-61: 1000 lost 0.1 on multigpu40, 2000 gave
 * back half the gain on `default`, 1400 gained on both (see docs/placement.md).
 */
const cpuCoverMilli = 1400;
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
 * Tessera's default policy: FGD's score (growth of the expected fragmentation of the typical workload, as an
 * integer) with GPU stranded beside too little CPU counted as fragmented (`cpuCoverMilli`), plus the cost of taking GPU thousandths of models that model-constrained work competes for
 * (`modelPressure`), so flexible work leaves contested models to the work that can only run there. Equal scores
 * go to the first node of a fixed node order (`tieBreak: "nodeOrder"`): ties then fill one node before the next
 * and keep whole nodes free for multi-GPU work. CPU-only requests break score ties first towards the node with
 * the least idle GPU (CPU taken beside idle GPUs strands them). Measured alternatives (exact growth, the full
 * distribution, best-fit and untouched-node terms) did not beat FGD consistently on the Alibaba traces; see
 * docs/placement.md.
 * Without a workload it learns the distribution from `observe`d arrivals (past arrivals only).
 */
export function tesseraPolicy(workload?: TargetWorkload): ScorePlugin {
  let current = (workload ?? new TargetWorkload([])).typical(typicalCoverage);
  const seen: PlacementRequest[] = [];
  let nextRefresh = 1;
  let gpusByModel = new Map<string, number>();
  let pressure = new Map<string, number>();
  return {
    name: "tessera",
    optionMode: "every",
    tieBreak: "nodeOrder",
    score(node, option, cycle, klass) {
      let growth = fragmentationDelta(
        node,
        klass,
        current,
        "tessera",
        option.picks,
        cycle.request.cpuMilli,
        cpuCoverMilli,
      );
      if (pressure.size > 0)
        for (const p of option.picks)
          growth += pressureWeight * p.milli * (pressure.get(node.orderedModels[p.pos]!) ?? 0);
      const score = Math.floor(scoreLevels / (1 + Math.exp(growth / 1000)));
      if (cycle.request.gpu.kind !== "none") return score;
      // CPU-only work: among equal scores, the node with the least idle GPU, so the CPU it takes strands no
      // GPU that GPU work could still use. The fraction stays below 1 and never overrides the integer score.
      const { idle } = classFragmentation(node, klass, current, "tessera", cpuCoverMilli);
      return score + 0.99 / (1 + idle / 1000);
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
        current = TargetWorkload.fromRequests(seen).typical(typicalCoverage);
        pressure = modelPressure(current, gpusByModel);
        nextRefresh = nextRefresh < 4096 ? nextRefresh * 2 : nextRefresh + 4096;
        invalidate();
      }
    },
  };
}
