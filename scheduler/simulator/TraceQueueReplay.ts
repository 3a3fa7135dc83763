import { PlacementEngine } from "../engine/PlacementEngine.ts";
import { createPolicy, type PolicyName } from "../engine/PolicyRegistry.ts";
import { type EngineAllocation, EngineCapacity, type EngineRequest } from "../queue/EngineCapacity.ts";
import { FifoQueue } from "../queue/FifoQueue.ts";
import { engineSubmission } from "../queue/JobDemand.ts";
import type { QueueConfig } from "../queue/QueueConfig.ts";
import { QueueManager } from "../queue/QueueManager.ts";
import { runQueueTimeline, type TimelineArrival, type TimelineQueue } from "../queue/QueueTimeline.ts";
import { percentile } from "./Percentile.ts";
import { podRequest, traceCluster } from "./TraceFleet.ts";
import type { TraceNode, TracePod } from "./TraceReader.ts";

/** The trace's QoS classes as priority classes, used when the queue config defines a class of that name. */
export const priorityClassOfQos: Readonly<Record<string, { name: string; preemptible: boolean }>> = {
  LS: { name: "latency-sensitive", preemptible: true },
  Guaranteed: { name: "guaranteed", preemptible: false },
  Burstable: { name: "burstable", preemptible: true },
  BE: { name: "best-effort", preemptible: true },
};

export interface TraceQueueInput {
  nodes: readonly TraceNode[];
  pods: readonly TracePod[];
  config: QueueConfig;
  policy: PolicyName;
  seed: number;
  /** `queue`: the multi-tenant queue of the config; `fifo`: one strict first-in-first-out line, the baseline. */
  discipline: "queue" | "fifo";
  /** The queue of each pod; by default pods are spread evenly over the config's queues. */
  queueOf?: (pod: TracePod, index: number) => string;
  onProgress?: (done: number, total: number) => void;
}

export interface QueueDelayReport {
  queue: string;
  pods: number;
  /** Pods that never started before the replay ran out of events. */
  neverStarted: number;
  delayP50Seconds: number;
  delayP99Seconds: number;
  preemptions: number;
}

export interface TraceQueueReport {
  discipline: "queue" | "fifo";
  fleetGpus: number;
  /** Pods no node of the fleet could hold even empty: refused at submission, as the service does. */
  podsRefused: number;
  perQueue: QueueDelayReport[];
  preemptions: number;
  /** Time-weighted mean of allocated GPU-equivalents up to the trace's last deletion. */
  meanAllocatedGpus: number;
  meanAllocationPercent: number;
  /** Allocated GPUs at 25 evenly spaced times over the trace. */
  curve: { day: number; allocatedGpus: number; pending: number }[];
  cycles: number;
  wallSeconds: number;
}

/**
 * Replays a trace with its creation and deletion times through a queue on a virtual clock: each pod is a job of
 * its queue, runs for its trace lifetime (declared as its max runtime), and its QoS picks its priority class.
 */
export function replayTraceQueues(input: TraceQueueInput): TraceQueueReport {
  const started = performance.now();
  const { nodes, config } = input;
  const fleetGpus = nodes.reduce((sum, n) => sum + n.gpus, 0);
  const engine = new PlacementEngine(traceCluster(nodes, false), {
    policy: createPolicy(input.policy),
    seed: input.seed,
  });
  const capacity = new EngineCapacity(engine);
  const pods = input.pods.filter((pod) => engine.place(podRequest(pod, pod.name, false)).ok);
  const traceEnd = Math.max(0, ...pods.map((p) => p.deletionTime ?? p.creationTime ?? 0));
  const queueOf = input.queueOf ?? evenSpread(config.queues.map((q) => q.name));
  const classNames = new Set(config.priorityClasses.map((c) => c.name));
  const arrivals: TimelineArrival<EngineRequest>[] = pods.map((pod, index) => {
    const at = pod.creationTime ?? 0;
    const runSeconds = Math.max(1, (pod.deletionTime ?? traceEnd) - at);
    const qos = priorityClassOfQos[pod.qos ?? ""];
    const request: EngineRequest = { gang: false, request: podRequest(pod, pod.name, false) };
    return {
      at,
      runSeconds,
      submission: engineSubmission(pod.name, request, {
        queue: queueOf(pod, index),
        priorityClass: qos && classNames.has(qos.name) ? qos.name : undefined,
        preemptible: qos?.preemptible ?? true,
        requeueOnPreemption: true,
        maxRuntimeSeconds: runSeconds,
      }),
    };
  });
  const queue: TimelineQueue<EngineRequest, EngineAllocation> =
    input.discipline === "queue" ? new QueueManager({ config, capacity }) : new FifoQueue(capacity);
  const result = runQueueTimeline(queue, arrivals, {
    sampleEverySeconds: 0,
    onProgress: (done, total) => input.onProgress?.(done, total),
  });

  const perQueue = [...new Set(arrivals.map((a) => a.submission.queue ?? ""))].sort().map((name) => {
    const jobs = result.jobs.filter((j) => j.queue === name);
    const delays = jobs
      .flatMap((j) => (j.firstStartedAt === undefined ? [] : [j.firstStartedAt - j.submittedAt]))
      .sort((a, b) => a - b);
    return {
      queue: name,
      pods: jobs.length,
      neverStarted: jobs.filter((j) => j.firstStartedAt === undefined).length,
      delayP50Seconds: percentile(delays, 0.5),
      delayP99Seconds: percentile(delays, 0.99),
      preemptions: jobs.reduce((sum, j) => sum + j.preemptions, 0),
    };
  });
  // Time-weighted: each sample holds until the next one.
  const samples = result.samples.filter((s) => s.t <= traceEnd);
  let weighted = 0;
  for (let i = 0; i < samples.length; i++) {
    const next = samples[i + 1]?.t ?? traceEnd;
    weighted += samples[i]!.allocatedGpus * (next - samples[i]!.t);
  }
  const span = Math.max(1, traceEnd - (samples[0]?.t ?? 0));
  const meanAllocatedGpus = weighted / span;
  const curve = Array.from({ length: 25 }, (_, i) => {
    const t = (traceEnd * i) / 24;
    const sample = samples.filter((s) => s.t <= t).at(-1);
    return {
      day: Math.round((t / 86400) * 10) / 10,
      allocatedGpus: Math.round((sample?.allocatedGpus ?? 0) * 10) / 10,
      pending: sample?.pending ?? 0,
    };
  });
  return {
    discipline: input.discipline,
    fleetGpus,
    podsRefused: input.pods.length - pods.length,
    perQueue,
    preemptions: result.preemptions.length,
    meanAllocatedGpus: Math.round(meanAllocatedGpus * 10) / 10,
    meanAllocationPercent: Math.round((meanAllocatedGpus / Math.max(1, fleetGpus)) * 1000) / 10,
    curve,
    cycles: result.cycles,
    wallSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/** Pods spread evenly over the queues, by a fixed hash of their row so both disciplines see the same split. */
export function evenSpread(queues: readonly string[]): (pod: TracePod, index: number) => string {
  return (_pod, index) => queues[Math.floor(lcg(index) * queues.length)] ?? queues[0] ?? "default";
}

/** A uniform number in [0, 1) from a row number: the same pod always lands in the same queue. */
export function lcg(index: number): number {
  return ((index * 1103515245 + 12345) % 2147483648) / 2147483648;
}
