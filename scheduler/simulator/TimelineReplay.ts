import { PlacementEngine } from "../engine/PlacementEngine.ts";
import { createPolicy, type PolicyName } from "../engine/PolicyRegistry.ts";
import { TargetWorkload } from "../engine/TargetWorkload.ts";
import { EventHeap } from "../queue/EventHeap.ts";
import type { ReplayInput } from "./FgdReplay.ts";
import { percentile } from "./Percentile.ts";
import { fleetGpuMilli, podGpuMilli, podRequest, traceCluster } from "./TraceFleet.ts";
import { TraceInputError, type TracePod } from "./TraceReader.ts";

export interface TimelineCurvePoint {
  timeSeconds: number;
  allocationPercent: number;
  queueLength: number;
}

export interface DelayStats {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Pods of one request shape that were never placed, and why the engine refused them on the emptied fleet. */
export interface NeverPlacedPods {
  pods: number;
  /** The shape, e.g. `1 GPU, 64 CPU, 256 GiB`. */
  request: string;
  /** The engine's sentence: `0/12 nodes are available: 12 insufficient CPU.` */
  reason: string;
}

export interface TimelineReplayResult {
  method: "timeline";
  policy: PolicyName;
  seed: number;
  migFleet: boolean;
  gpus: number;
  podsInTrace: number;
  podsOffered: number;
  podsPlaced: number;
  /** Pods still waiting when the trace ran out of events. */
  podsFailed: number;
  /** Pods that had to wait at all. */
  podsQueued: number;
  /** Not defined for this method (departures make "arrived workload" meaningless); always null. */
  allocationRatioAt100: null;
  /** Allocation (percent of GPU thousandths) when the last pod arrived. */
  allocationRatioFinal: number;
  /** Time-weighted mean allocation over the trace, percent. */
  allocationRatioMean: number;
  /** Delay of the placed pods, from arrival to placement. */
  queueingDelaySeconds: DelayStats;
  /**
   * Delay over all pods: a pod never placed counts from its arrival to the end of the replay, so this is a lower
   * bound whenever `podsFailed` > 0.
   */
  queueingDelayAllPodsSeconds: DelayStats;
  /** The pods never placed, grouped by request shape, most first. */
  neverPlaced: NeverPlacedPods[];
  /** GPU-hours no pod held, from the first arrival to the last arrival (or until the queue drained). */
  gpuHoursUnallocated: number;
  gpuHoursAllocated: number;
  curve: TimelineCurvePoint[];
  wallSeconds: number;
  decisionsPerSecond: number;
}

interface Waiting {
  index: number;
  pod: TracePod;
  key: string;
}

function delayStats(delays: readonly number[]): DelayStats {
  const sorted = [...delays].sort((a, b) => a - b);
  return {
    mean: sorted.length > 0 ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

function requestText(pod: TracePod): string {
  const gpu =
    pod.numGpu === 0
      ? "no GPU"
      : pod.numGpu === 1 && pod.gpuMilli < 1000
        ? `${pod.gpuMilli / 1000} GPU`
        : `${pod.numGpu} GPU${pod.numGpu > 1 ? "s" : ""}`;
  const memory = pod.memoryMiB >= 1024 ? `${+(pod.memoryMiB / 1024).toFixed(1)} GiB` : `${pod.memoryMiB} MiB`;
  return `${gpu}, ${+(pod.cpuMilli / 1000).toFixed(1)} CPU, ${memory}`;
}

interface Departure {
  time: number;
  id: string;
  milli: number;
}

/** How long a pod holds its resources once placed: its run time in the trace. */
function runSeconds(pod: TracePod): number {
  const start = pod.scheduledTime ?? pod.creationTime!;
  return Math.max(1, pod.deletionTime! - start);
}

/**
 * Replays pods at their creation times; each holds its resources for its run time in the trace. A pod that does
 * not fit waits in a FIFO queue that is retried (skipping shapes that already failed in the pass) whenever
 * resources are released.
 */
export function replayTimeline(input: ReplayInput & { podsFile: string }): TimelineReplayResult {
  const started = performance.now();
  const { nodes, pods, migFleet } = input;
  for (const p of pods) {
    if (p.creationTime === null || p.deletionTime === null) {
      throw new TraceInputError(
        `${input.podsFile}:${p.line}: creation_time or deletion_time is empty or missing; --method timeline needs both`,
      );
    }
  }
  const capacity = fleetGpuMilli(nodes);
  if (capacity === 0) throw new Error("the node list has no GPUs");
  const arrivals = pods
    .map((pod, index) => ({ pod, index }))
    .sort((a, b) => a.pod.creationTime! - b.pod.creationTime! || a.index - b.index);
  const requests = pods.map((p, i) => podRequest(p, `pod-${i}`, migFleet));
  const engine = new PlacementEngine(traceCluster(nodes, migFleet), {
    policy: createPolicy(input.policy, TargetWorkload.fromRequests(requests)),
    seed: input.seed,
  });
  const departures = new EventHeap<Departure>((a, b) => a.time < b.time);
  let queue: Waiting[] = [];
  const delays: number[] = [];
  const rawCurve: TimelineCurvePoint[] = [];
  let allocated = 0;
  let now = arrivals[0]?.pod.creationTime ?? 0;
  const firstTime = now;
  let idleMilliSeconds = 0;
  let allocatedMilliSeconds = 0;
  let decisions = 0;
  let decisionMs = 0;
  let queued = 0;
  let finalAllocation = 0;

  const advance = (t: number): void => {
    if (t > now) {
      idleMilliSeconds += (capacity - allocated) * (t - now);
      allocatedMilliSeconds += allocated * (t - now);
      now = t;
    }
  };
  const tryPlace = (w: Waiting): boolean => {
    const t0 = performance.now();
    const result = engine.place(requests[w.index]!, { explain: false });
    decisions++;
    if (result.ok) engine.commit(result.placement);
    decisionMs += performance.now() - t0;
    if (!result.ok) return false;
    const milli = podGpuMilli(w.pod);
    allocated += milli;
    delays.push(now - w.pod.creationTime!);
    departures.push({ time: now + runSeconds(w.pod), id: requests[w.index]!.id, milli });
    return true;
  };
  const retryQueue = (): void => {
    const failed = new Set<string>();
    const still: Waiting[] = [];
    for (const w of queue) {
      if (failed.has(w.key) || !tryPlace(w)) {
        failed.add(w.key);
        still.push(w);
      }
    }
    queue = still;
  };
  const record = (): void => {
    rawCurve.push({
      timeSeconds: now,
      allocationPercent: (allocated * 100) / capacity,
      queueLength: queue.length,
    });
  };

  let next = 0;
  while (next < arrivals.length || (departures.size > 0 && queue.length > 0)) {
    const arrivalTime = next < arrivals.length ? arrivals[next]!.pod.creationTime! : Number.POSITIVE_INFINITY;
    const departure = departures.peek();
    if (departure && departure.time <= arrivalTime) {
      advance(departure.time);
      while (departures.peek() && departures.peek()!.time <= now) {
        const d = departures.pop()!;
        engine.release(d.id);
        allocated -= d.milli;
      }
      if (queue.length > 0) retryQueue();
    } else {
      advance(arrivalTime);
      const { pod, index } = arrivals[next++]!;
      const w: Waiting = {
        index,
        pod,
        key: `${pod.cpuMilli}/${pod.memoryMiB}/${pod.numGpu}/${pod.gpuMilli}/${pod.gpuSpec?.join("|") ?? ""}`,
      };
      if (!tryPlace(w)) {
        queue.push(w);
        queued++;
      }
      if (next === arrivals.length) finalAllocation = (allocated * 100) / capacity;
      if (input.onProgress && (next % 1000 === 0 || next === arrivals.length))
        input.onProgress(next, arrivals.length);
    }
    record();
  }
  const span = now - firstTime;
  // The loop ends with waiting pods only once every pod has left: they do not fit the empty fleet, ever.
  const neverPlaced = new Map<string, NeverPlacedPods>();
  for (const w of queue) {
    const group = neverPlaced.get(w.key);
    if (group) {
      group.pods++;
      continue;
    }
    const result = engine.place(requests[w.index]!, { explain: true });
    const reason = result.ok ? "fits only after the replay ended" : result.unschedulable.message;
    neverPlaced.set(w.key, { pods: 1, request: requestText(w.pod), reason });
  }
  const step = Math.max(1, Math.ceil(rawCurve.length / 500));
  const curve = rawCurve.filter((_, i) => i % step === 0 || i === rawCurve.length - 1);
  return {
    method: "timeline",
    policy: input.policy,
    seed: input.seed,
    migFleet,
    gpus: capacity / 1000,
    podsInTrace: pods.length,
    podsOffered: pods.length,
    podsPlaced: delays.length,
    podsFailed: pods.length - delays.length,
    podsQueued: queued,
    allocationRatioAt100: null,
    allocationRatioFinal: finalAllocation,
    allocationRatioMean: span > 0 ? (allocatedMilliSeconds * 100) / (capacity * span) : 0,
    queueingDelaySeconds: delayStats(delays),
    queueingDelayAllPodsSeconds: delayStats([...delays, ...queue.map((w) => now - w.pod.creationTime!)]),
    neverPlaced: [...neverPlaced.values()].sort(
      (a, b) => b.pods - a.pods || (a.request < b.request ? -1 : 1),
    ),
    gpuHoursUnallocated: idleMilliSeconds / 1000 / 3600,
    gpuHoursAllocated: allocatedMilliSeconds / 1000 / 3600,
    curve,
    wallSeconds: (performance.now() - started) / 1000,
    decisionsPerSecond: decisionMs > 0 ? (decisions * 1000) / decisionMs : 0,
  };
}
