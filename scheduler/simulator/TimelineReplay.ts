import { PlacementEngine } from "../engine/PlacementEngine.ts";
import { createPolicy, type PolicyName } from "../engine/PolicyRegistry.ts";
import { TargetWorkload } from "../engine/TargetWorkload.ts";
import { BackfillLine } from "../queue/BackfillLine.ts";
import type { CapacityModel } from "../queue/CapacityModel.ts";
import { type EngineAllocation, EngineCapacity, type EngineRequest } from "../queue/EngineCapacity.ts";
import { engineSubmission } from "../queue/JobDemand.ts";
import { runQueueTimeline, type TimelineArrival } from "../queue/QueueTimeline.ts";
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

/** How long a pod holds its resources once placed: its run time in the trace. */
function runSeconds(pod: TracePod): number {
  const start = pod.scheduledTime ?? pod.creationTime!;
  return Math.max(1, pod.deletionTime! - start);
}

/** The pods of a shape the engine cannot tell apart (for grouping the never placed). */
function shapeKey(pod: TracePod): string {
  return `${pod.cpuMilli}/${pod.memoryMiB}/${pod.numGpu}/${pod.gpuMilli}/${pod.gpuSpec?.join("|") ?? ""}`;
}

/**
 * Replays pods at their creation times through a `BackfillLine` (a pod is tried when it arrives; the pods that
 * did not fit wait and are tried again, skipping shapes that already failed, whenever resources are released);
 * each placed pod holds its resources for its run time in the trace.
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
  const requests = pods.map((p, i) => podRequest(p, `pod-${i}`, migFleet));
  const engine = new PlacementEngine(traceCluster(nodes, migFleet), {
    policy: createPolicy(input.policy, TargetWorkload.fromRequests(requests)),
    seed: input.seed,
  });
  const engineCapacity = new EngineCapacity(engine, false);
  let decisions = 0;
  let decisionMs = 0;
  const timed: CapacityModel<EngineRequest, EngineAllocation> = {
    place(request) {
      const t0 = performance.now();
      const result = engineCapacity.place(request);
      decisions++;
      decisionMs += performance.now() - t0;
      return result;
    },
    release: (allocation) => engineCapacity.release(allocation),
    restore: (allocation) => engineCapacity.restore(allocation),
    shapeOf: (request) => engineCapacity.shapeOf(request),
  };
  const line = new BackfillLine(timed);
  const arrivals: TimelineArrival<EngineRequest>[] = pods.map((pod, i) => ({
    submission: engineSubmission(`pod-${i}`, { gang: false, request: requests[i]! }, {}),
    at: pod.creationTime!,
    runSeconds: runSeconds(pod),
  }));
  const lastArrival = pods.reduce((last, p) => Math.max(last, p.creationTime!), Number.NEGATIVE_INFINITY);
  let shown = -1;
  const timeline = runQueueTimeline(line, arrivals, {
    stopWhenDrained: true,
    onProgress: input.onProgress
      ? (done, total) => {
          if (done === shown || (done % 1000 !== 0 && done !== total)) return;
          shown = done;
          input.onProgress?.(done, total);
        }
      : undefined,
  });
  const indexOf = (id: string) => Number(id.slice("pod-".length));

  // Allocation after each cycle, from when each pod started and ended.
  const changes: { t: number; milli: number }[] = [];
  const delays: number[] = [];
  let queued = 0;
  for (const job of timeline.jobs) {
    if (job.firstStartedAt === undefined || job.firstStartedAt > job.submittedAt) queued++;
    if (job.firstStartedAt === undefined) continue;
    delays.push(job.firstStartedAt - job.submittedAt);
    const milli = podGpuMilli(pods[indexOf(job.id)]!);
    changes.push({ t: job.firstStartedAt, milli });
    if (job.endedAt !== undefined) changes.push({ t: job.endedAt, milli: -milli });
  }
  changes.sort((a, b) => a.t - b.t);
  const rawCurve: TimelineCurvePoint[] = [];
  let allocated = 0;
  let change = 0;
  let idleMilliSeconds = 0;
  let allocatedMilliSeconds = 0;
  let finalAllocation = 0;
  for (const [i, sample] of timeline.samples.entries()) {
    for (; change < changes.length && changes[change]!.t <= sample.t; change++)
      allocated += changes[change]!.milli;
    const allocationPercent = (allocated * 100) / capacity;
    if (sample.t === lastArrival) finalAllocation = allocationPercent;
    rawCurve.push({ timeSeconds: sample.t, allocationPercent, queueLength: sample.pending });
    const next = timeline.samples[i + 1]?.t ?? sample.t;
    idleMilliSeconds += (capacity - allocated) * (next - sample.t);
    allocatedMilliSeconds += allocated * (next - sample.t);
  }
  const firstTime = timeline.samples[0]?.t ?? 0;
  const now = timeline.endedAt;
  const span = now - firstTime;
  // The replay ends with waiting pods only once every pod has left: they do not fit the empty fleet, ever.
  const waiting = line.pendingJobs().map((job) => pods[indexOf(job.id)]!);
  const neverPlaced = new Map<string, NeverPlacedPods>();
  for (const job of line.pendingJobs()) {
    const index = indexOf(job.id);
    const pod = pods[index]!;
    const key = shapeKey(pod);
    const group = neverPlaced.get(key);
    if (group) {
      group.pods++;
      continue;
    }
    const result = engine.place(requests[index]!, { explain: true });
    const reason = result.ok ? "fits only after the replay ended" : result.unschedulable.message;
    neverPlaced.set(key, { pods: 1, request: requestText(pod), reason });
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
    queueingDelayAllPodsSeconds: delayStats([...delays, ...waiting.map((pod) => now - pod.creationTime!)]),
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
