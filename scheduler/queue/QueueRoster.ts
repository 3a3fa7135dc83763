import type { Preemption } from "./QueueCycleResult.ts";
import type { AdmittedJob, QueuedJob, StopRequest } from "./QueuedJob.ts";
import type { QueueStatus } from "./QueueStatus.ts";
import type { QuotaLedger } from "./QuotaLedger.ts";

/**
 * The jobs a queue manager holds: pending ones with their arrival order, running ones with their allocations,
 * each pending job's place in its queue as of the last cycle, and what each queue admitted and lost to
 * preemption. Bookkeeping only: the manager decides.
 */
export class QueueRoster<Request, Allocation> {
  readonly pending = new Map<string, QueuedJob<Request>>();
  readonly running = new Map<string, AdmittedJob<Request, Allocation>>();
  /** Arrival order, to order jobs submitted in the same second. */
  private readonly sequence = new Map<string, number>();
  private nextSequence = 0;
  /** 1-based place of each pending job in its queue, and the length of each queue, as of the last cycle. */
  private positions = new Map<string, number>();
  private queueLengths = new Map<string, number>();
  private readonly admittedTotal = new Map<string, number>();
  private readonly preemptedTotal = new Map<string, number>();

  /** A new arrival: pending, last in arrival order. */
  enqueue(job: QueuedJob<Request>): void {
    this.pending.set(job.id, job);
    this.sequence.set(job.id, this.nextSequence++);
  }

  /** Forgets a job's place in the arrival order (it left the queue for good). */
  forgetArrival(jobId: string): void {
    this.sequence.delete(jobId);
  }

  /** Older first; jobs of the same second in arrival order. */
  byAge(a: QueuedJob<Request>, b: QueuedJob<Request>): number {
    return a.submittedAt - b.submittedAt || (this.sequence.get(a.id) ?? 0) - (this.sequence.get(b.id) ?? 0);
  }

  /** A pending job starts on `allocation`. */
  admit(job: QueuedJob<Request>, allocation: Allocation, now: number): void {
    this.pending.delete(job.id);
    this.running.set(job.id, { job, allocation, startedAt: now, stopping: undefined });
    this.admittedTotal.set(job.queue, (this.admittedTotal.get(job.queue) ?? 0) + 1);
  }

  /** Asks a running job to stop for `preemptorId` within its grace period. */
  stop(
    admitted: AdmittedJob<Request, Allocation>,
    preemptorId: string,
    reason: string,
    now: number,
  ): Preemption {
    const stop: StopRequest = {
      preemptorId,
      reason,
      requestedAt: now,
      killAt: now + admitted.job.preemptionGraceSeconds,
    };
    admitted.stopping = stop;
    this.preemptedTotal.set(admitted.job.queue, (this.preemptedTotal.get(admitted.job.queue) ?? 0) + 1);
    return { jobId: admitted.job.id, queue: admitted.job.queue, stop };
  }

  /** Records each still pending job's place in its queue, in the cycle's admission `order`. */
  recordPositions(order: readonly QueuedJob<Request>[]): void {
    this.positions = new Map();
    this.queueLengths = new Map();
    for (const job of order) {
      if (!this.pending.has(job.id)) continue;
      const place = (this.queueLengths.get(job.queue) ?? 0) + 1;
      this.queueLengths.set(job.queue, place);
      this.positions.set(job.id, place);
    }
  }

  /** A pending job's place in its queue and the queue's length; jobs that arrived since the last cycle are last. */
  placeOf(job: QueuedJob<Request>): { position: number; length: number } {
    const known = this.queueLengths.get(job.queue) ?? 0;
    const position = this.positions.get(job.id) ?? known + 1;
    return { position, length: Math.max(position, known) };
  }

  statuses(ledger: QuotaLedger): QueueStatus[] {
    return ledger.queues().map((spec) => ({
      name: spec.name,
      cohort: spec.cohort,
      weight: spec.weight,
      quota: spec.quota,
      borrowingLimit: spec.borrowingLimit,
      usage: ledger.usageOf(spec.name),
      borrowed: ledger.borrowedBy(spec.name),
      pending: [...this.pending.values()].filter((j) => j.queue === spec.name).length,
      running: [...this.running.values()].filter((r) => r.job.queue === spec.name).length,
      admittedTotal: this.admittedTotal.get(spec.name) ?? 0,
      preemptedTotal: this.preemptedTotal.get(spec.name) ?? 0,
    }));
  }
}
