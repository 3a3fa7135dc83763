import { PlacementEngine } from "../engine/PlacementEngine.ts";
import type { PlacementRequest } from "../engine/PlacementRequest.ts";
import { createPolicy, type PolicyName } from "../engine/PolicyRegistry.ts";
import { SeededRandom } from "../engine/SeededRandom.ts";
import { TargetWorkload } from "../engine/TargetWorkload.ts";
import { ClusterFragmentation } from "./ClusterFragmentation.ts";
import { fleetGpuMilli, type MigLayoutName, podGpuMilli, podRequest, traceCluster } from "./TraceFleet.ts";
import type { TraceNode, TracePod } from "./TraceReader.ts";

export interface ReplayInput {
  nodes: readonly TraceNode[];
  pods: readonly TracePod[];
  policy: PolicyName;
  seed: number;
  migFleet: boolean;
  /** With `migFleet`: every GPU starts in this static layout and keeps it (no MIG instance created or re-carved). */
  migLayout?: MigLayoutName;
  /** Called now and then with pods done and pods in total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * One point of the curve, sampled as the FGD authors' merge script (`merge_alloc_discrete.py`) does: the mean over
 * every event (each offered pod, after its decision) whose arrived percent rounds to `arrivedPercent`.
 */
export interface FgdCurvePoint {
  /** GPU thousandths offered so far (placed or not) / capacity, in percent, rounded half to even. */
  arrivedPercent: number;
  /** GPU thousandths allocated / capacity, in percent: the mean of the events' values rounded to two decimals. */
  allocationPercent: number;
  /** Fragmented / idle GPU, in percent (FGD's frag rate). */
  fragRatePercent: number;
  /** Fragmented / total GPU, in percent. */
  fragTotalPercent: number;
}

/**
 * `x` rounded to `digits` decimals as Python's `round` does it (the merge script's): on the exact binary value,
 * an exact half going to the even neighbour. `toFixed` rounds the exact value too, but exact halves up.
 */
export function roundHalfEven(x: number, digits = 0): number {
  // 60 decimals show the exact value of any number this simulator rounds (percents, at most 52 fraction bits).
  const exact = Math.abs(x).toFixed(60);
  const point = exact.indexOf(".");
  const rest = exact.slice(point + 1 + digits);
  if (/^50*$/.test(rest)) {
    const down = Number(exact.slice(0, point + 1 + digits));
    const lastDigit = Number(exact[digits > 0 ? point + digits : point - 1]);
    const magnitude = lastDigit % 2 === 0 ? down : down + 10 ** -digits;
    return Math.sign(x) * Number(magnitude.toFixed(digits));
  }
  return Number(x.toFixed(digits));
}

/** Event sums per rounded arrived percent, averaged into the curve at the end. */
export class CurveBuckets {
  private readonly sums: { n: number; alloc: number; fragRate: number; fragTotal: number }[] = [];

  add(arrivedPercent: number, alloc: number, fragRate: number, fragTotal: number): void {
    const k = roundHalfEven(arrivedPercent);
    let b = this.sums[k];
    if (!b) {
      b = { n: 0, alloc: 0, fragRate: 0, fragTotal: 0 };
      this.sums[k] = b;
    }
    b.n++;
    b.alloc += roundHalfEven(alloc, 2);
    b.fragRate += fragRate;
    b.fragTotal += fragTotal;
  }

  /**
   * A point per integer percent up to the last event. A percent no event rounds to takes the mean of its
   * neighbours' events (the merge script's +-1 window); when those are empty too it has no point.
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
      if (n === 0) continue;
      out.push({
        arrivedPercent: x,
        allocationPercent: roundHalfEven(alloc / n, 2),
        fragRatePercent: fragRate / n,
        fragTotalPercent: fragTotal / n,
      });
    }
    return out;
  }
}

/** The curve's point at `percent` arrived, else the last one before it. */
export function curvePointAt(curve: readonly FgdCurvePoint[], percent: number): FgdCurvePoint | undefined {
  let found: FgdCurvePoint | undefined;
  for (const p of curve) {
    if (p.arrivedPercent > percent) break;
    found = p;
  }
  return found;
}

export interface FgdReplayResult {
  method: "fgd";
  policy: PolicyName;
  seed: number;
  tune: number;
  migFleet: boolean;
  /** The static MIG layout every GPU kept, or null (MIG instances created and GPUs re-carved as needed). */
  migLayout: MigLayoutName | null;
  gpus: number;
  podsInTrace: number;
  podsOffered: number;
  podsPlaced: number;
  podsFailed: number;
  /**
   * GPUs re-carved to place a pod: an idle GPU given a new MIG layout, or taken out of MIG mode for a whole-GPU
   * pod (creating an instance in free space of a MIG GPU is not counted). Each is a drain on a real GPU.
   */
  repartitions: number;
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

/** The arrival sequence of the paper's method for a seed (`tunedPods` from the seed's own stream). */
export function fgdArrivals(
  pods: readonly TracePod[],
  capacityMilli: number,
  tune: number,
  seed: number,
): TracePod[] {
  return tunedPods(pods, capacityMilli, tune, new SeededRandom(seed));
}

/**
 * The pods of a run's arrivals whose arrived percent (GPU thousandths offered so far, this pod's included, over
 * capacity) rounds to at most `percent`: every pod that can count at that point of the curve.
 */
export function podsArrivedBy(
  offered: readonly TracePod[],
  capacityMilli: number,
  percent: number,
): TracePod[] {
  const out: TracePod[] = [];
  let arrived = 0;
  for (const p of offered) {
    arrived += podGpuMilli(p);
    if (roundHalfEven((arrived * 100) / capacityMilli) > percent) break;
    out.push(p);
  }
  return out;
}

/**
 * The engine's seed for a run's seed: a separate stream from the pod shuffle, so a node's tie rank is not the
 * number that chose a shuffled pod (the authors' simulator draws the two independently).
 */
export function engineSeed(seed: number): number {
  // One round of a 32-bit integer hash (murmur3's finaliser) of the seed with a fixed salt.
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The FGD paper's method: one pass over shuffled, tuned arrivals; a pod that fits nowhere is dropped. */
export function replayFgd(input: ReplayInput & { tune: number }): FgdReplayResult {
  const started = performance.now();
  const { nodes, pods, migFleet } = input;
  const capacity = fleetGpuMilli(nodes);
  if (capacity === 0) throw new Error("the node list has no GPUs");
  const offered = fgdArrivals(pods, capacity, input.tune, input.seed);
  const originals: PlacementRequest[] = pods.map((p, i) => podRequest(p, `trace-${i}`, migFleet));
  const workload = TargetWorkload.fromRequests(originals);
  if (input.migLayout && !migFleet) throw new Error("a static MIG layout needs the MIG fleet (--mig-fleet)");
  const engine = new PlacementEngine(traceCluster(nodes, migFleet, input.migLayout), {
    fixedMigLayouts: input.migLayout !== undefined,
    policy: createPolicy(input.policy, workload),
    seed: engineSeed(input.seed),
    // The authors' simulator breaks ties by a seeded node order, not at random: this is what lets FGD's
    // integer scores pack (random ties spread small pods over every node and cost FGD ~5 points on `default`).
    // Their Random picks one feasible node uniformly: our random tie-break over equal (zero) scores.
    tieBreak: input.policy === "random" ? "random" : "nodeOrder",
  });
  const frag = new ClusterFragmentation(engine.nodes(), workload.typical(0.95));
  const buckets = new CurveBuckets();
  let arrived = 0;
  let allocated = 0;
  let placed = 0;
  let repartitions = 0;
  const record = (): void =>
    buckets.add(
      (arrived * 100) / capacity,
      (allocated * 100) / capacity,
      frag.idleMilli > 0 ? (frag.fragmentedMilli * 100) / frag.idleMilli : 0,
      (frag.fragmentedMilli * 100) / capacity,
    );
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
      for (const g of result.placement.gpus)
        if (
          (g.kind === "mig" && g.action === "repartition") ||
          (g.kind === "whole" && g.switchFrom === "mig")
        )
          repartitions++;
    }
    arrived += podGpuMilli(pod);
    record();
    if (input.onProgress && (i % 1000 === 999 || i === offered.length - 1))
      input.onProgress(i + 1, offered.length);
  }
  const decisionSeconds = (performance.now() - decisionsStarted) / 1000;
  const final = (allocated * 100) / capacity;
  const curve = buckets.curve();
  const at100 = curvePointAt(curve, 100) ?? { allocationPercent: 0, fragRatePercent: 0 };
  return {
    method: "fgd",
    policy: input.policy,
    seed: input.seed,
    tune: input.tune,
    migFleet,
    migLayout: input.migLayout ?? null,
    gpus: capacity / 1000,
    podsInTrace: pods.length,
    podsOffered: offered.length,
    podsPlaced: placed,
    podsFailed: offered.length - placed,
    repartitions,
    allocationRatioAt100: at100.allocationPercent,
    allocationRatioFinal: final,
    fragRateAt100: at100.fragRatePercent,
    curve,
    wallSeconds: (performance.now() - started) / 1000,
    decisionsPerSecond: offered.length / decisionSeconds,
  };
}
