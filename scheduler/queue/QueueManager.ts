import { admissionOrder } from "./AdmissionOrder.ts";
import { BackfillReservation } from "./BackfillReservation.ts";
import type { CapacityModel } from "./CapacityModel.ts";
import {
  type JobSubmission,
  QueueSubmissionError,
  resolveSubmission,
  submissionQueue,
} from "./JobSubmission.ts";
import { PreemptionPromises } from "./PreemptionPromises.ts";
import { type QueueConfig, unlimitedQueue } from "./QueueConfig.ts";
import type { CycleResult, FinishOutcome } from "./QueueCycleResult.ts";
import type { AdmittedJob, QueuedJob, StopRequest } from "./QueuedJob.ts";
import type { PendingAudit, PendingKind, PendingReason } from "./QueuePendingReason.ts";
import { QueueRoster } from "./QueueRoster.ts";
import {
  borrowedText,
  type JobExplanation,
  pendingExplanation,
  type QueueStatus,
  runningExplanation,
} from "./QueueStatus.ts";
import { borrowingJobIds, QuotaLedger } from "./QuotaLedger.ts";
import { selectVictims } from "./VictimSelection.ts";

export interface QueueManagerOptions<Request, Allocation> {
  config: QueueConfig;
  capacity: CapacityModel<Request, Allocation>;
}

/**
 * The multi-tenant queue in front of the placement engine: quotas with borrowing, dominant-resource fair share,
 * priorities, aging, gang reservation with backfill, and preemption. Pure: the caller passes the clock (seconds)
 * into every call and carries out the decisions (start, graceful stop) a cycle returns.
 */
export class QueueManager<Request, Allocation> {
  private config: QueueConfig;
  private ledger: QuotaLedger;
  private readonly capacity: CapacityModel<Request, Allocation>;
  private readonly roster = new QueueRoster<Request, Allocation>();
  private readonly pending = this.roster.pending;
  private readonly running = this.roster.running;
  private readonly promises = new PreemptionPromises(this.pending, this.running);
  private reasons = new Map<string, PendingReason>();
  /**
   * Submissions `validate` resolved, for `submit` to take as they are when the config (and so the ledger) is the
   * same: a service checks each job before storing it and queues it after.
   */
  private readonly validated = new WeakMap<
    JobSubmission<Request>,
    { ledger: QuotaLedger; now: number; job: QueuedJob<Request> }
  >();
  /** The job capacity is held for until it starts: one at a time, kept across cycles so it cannot drift. */
  private reservedFor: string | undefined;
  /**
   * The last reservation plan and what it was computed from: while no job started, stopped or ended and the
   * config and the fleet are the same, the same releases give the same answer, so cycles triggered by arrivals
   * reuse it.
   */
  private lastPlan: { key: string; plan: BackfillReservation<Request, Allocation> } | undefined;
  /** The reservation the last cycle held, as it planned it. */
  private cyclePlan: BackfillReservation<Request, Allocation> | undefined;

  constructor(options: QueueManagerOptions<Request, Allocation>) {
    this.config = options.config;
    this.ledger = new QuotaLedger(options.config);
    this.capacity = options.capacity;
  }

  currentConfig(): QueueConfig {
    return this.config;
  }

  /** Switches to a new config. Refused (the old one stays) if it drops a queue that still holds jobs. */
  reload(config: QueueConfig): void {
    const names = new Set(config.queues.map((q) => q.name));
    const inUse = new Map<string, number>();
    for (const job of [...this.pending.values(), ...[...this.running.values()].map((r) => r.job)]) {
      if (!names.has(job.queue)) inUse.set(job.queue, (inUse.get(job.queue) ?? 0) + 1);
    }
    if (inUse.size > 0) {
      const list = [...inUse].map(([queue, count]) => `${queue} (${count} jobs)`).join(", ");
      throw new QueueSubmissionError(
        `the new config drops queues that still hold jobs: ${list}; keep them until their jobs end or are cancelled`,
      );
    }
    const ledger = new QuotaLedger(config);
    for (const r of this.running.values()) ledger.add(r.job.queue, r.job.demand);
    this.config = config;
    this.ledger = ledger;
    this.lastPlan = undefined;
  }

  submit(submission: JobSubmission<Request>, now: number): QueuedJob<Request> {
    if (this.pending.has(submission.id) || this.running.has(submission.id)) {
      throw new QueueSubmissionError(`job ${submission.id} is already queued or running`);
    }
    const checked = this.validated.get(submission);
    this.validated.delete(submission);
    const job =
      checked && checked.ledger === this.ledger && checked.now === now
        ? checked.job
        : this.resolve(submission, now);
    this.roster.enqueue(job);
    this.reasons.set(job.id, {
      kind: "not-considered",
      message: "waits for the next scheduling cycle",
      victims: [],
    });
    return job;
  }

  /** Takes an admitted job back in after a restart, without a cycle (the caller recovered its allocation). */
  adopt(submission: JobSubmission<Request>, allocation: Allocation, startedAt: number): void {
    const job = this.resolve(submission, startedAt);
    this.running.set(job.id, { job, allocation, startedAt, stopping: undefined });
    this.ledger.add(job.queue, job.demand);
  }

  /** Removes a job that has not started; returns false if it is not pending. */
  cancelPending(jobId: string): boolean {
    // A reservation never outlives its job.
    if (this.reservedFor === jobId) this.reservedFor = undefined;
    this.promises.release(jobId);
    this.reasons.delete(jobId);
    return this.pending.delete(jobId);
  }

  /**
   * A running job ended (done, failed, cancelled, or stopped after a preemption): its capacity and quota go back.
   * A preempted job that asked to be requeued is pending again, keeping its age.
   */
  finished(jobId: string, _now: number): FinishOutcome<Request> {
    const admitted = this.running.get(jobId);
    if (!admitted) return { preempted: false, requeued: undefined };
    this.running.delete(jobId);
    this.capacity.release(admitted.allocation);
    this.promises.dropVictim(jobId);
    this.ledger.remove(admitted.job.queue, admitted.job.demand);
    const preempted = admitted.stopping !== undefined;
    if (preempted && admitted.job.requeueOnPreemption) {
      this.pending.set(jobId, admitted.job);
      this.reasons.set(jobId, {
        kind: "not-considered",
        message: `requeued after preemption (${admitted.stopping?.reason ?? ""})`,
        victims: [],
      });
      return { preempted, requeued: admitted.job };
    }
    this.roster.forgetArrival(jobId);
    return { preempted, requeued: undefined };
  }

  /**
   * Drops a job whose capacity the caller already gave back (it ended or was lost outside the queue's view),
   * without touching the capacity model.
   */
  forget(jobId: string): void {
    const admitted = this.running.get(jobId);
    if (admitted) {
      this.running.delete(jobId);
      this.ledger.remove(admitted.job.queue, admitted.job.demand);
    }
    this.cancelPending(jobId);
    this.roster.forgetArrival(jobId);
    this.promises.dropVictim(jobId);
  }

  /** Checks a submission (queue, class, reach) without queueing it; throws a {@link QueueSubmissionError}. */
  validate(submission: JobSubmission<Request>, now: number): QueuedJob<Request> {
    const job = this.resolve(submission, now);
    this.validated.set(submission, { ledger: this.ledger, now, job });
    return job;
  }

  /** Marks a running job as stopping for a preemption decided before (after a restart of the caller). */
  markStopping(jobId: string, stop: StopRequest): void {
    const admitted = this.running.get(jobId);
    // A stop the queue decided itself keeps its preemptor and kill time.
    if (admitted && !admitted.stopping) admitted.stopping = stop;
  }

  /** The pending job capacity is held for, if any. */
  reservedJob(): string | undefined {
    return this.reservedFor !== undefined && this.pending.has(this.reservedFor)
      ? this.reservedFor
      : undefined;
  }

  /** The admitted job `jobId`, if it runs (or stops). */
  runningJob(jobId: string): AdmittedJob<Request, Allocation> | undefined {
    return this.running.get(jobId);
  }

  isPending(jobId: string): boolean {
    return this.pending.has(jobId);
  }

  pendingJobs(): QueuedJob<Request>[] {
    return [...this.pending.values()];
  }

  runningJobs(): AdmittedJob<Request, Allocation>[] {
    return [...this.running.values()];
  }

  /** One scheduling pass: admits what fits in order, reserves for a blocked head, and picks victims. */
  cycle(now: number): CycleResult<Request, Allocation> {
    const result: CycleResult<Request, Allocation> = { admitted: [], preempted: [], reservation: undefined };
    if (this.reservedFor !== undefined && !this.pending.has(this.reservedFor)) this.reservedFor = undefined;
    const order = this.admissionOrder(now);
    const reasons = new Map<string, PendingReason>();
    let reservation: BackfillReservation<Request, Allocation> | undefined;
    // Capacity only shrinks during a cycle (trials roll back), so a shape that did not fit, or found no victims,
    // will not later in the same cycle: identical requests skip the engine.
    const capacityMisses = new Map<string, string>();
    const preemptionMisses = new Map<string, string>();
    let borrowing: Set<string> | undefined;

    for (const job of order) {
      const stoppingFor = this.promises.stoppingFor(job.id);
      if (stoppingFor.length > 0) {
        reasons.set(job.id, {
          kind: "preempting",
          message: `waits for ${stoppingFor.join(", ")} to stop (graceful stop sent)`,
          victims: stoppingFor,
        });
        continue;
      }
      this.promises.release(job.id);

      const verdict = this.ledger.check(job.queue, job.demand);
      let blocked: PendingReason;
      if (verdict.fits) {
        const shape = this.capacity.shapeOf?.(job.request);
        const knownMiss = shape === undefined ? undefined : capacityMisses.get(shape);
        const placement = knownMiss
          ? { placed: false as const, reason: knownMiss }
          : this.capacity.place(job.request);
        if (!placement.placed && shape !== undefined) capacityMisses.set(shape, placement.reason);
        if (placement.placed) {
          const brokenPromise = this.promises.brokenBy(job, this.capacity, this.ledger);
          const backfills = !reservation || reservation.allowsBackfill(job, this.capacity, this.ledger, now);
          if (!brokenPromise && backfills) {
            this.admit(job, placement.allocation, now);
            result.admitted.push({ job, allocation: placement.allocation });
            borrowing = undefined;
            continue;
          }
          this.capacity.release(placement.allocation);
          blocked = {
            kind: "reservation",
            message:
              brokenPromise ??
              `capacity is reserved for ${reservation?.describe()}, and starting this job now could delay it: a job runs ahead of it only if it leaves that capacity free or its maxRuntimeSeconds ends before it is needed`,
            victims: [],
          };
        } else {
          blocked = { kind: "capacity", message: placement.reason, victims: [] };
        }
      } else {
        blocked = { kind: "quota", message: verdict.reason, victims: [] };
      }

      const preemptionKey = `${job.queue}|${job.priority}|${this.capacity.shapeOf?.(job.request) ?? job.id}`;
      const knownNoVictims = preemptionMisses.get(preemptionKey);
      if (knownNoVictims !== undefined) {
        blocked = { ...blocked, message: `${blocked.message}; ${knownNoVictims}` };
      } else if (blocked.kind !== "reservation") {
        borrowing ??= borrowingJobIds(
          this.ledger,
          this.runningJobs().map((r) => ({ ...r.job, startedAt: r.startedAt })),
        );
        const choice = selectVictims({
          preemptor: job,
          running: this.runningJobs(),
          borrowing,
          ledger: this.ledger,
          capacity: this.capacity,
          promisesKept: (trial) => this.promises.kept(trial, job.id),
          now,
        });
        if (choice.found) {
          const ids = choice.victims.map((v) => v.admitted.job.id);
          for (const victim of choice.victims)
            result.preempted.push(this.roster.stop(victim.admitted, job.id, victim.reason, now));
          this.promises.nominate(job.id, ids);
          reasons.set(job.id, {
            kind: "preempting",
            message: `preempting ${ids.join(", ")} to make room (${blocked.message})`,
            victims: ids,
          });
          continue;
        }
        preemptionMisses.set(preemptionKey, choice.reason);
        blocked = { ...blocked, message: `${blocked.message}; ${choice.reason}` };
      }

      const holdsReservation =
        job.id === this.reservedFor ||
        (this.reservedFor === undefined && (job.gang || this.starving(job, now)));
      if (!reservation && blocked.kind !== "reservation" && holdsReservation) {
        this.reservedFor = job.id;
        reservation = this.planReservation(job, now);
        result.reservation = { jobId: job.id, startsBy: reservation.startsBy };
        blocked = {
          ...blocked,
          message: `${blocked.message}; capacity is reserved for it: ${reservation.waitText()}`,
        };
      }
      reasons.set(job.id, blocked);
    }
    this.reasons = reasons;
    this.cyclePlan = reservation;
    this.roster.recordPositions(order);
    return result;
  }

  /**
   * For every pending job: could it start now without delaying the reservation, and if not, what stops it; and
   * what the last cycle said. Changes nothing (each trial placement is released). A job that could start is a
   * job a cycle should have started: checks of work conservation and of pending reasons use this.
   */
  audit(now: number): PendingAudit[] {
    const reservedFor = this.reservedJob();
    const head = reservedFor === undefined ? undefined : this.pending.get(reservedFor);
    // The plan the last cycle checked backfills against, so the audit judges by the same plan.
    const reservation =
      head && this.cyclePlan?.job.id === head.id
        ? this.cyclePlan
        : head
          ? this.planReservation(head, now)
          : undefined;
    return [...this.pending.values()].map((job) => {
      const recorded = this.reasons.get(job.id);
      const audit = (blockedBy: PendingKind | undefined) => ({
        jobId: job.id,
        blockedBy,
        recorded,
        reservation: reservation?.describe(),
      });
      if (this.promises.stoppingFor(job.id).length > 0) return audit("preempting");
      if (!this.ledger.check(job.queue, job.demand).fits) return audit("quota");
      const placement = this.capacity.place(job.request);
      if (!placement.placed) return audit("capacity");
      try {
        const delays =
          this.promises.brokenBy(job, this.capacity, this.ledger) !== undefined ||
          (reservation !== undefined &&
            job.id !== reservedFor &&
            !reservation.allowsBackfill(job, this.capacity, this.ledger, now));
        return audit(delays ? "reservation" : undefined);
      } finally {
        this.capacity.release(placement.allocation);
      }
    });
  }

  explain(jobId: string): JobExplanation | undefined {
    const running = this.running.get(jobId);
    if (running) {
      const borrowing = borrowingJobIds(
        this.ledger,
        this.runningJobs().map((r) => ({ ...r.job, startedAt: r.startedAt })),
      ).has(jobId);
      return runningExplanation(
        running,
        borrowing ? borrowedText(this.ledger, running.job.queue) : undefined,
      );
    }
    const job = this.pending.get(jobId);
    if (!job) return undefined;
    const { position, length } = this.roster.placeOf(job);
    return pendingExplanation(job, position, length, this.reasons.get(jobId));
  }

  statuses(): QueueStatus[] {
    return this.roster.statuses(this.ledger);
  }

  /** See {@link admissionOrder}. */
  private admissionOrder(now: number): QueuedJob<Request>[] {
    return admissionOrder(this.pending.values(), {
      ledger: this.ledger,
      starving: (job) => this.starving(job, now),
      byAge: (x, y) => this.roster.byAge(x, y),
      // Preemptors come first (the room their victims free is theirs), then the holder of the reservation, so
      // every other job is checked against it.
      rank: (job) => (this.promises.has(job.id) ? 0 : job.id === this.reservedFor ? 1 : 2),
    });
  }

  private planReservation(head: QueuedJob<Request>, now: number): BackfillReservation<Request, Allocation> {
    let key = `${head.id}|${this.capacity.fleetKey?.() ?? ""}`;
    for (const r of this.running.values()) key += `|${r.job.id}${r.stopping ? "!" : ""}`;
    const last = this.lastPlan;
    if (last && last.key === key && last.plan.startsBy >= now) return last.plan;
    const plan = BackfillReservation.plan(head, this.runningJobs(), this.capacity, this.ledger, now);
    this.lastPlan = { key, plan };
    return plan;
  }

  private starving(job: QueuedJob<Request>, now: number): boolean {
    return now - job.submittedAt >= this.config.starvationSeconds;
  }

  private admit(job: QueuedJob<Request>, allocation: Allocation, now: number): void {
    if (this.reservedFor === job.id) this.reservedFor = undefined;
    this.roster.admit(job, allocation, now);
    this.ledger.add(job.queue, job.demand);
  }

  private resolve(submission: JobSubmission<Request>, now: number): QueuedJob<Request> {
    const queue = submissionQueue(submission, this.config);
    if (queue !== undefined && this.config.openQueues && !this.config.queues.some((q) => q.name === queue)) {
      // Without a config every queue name is welcome, as an unlimited queue of its own.
      this.reload({ ...this.config, queues: [...this.config.queues, { ...unlimitedQueue, name: queue }] });
    }
    return resolveSubmission(submission, this.config, this.ledger, now);
  }
}
