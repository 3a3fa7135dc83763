import type { Placement } from "../engine/Placement.ts";
import { allocationIds, engineRequest } from "../queue/JobEngineRequest.ts";
import {
  PREEMPTION_REASON_PREFIX,
  type SchedulerQueue,
  type ServiceJob,
  type ServiceJobSource,
  serviceJob,
} from "../queue/SchedulerQueue.ts";
import type { JobRecord, SliceAllocation } from "../store/JobRecord.ts";
import type { AgentChannel } from "./AgentChannel.ts";
import type { ClusterMirror } from "./ClusterMirror.ts";
import { sliceAllocations } from "./EngineBridge.ts";
import { activeJobStates, type JobLifecycle } from "./JobLifecycle.ts";
import type { NodeRegistry } from "./NodeRegistry.ts";
import { PendingReasons } from "./PendingReasons.ts";
import type { Clock, TimerSource } from "./TimerSource.ts";

export interface PlacementCycleDeps {
  jobs: JobLifecycle;
  nodes: NodeRegistry;
  mirror: ClusterMirror;
  queue: SchedulerQueue;
  channel: AgentChannel;
  clock: Clock;
  timers: TimerSource;
  /** After the decisions: the time one took on average, and how many jobs were decided. */
  decided: (secondsEach: number, count: number) => void;
  log: (line: string) => void;
  /** What one cycle leaves the next; the same object every cycle. */
  carry: CycleCarryOver;
}

export interface CycleCarryOver {
  /**
   * The last cycle told every pending job that no node is Ready: while none is, the next cycle need tell only the
   * jobs changed since (a submit is stored with that reason already), not walk every pending job again.
   */
  toldNoReadyNode: boolean;
}

/**
 * A cycle's outcome: its decisions were stored (`admitted`: and some job started, so the jobs it judged before
 * that start are worth another look), undone (retry later), or there was nothing to do.
 */
export type CycleOutcome = "admitted" | "stored" | "undone" | "idle";

/** Why every pending job waits while no node can take work. */
export const NO_READY_NODE_REASON =
  "no node is Ready: start an agent (`tessera agent --scheduler ADDR`) or wait for one to reconnect";

/** Whether any node can take work now (a cycle without one only explains why jobs wait). */
export function anyNodeReady(nodes: NodeRegistry): boolean {
  for (const n of nodes.all()) if (n.inEngine && n.state === "Ready") return true;
  return false;
}

/** The jobs the queue accounts for (pending and active), in its terms. */
export function queueJobs(jobs: JobLifecycle): ServiceJob[] {
  return [...jobs.liveJobs()].flatMap((job) => queueJob(job) ?? []);
}

export function queueJob(job: JobRecord): ServiceJob | undefined {
  return serviceJob(job, engineRequest(job), allocationIds(job));
}

/**
 * The job records as the queue's incremental sync reads them (see `SchedulerQueue.sync`); `changed`: the jobs
 * changed since the last placement cycle took them (`JobLifecycle.takeChanged`).
 */
export function queueJobSource(jobs: JobLifecycle, changed: readonly JobRecord[]): ServiceJobSource {
  return {
    all: () => queueJobs(jobs),
    changed: () => changed.map((job) => job.id),
    job: (id) => {
      const job = jobs.get(id);
      return job && queueJob(job);
    },
    allocationIds: (id) => {
      const job = jobs.get(id);
      return job && activeJobStates.has(job.state) ? allocationIds(job) : undefined;
    },
    order: (id) => jobs.liveOrder(id),
  };
}

/**
 * One placement cycle, as kube-scheduler's: the queue (quotas, fair share, priorities, reservations) reserves
 * placements for pending jobs in the engine and may preempt running ones (reserve); the changed jobs are stored
 * (persist); only then do the affected nodes learn their new desired state (bind). When the store write fails,
 * every reservation is undone and the jobs stay as they were, so the engine never holds what the store does not.
 */
export async function placementCycle(d: PlacementCycleDeps): Promise<CycleOutcome> {
  const sinceLast = d.jobs.takeChanged();
  // Drops what the queue still holds for jobs that ended or were cancelled, their reservation included.
  d.queue.sync(queueJobSource(d.jobs, sinceLast));
  if (d.jobs.pendingCount() === 0) return "idle";
  // A set: a cycle over thousands of pending jobs must not look through the changed ones for each.
  const changedJobs = new Set<JobRecord>();
  // What each job the cycle changes was before, to undo the cycle if it cannot be stored.
  const before = new Map<JobRecord, JobRecord>();
  const remember = (job: JobRecord) => {
    if (!before.has(job)) before.set(job, structuredClone(job));
  };
  const explain = (job: JobRecord, reason: string) => {
    if (job.reason === reason) return;
    remember(job);
    d.jobs.explain(job, reason);
    changedJobs.add(job);
  };
  if (!anyNodeReady(d.nodes)) {
    const toTell = d.carry.toldNoReadyNode
      ? sinceLast.filter((j) => j.state === "Pending").sort((a, b) => a.seq - b.seq)
      : d.jobs.pending();
    for (const job of toTell) explain(job, NO_READY_NODE_REASON);
    d.carry.toldNoReadyNode = true;
    await d.jobs.persist([...changedJobs]);
    return "stored";
  }
  d.carry.toldNoReadyNode = false;
  const pending = d.jobs.pending();
  const deciding = d.timers.monotonicMs();
  const reasons = new PendingReasons(
    d.mirror.engine,
    (a) => d.jobs.ofAllocation(a),
    d.mirror.failedLayouts(),
  );
  const plan = d.queue.cycle(d.clock(), (id, message) => {
    const job = d.jobs.get(id);
    return job ? reasons.reason(job, message) : message;
  });
  // One cycle decides every pending job; its time shared among them is the per-decision latency.
  d.decided((d.timers.monotonicMs() - deciding) / 1000 / pending.length, pending.length);
  const touched = new Set<string>();
  const reserved: Placement[] = [];
  for (const admitted of plan.admitted) {
    reserved.push(...admitted.allocation);
    const job = d.jobs.get(admitted.job.id);
    if (!job) continue;
    remember(job);
    const allocations = sliceAllocations([...admitted.allocation], (n) => d.mirror.engine.node(n));
    d.jobs.schedule(job, allocations, `placed on ${allocations.map(describeSlice).join(", ")}`);
    for (const a of job.allocations) touched.add(a.node);
    changedJobs.add(job);
  }
  for (const preemption of plan.preempted) {
    const job = d.jobs.get(preemption.jobId);
    if (!job || d.jobs.stopping(job)) continue;
    remember(job);
    const why = `${PREEMPTION_REASON_PREFIX} (${preemption.reason})`;
    d.jobs.requestStop(
      job,
      { cause: "preemption", reason: why, graceSeconds: preemption.graceSeconds },
      `${why}; graceful stop with ${preemption.graceSeconds}s grace`,
    );
    changedJobs.add(job);
    for (const a of job.allocations) touched.add(a.node);
  }
  for (const [id, reason] of plan.waiting) {
    const job = d.jobs.get(id);
    if (job?.state === "Pending") explain(job, reason);
  }
  for (const job of d.jobs.noteBorrowing(d.queue.borrowing(), remember)) changedJobs.add(job);
  const changed = [...changedJobs];
  try {
    await d.jobs.persist(changed);
  } catch (err) {
    d.mirror.unreserve(reserved);
    for (const [job, was] of before) d.jobs.restore(job, was);
    d.queue.sync(queueJobSource(d.jobs, d.jobs.takeChanged()));
    d.log(
      `placement cycle: storing ${changed.length} job(s) failed, their placements were undone and they stay ` +
        `pending: ${(err as Error).message}`,
    );
    return "undone";
  }
  for (const name of touched) {
    const node = d.nodes.get(name);
    if (node) d.channel.pushDesired(node);
  }
  return plan.admitted.length > 0 ? "admitted" : "stored";
}

function describeSlice(a: SliceAllocation): string {
  if (a.kind === "none") return `${a.node} (CPU and memory only, no GPU)`;
  const gpu = `${a.node} GPU ${a.gpuIndex} (${a.gpuModel})`;
  if (a.kind === "mig") return `${gpu} MIG ${a.migProfile} at slot ${a.migStart}`;
  if (a.kind === "share") return `${gpu} share ${a.shareMilli / 10}% + ${a.shareMemoryMiB} MiB`;
  return `${gpu} whole`;
}
