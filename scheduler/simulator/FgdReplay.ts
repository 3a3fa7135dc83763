import { PlacementEngine } from "../engine/PlacementEngine.ts";
import type { PlacementRequest } from "../engine/PlacementRequest.ts";
import { createPolicy, type PolicyName } from "../engine/PolicyRegistry.ts";
import { SeededRandom } from "../engine/SeededRandom.ts";
import { TargetWorkload } from "../engine/TargetWorkload.ts";
import { ClusterFragmentation } from "./ClusterFragmentation.ts";
import { fleetGpuMilli, podGpuMilli, podRequest, traceCluster } from "./TraceFleet.ts";
import type { TraceNode, TracePod } from "./TraceReader.ts";

export interface ReplayInput {
  nodes: readonly TraceNode[];
  pods: readonly TracePod[];
  policy: PolicyName;
  seed: number;
  migFleet: boolean;
  /** Called now and then with pods done and pods in total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * One point of the curve, sampled as the FGD authors' merge script (`merge_alloc_discrete.py`) does: the mean over
 * every event (the empty cluster, then each offered pod) whose arrived percent rounds to `arrivedPercent`.
 */
export interface FgdCurvePoint {
  /** GPU thousandths offered so far (placed or not) / capacity, in percent, rounded. */
  arrivedPercent: number;
  /** GPU thousandths allocated / capacity, in percent. */
  allocationPercent: number;
  /** Fragmented / idle GPU, in percent (FGD's frag rate). */
  fragRatePercent: number;
  /** Fragmented / total GPU, in percent. */
  fragTotalPercent: number;
}

/** Event sums per rounded arrived percent, averaged into the curve at the end. */
export class CurveBuckets {
  private readonly sums: { n: number; alloc: number; fragRate: number; fragTotal: number }[] = [];

  add(arrivedPercent: number, alloc: number, fragRate: number, fragTotal: number): void {
    const k = Math.round(arrivedPercent);
    let b = this.sums[k];
    if (!b) {
      b = { n: 0, alloc: 0, fragRate: 0, fragTotal: 0 };
      this.sums[k] = b;
    }
    b.n++;
    b.alloc += alloc;
    b.fragRate += fragRate;
    b.fragTotal += fragTotal;
  }

  /**
   * A point per integer percent up to the last event. A percent no event rounds to takes the mean of its
   * neighbours' events (the merge script's +-1 window), or, when those are empty too, the previous point.
   */
  curve(): FgdCurvePoint[] {
    const out: FgdCurvePoint[] = [];
    for (let x = 0; x < this.sums.length; x++) {
      const window = this.sums[x] ? [this.sums[x]] : [this.sums[x - 1], this.sums[x + 1]];
      let n = 0;
      let alloc = 0;
      let fragRate = 0;
      let fragTotal = 0;
      for (const b of window) {
        if (!b) continue;
        n += b.n;
        alloc += b.alloc;
        fragRate += b.fragRate;
        fragTotal += b.fragTotal;
      }
      const previous = out[x - 1];
      if (n === 0 && previous) out.push({ ...previous, arrivedPercent: x });
      else
        out.push({
          arrivedPercent: x,
          allocationPercent: alloc / n,
          fragRatePercent: fragRate / n,
          fragTotalPercent: fragTotal / n,
        });
    }
    return out;
  }
}

export interface FgdReplayResult {
  method: "fgd";
  policy: PolicyName;
  seed: number;
  tune: number;
  migFleet: boolean;
  gpus: number;
  podsInTrace: number;
  podsOffered: number;
  podsPlaced: number;
  podsFailed: number;
  allocationRatioAt100: number;
  allocationRatioFinal: number;
  fragRateAt100: number;
  curve: FgdCurvePoint[];
  wallSeconds: number;
  decisionsPerSecond: number;
}

/**
 * The pods the paper's method offers: the trace shuffled with the seed, then clones drawn uniformly with
 * replacement appended until the GPU request reaches `tune` x capacity, or random pods removed when above it.
 */
export function tunedPods(
  pods: readonly TracePod[],
  capacityMilli: number,
  tune: number,
  rng: SeededRandom,
): TracePod[] {
  const list = rng.shuffle([...pods]);
  const target = tune * capacityMilli;
  let total = 0;
  for (const p of list) total += podGpuMilli(p);
  if (total < target && pods.some((p) => podGpuMilli(p) > 0)) {
    while (total < target) {
      const clone = pods[rng.below(pods.length)]!;
      list.push(clone);
      total += podGpuMilli(clone);
    }
  } else {
    while (total > target && list.length > 0) {
      const [removed] = list.splice(rng.below(list.length), 1);
      total -= podGpuMilli(removed!);
    }
  }
  return list;
}

/** The FGD paper's method: one pass over shuffled, tuned arrivals; a pod that fits nowhere is dropped. */
export function replayFgd(input: ReplayInput & { tune: number }): FgdReplayResult {
  const started = performance.now();
  const { nodes, pods, migFleet } = input;
  const capacity = fleetGpuMilli(nodes);
  if (capacity === 0) throw new Error("the node list has no GPUs");
  const rng = new SeededRandom(input.seed);
  const offered = tunedPods(pods, capacity, input.tune, rng);
  const originals: PlacementRequest[] = pods.map((p, i) => podRequest(p, `trace-${i}`, migFleet));
  const workload = TargetWorkload.fromRequests(originals);
  const engine = new PlacementEngine(traceCluster(nodes, migFleet), {
    policy: createPolicy(input.policy, workload),
    seed: input.seed,
    // The authors' simulator breaks ties by a seeded node order, not at random: this is what lets FGD's
    // integer scores pack (random ties spread small pods over every node and cost FGD ~5 points on `default`).
    // Their Random policy draws a fresh score per node and pod, i.e. a uniform pick: our random tie-break.
    tieBreak: input.policy === "random" ? "random" : "nodeOrder",
  });
  const frag = new ClusterFragmentation(engine.nodes(), workload.typical(0.95));
  const buckets = new CurveBuckets();
  let arrived = 0;
  let allocated = 0;
  let placed = 0;
  const record = (): void =>
    buckets.add(
      (arrived * 100) / capacity,
      (allocated * 100) / capacity,
      frag.idleMilli > 0 ? (frag.fragmentedMilli * 100) / frag.idleMilli : 0,
      (frag.fragmentedMilli * 100) / capacity,
    );
  record();
  const decisionsStarted = performance.now();
  for (let i = 0; i < offered.length; i++) {
    const pod = offered[i]!;
    const request = podRequest(pod, `pod-${i}`, migFleet);
    const result = engine.place(request, { explain: false });
    if (result.ok) {
      const node = engine.node(result.placement.node)!;
      const idleBefore = node.gpuFreeMilli;
      engine.commit(result.placement);
      frag.update(node, idleBefore);
      allocated += podGpuMilli(pod);
      placed++;
    }
    arrived += podGpuMilli(pod);
    record();
    if (input.onProgress && (i % 1000 === 999 || i === offered.length - 1))
      input.onProgress(i + 1, offered.length);
  }
  const decisionSeconds = (performance.now() - decisionsStarted) / 1000;
  const final = (allocated * 100) / capacity;
  const curve = buckets.curve();
  const at100 = curve[100] ?? curve[curve.length - 1]!;
  return {
    method: "fgd",
    policy: input.policy,
    seed: input.seed,
    tune: input.tune,
    migFleet,
    gpus: capacity / 1000,
    podsInTrace: pods.length,
    podsOffered: offered.length,
    podsPlaced: placed,
    podsFailed: offered.length - placed,
    allocationRatioAt100: at100.allocationPercent,
    allocationRatioFinal: final,
    fragRateAt100: at100.fragRatePercent,
    curve,
    wallSeconds: (performance.now() - started) / 1000,
    decisionsPerSecond: offered.length / decisionSeconds,
  };
}
