import type { PlacementEngine } from "../engine/PlacementEngine.ts";
import type { JobRecord } from "../store/JobRecord.ts";
import { type EngineAllocation, EngineCapacity, type EngineRequest } from "./EngineCapacity.ts";
import { engineSubmission } from "./JobDemand.ts";
import { type JobSubmission, QueueSubmissionError } from "./JobSubmission.ts";
import type { QueueConfig } from "./QueueConfig.ts";
import type { Admission } from "./QueueCycleResult.ts";
import { QueueManager } from "./QueueManager.ts";
import type { PendingAudit } from "./QueuePendingReason.ts";
import { type QueueStatus, withQueuePlace } from "./QueueStatus.ts";

/** Prefix of the reason of a job the queue preempted, while it stops and once it ended Preempted. */
export const PREEMPTION_REASON_PREFIX = "preemption requested";

/** A job as the scheduler service holds it, in the terms the queue needs. */
export interface ServiceJob {
  id: string;
  queue: string;
  priority: number;
  priorityClass: string | undefined;
  preemptible: boolean;
  requeueOnPreemption: boolean;
  maxRuntimeSeconds: number | undefined;
  submittedAtMs: number;
  /** Pending, or holding an allocation (Scheduled/Running); jobs in final states are left out. */
  phase: "pending" | "active";
  startedAtMs: number | undefined;
  /** Set while a preempted job stops. */
  stopping: { reason: string; sinceMs: number } | undefined;
  request: EngineRequest;
  allocationIds: readonly string[];
}

export function serviceJob(
  job: JobRecord,
  request: EngineRequest,
  allocationIds: readonly string[],
): ServiceJob | undefined {
  const phase =
    job.state === "Pending"
      ? "pending"
      : job.state === "Scheduled" || job.state === "Running"
        ? "active"
        : undefined;
  if (!phase) return undefined;
  const lastTransition = job.transitions[job.transitions.length - 1];
  return {
    id: job.id,
    queue: job.spec.queue || "default",
    priority: job.spec.priority,
    priorityClass: job.spec.priorityClass || undefined,
    preemptible: job.spec.preemptible ?? false,
    requeueOnPreemption: job.spec.requeueOnPreemption ?? false,
    maxRuntimeSeconds: job.spec.maxRuntimeSeconds || undefined,
    submittedAtMs: job.createdMs,
    phase,
    startedAtMs: phase === "active" ? job.startedMs || lastTransition?.atMs : undefined,
    stopping:
      job.stop?.cause === "preemption" ? { reason: job.reason, sinceMs: job.stop.requestedMs } : undefined,
    request,
    allocationIds,
  };
}

/**
 * The service's records as `SchedulerQueue.sync` reads them: every job for a full reconcile, else only the jobs
 * changed since the last sync, and cheap lookups for the running jobs it checks each time.
 */
export interface ServiceJobSource {
  /** Every job the queue accounts for (pending and active), in the service's order. */
  all(): Iterable<ServiceJob>;
  /** Ids of the jobs whose state, allocations or stop changed since the last sync (repeating some is harmless). */
  changed(): Iterable<string>;
  /** A job as the queue sees it now; undefined once it is neither pending nor active. */
  job(id: string): ServiceJob | undefined;
  /** The allocation ids an active job holds now; undefined when it is not active. */
  allocationIds(id: string): readonly string[] | undefined;
  /** A job's place in the order of `all()`: a sync takes jobs in in that order, as a full reconcile does. */
  order(id: string): number;
}

export interface ServicePreemption {
  jobId: string;
  preemptorId: string;
  reason: string;
  graceSeconds: number;
}

export interface ServiceCycle {
  admitted: Admission<EngineRequest, EngineAllocation>[];
  preempted: ServicePreemption[];
  /** Why each job still waits, for `tessera job ID` and the job's reason. */
  waiting: Map<string, string>;
}

/**
 * The multi-tenant queue inside the scheduler service. The service's job records are the truth: each cycle the
 * queue is reconciled to them (level-triggered), then decides admissions and preemptions over the live engine.
 */
export class SchedulerQueue {
  private manager: QueueManager<EngineRequest, EngineAllocation>;
  /** Jobs the queue refused to take (unknown queue after a config change), with the reason. */
  private readonly refused = new Map<string, string>();
  /** False until a full reconcile, and after a config change (a refused job may be taken now). */
  private reconciled = false;
  /** Each job's submission (demand included), by its engine request: made at submit, reused when taken in. */
  private readonly submissions = new WeakMap<EngineRequest, JobSubmission<EngineRequest>>();

  constructor(
    private readonly engine: PlacementEngine,
    config: QueueConfig,
  ) {
    this.manager = new QueueManager({ config, capacity: new EngineCapacity(engine) });
  }

  config(): QueueConfig {
    return this.manager.currentConfig();
  }

  /** Switches config; refused (QueueSubmissionError) when it drops a queue that still holds jobs. */
  reload(config: QueueConfig): void {
    this.manager.reload(config);
    this.refused.clear();
    this.reconciled = false;
  }

  /** Checks queue, priority class and quota reach of a job before it is stored; throws QueueSubmissionError. */
  validate(job: ServiceJob): void {
    this.manager.validate(this.submission(job), job.submittedAtMs / 1000);
  }

  /**
   * Brings the queue's view in line with the service's records, looking only at what changed since the last sync:
   * the changed jobs, and running jobs whose placements the engine no longer holds as the queue has them (their
   * node left or came back, or a what-if restored them anew). The same outcome as a full `reconcile`, which runs
   * instead on the first sync and after a config change.
   */
  sync(source: ServiceJobSource): void {
    const redo = new Set(source.changed());
    if (!this.reconciled) {
      this.reconcile(source.all());
      return;
    }
    for (const running of this.manager.runningJobs()) {
      const id = running.job.id;
      if (redo.has(id)) continue;
      const ids = source.allocationIds(id);
      if (ids === undefined || !this.holdsSame(running.allocation, ids)) redo.add(id);
    }
    const taken: ServiceJob[] = [];
    for (const id of redo) {
      const job = source.job(id);
      const running = this.manager.runningJob(id);
      if (running && (job?.phase !== "active" || !this.holdsSame(running.allocation, job.allocationIds)))
        this.manager.forget(id);
      if (this.manager.isPending(id) && job?.phase !== "pending") this.manager.forget(id);
      this.refused.delete(id);
      if (job) taken.push(job);
    }
    taken.sort((a, b) => source.order(a.id) - source.order(b.id));
    for (const job of taken) this.take(job);
  }

  /** Brings the queue's view in line with every one of the service's records (level-triggered). */
  reconcile(jobs: Iterable<ServiceJob>): void {
    const byId = new Map<string, ServiceJob>();
    for (const job of jobs) byId.set(job.id, job);
    for (const running of this.manager.runningJobs()) {
      const job = byId.get(running.job.id);
      // A job whose node left the engine (or came back) holds other placements now: taken in again below.
      if (job?.phase !== "active" || !this.holdsSame(running.allocation, job.allocationIds))
        this.manager.forget(running.job.id);
    }
    for (const pending of this.manager.pendingJobs()) {
      if (byId.get(pending.id)?.phase !== "pending") this.manager.forget(pending.id);
    }
    this.refused.clear();
    for (const job of byId.values()) this.take(job);
    this.reconciled = true;
  }

  /** Takes in a job the queue does not hold as the record has it (adopted, or submitted), and its stop. */
  private take(job: ServiceJob): void {
    try {
      if (job.phase === "active" && !this.manager.runningJob(job.id)) {
        const allocation = job.allocationIds.flatMap((id) => this.engine.allocation(id) ?? []);
        this.manager.adopt(this.submission(job), allocation, (job.startedAtMs ?? job.submittedAtMs) / 1000);
      } else if (job.phase === "pending" && !this.manager.isPending(job.id)) {
        this.manager.submit(this.submission(job), job.submittedAtMs / 1000);
      }
    } catch (error) {
      if (!(error instanceof QueueSubmissionError)) throw error;
      this.refused.set(job.id, error.message);
    }
    if (job.phase === "active" && job.stopping) {
      const sinceSeconds = job.stopping.sinceMs / 1000;
      this.manager.markStopping(job.id, {
        preemptorId: "",
        reason: job.stopping.reason,
        requestedAt: sinceSeconds,
        killAt: sinceSeconds,
      });
    }
  }

  private holdsSame(allocation: EngineAllocation, ids: readonly string[]): boolean {
    const current = ids.flatMap((id) => this.engine.allocation(id) ?? []);
    return current.length === allocation.length && current.every((p, i) => p === allocation[i]);
  }

  /**
   * One scheduling pass. `describeCapacity` may turn the engine's "does not fit" sentence into a richer one
   * (e.g. which GPUs could be repartitioned); the queue adds position, quota and preemption.
   */
  cycle(nowMs: number, describeCapacity?: (jobId: string, engineMessage: string) => string): ServiceCycle {
    const now = nowMs / 1000;
    const result = this.manager.cycle(now);
    const waiting = new Map<string, string>(this.refused);
    for (const job of this.manager.pendingJobs()) {
      const explanation = this.manager.explain(job.id);
      if (!explanation) continue;
      const reason = explanation.waitsFor;
      const capacity =
        reason?.kind === "capacity" && describeCapacity
          ? describeCapacity(job.id, reason.message)
          : undefined;
      // Stored without the job's place in the queue: that moves with every job ahead of it, and would rewrite
      // every waiting job's record at each placement or submit. Readers get it from shownReason.
      waiting.set(
        job.id,
        capacity ? explanation.reason.replace(reason?.message ?? "", capacity) : explanation.reason,
      );
    }
    const graceOf = new Map(this.manager.runningJobs().map((r) => [r.job.id, r.job.preemptionGraceSeconds]));
    return {
      admitted: result.admitted,
      preempted: result.preempted.map((p) => ({
        jobId: p.jobId,
        preemptorId: p.stop.preemptorId,
        reason: p.stop.reason,
        graceSeconds: graceOf.get(p.jobId) ?? p.stop.killAt - p.stop.requestedAt,
      })),
      waiting,
    };
  }

  /** The pending job capacity is reserved for, if any. */
  reservedJob(): string | undefined {
    return this.manager.reservedJob();
  }

  /** Every pending job: could it start now without delaying the reservation (see QueueManager.audit). */
  audit(nowMs: number): PendingAudit[] {
    return this.manager.audit(nowMs / 1000);
  }

  /** A pending job's stored reason as it is shown: with its place in its queue now. */
  shownReason(jobId: string, stored: string): string {
    const explanation = this.manager.explain(jobId);
    if (explanation?.position === undefined || explanation.queueLength === undefined) return stored;
    return withQueuePlace(stored, explanation.queue, explanation.position, explanation.queueLength);
  }

  /** Admitted jobs on borrowed capacity, each with whose quota it uses (`on capacity borrowed from the quota of …`). */
  borrowing(): Map<string, string> {
    const borrowing = new Map<string, string>();
    for (const { job } of this.manager.runningJobs()) {
      const explanation = this.manager.explain(job.id);
      if (explanation?.borrowing) borrowing.set(job.id, explanation.borrowedFrom);
    }
    return borrowing;
  }

  statuses(): QueueStatus[] {
    return this.manager.statuses();
  }

  /** A job's submission, made once: the service converts a job's request once, and neither it nor the spec change. */
  private submission(job: ServiceJob): JobSubmission<EngineRequest> {
    let submission = this.submissions.get(job.request);
    if (!submission) {
      submission = engineSubmission(job.id, job.request, {
        queue: job.queue,
        priorityClass: job.priorityClass,
        priority: job.priority,
        preemptible: job.preemptible,
        requeueOnPreemption: job.requeueOnPreemption,
        maxRuntimeSeconds: job.maxRuntimeSeconds,
      });
      this.submissions.set(job.request, submission);
    }
    return submission;
  }
}
