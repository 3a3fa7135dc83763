import type { PlacementEngine } from "../engine/PlacementEngine.ts";
import type { JobRecord } from "../store/JobRecord.ts";
import { type EngineAllocation, EngineCapacity, type EngineRequest } from "./EngineCapacity.ts";
import { engineSubmission } from "./JobDemand.ts";
import { QueueSubmissionError } from "./JobSubmission.ts";
import type { QueueConfig } from "./QueueConfig.ts";
import type { Admission } from "./QueueCycleResult.ts";
import { QueueManager } from "./QueueManager.ts";
import type { PendingAudit } from "./QueuePendingReason.ts";
import type { QueueStatus } from "./QueueStatus.ts";

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
  }

  /** Checks queue, priority class and quota reach of a job before it is stored; throws QueueSubmissionError. */
  validate(job: ServiceJob): void {
    this.manager.validate(this.submission(job), job.submittedAtMs / 1000);
  }

  /** Brings the queue's view in line with the service's records. */
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
    const running = new Set(this.manager.runningJobs().map((r) => r.job.id));
    const pending = new Set(this.manager.pendingJobs().map((j) => j.id));
    this.refused.clear();
    for (const job of byId.values()) {
      try {
        if (job.phase === "active" && !running.has(job.id)) {
          const allocation = job.allocationIds.flatMap((id) => this.engine.allocation(id) ?? []);
          this.manager.adopt(this.submission(job), allocation, (job.startedAtMs ?? job.submittedAtMs) / 1000);
        } else if (job.phase === "pending" && !pending.has(job.id)) {
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
      waiting.set(
        job.id,
        capacity ? explanation.summary.replace(reason?.message ?? "", capacity) : explanation.summary,
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

  private submission(job: ServiceJob) {
    return engineSubmission(job.id, job.request, {
      queue: job.queue,
      priorityClass: job.priorityClass,
      priority: job.priority,
      preemptible: job.preemptible,
      requeueOnPreemption: job.requeueOnPreemption,
      maxRuntimeSeconds: job.maxRuntimeSeconds,
    });
  }
}
