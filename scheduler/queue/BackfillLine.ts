import type { CapacityModel } from "./CapacityModel.ts";
import { type JobSubmission, unrankedJob } from "./JobSubmission.ts";
import type { CycleResult, FinishOutcome } from "./QueueCycleResult.ts";
import type { AdmittedJob, QueuedJob } from "./QueuedJob.ts";
import type { TimelineQueue } from "./QueueTimeline.ts";

/**
 * A line without head-of-line blocking, as a plain Kubernetes cluster schedules pods: an arrival is tried at once,
 * what does not fit waits in arrival order, and the waiting line is tried again only after something finished
 * (nothing else frees capacity). A retry skips the shapes that already failed in it. No quotas or preemption.
 */
export class BackfillLine<Request, Allocation> implements TimelineQueue<Request, Allocation> {
  private waiting: QueuedJob<Request>[] = [];
  /**
   * The shape of `waiting[i]` as a small number, worked out once: a retry after every departure looks at the whole
   * line, and comparing numbers is cheaper than comparing shape strings.
   */
  private waitingShapes: number[] = [];
  private readonly shapeIds = new Map<string, number>();
  private readonly arrived: QueuedJob<Request>[] = [];
  private readonly running = new Map<string, AdmittedJob<Request, Allocation>>();
  private released = false;

  constructor(private readonly capacity: CapacityModel<Request, Allocation>) {}

  submit(submission: JobSubmission<Request>, now: number): QueuedJob<Request> {
    const job = unrankedJob(submission, now);
    this.arrived.push(job);
    return job;
  }

  cycle(now: number): CycleResult<Request, Allocation> {
    const result: CycleResult<Request, Allocation> = { admitted: [], preempted: [], reservation: undefined };
    if (this.released && this.waiting.length > 0) {
      const failed = new Set<number>();
      const still: QueuedJob<Request>[] = [];
      const stillShapes: number[] = [];
      for (let i = 0; i < this.waiting.length; i++) {
        const job = this.waiting[i]!;
        const shape = this.waitingShapes[i]!;
        if (failed.has(shape) || !this.tryStart(job, now, result)) {
          failed.add(shape);
          still.push(job);
          stillShapes.push(shape);
        }
      }
      this.waiting = still;
      this.waitingShapes = stillShapes;
    }
    this.released = false;
    for (const job of this.arrived) {
      if (this.tryStart(job, now, result)) continue;
      this.waiting.push(job);
      this.waitingShapes.push(this.shapeId(job));
    }
    this.arrived.length = 0;
    return result;
  }

  finished(jobId: string, _now: number): FinishOutcome<Request> {
    const admitted = this.running.get(jobId);
    if (admitted) {
      this.running.delete(jobId);
      this.capacity.release(admitted.allocation);
      this.released = true;
    }
    return { preempted: false, requeued: undefined };
  }

  pendingJobs(): readonly QueuedJob<Request>[] {
    return this.arrived.length === 0 ? this.waiting : [...this.waiting, ...this.arrived];
  }

  runningJobs(): readonly AdmittedJob<Request, Allocation>[] {
    return [...this.running.values()];
  }

  /** Jobs of one shape share an id; without `shapeOf` every job is a shape of its own. */
  private shapeId(job: QueuedJob<Request>): number {
    const shape = this.capacity.shapeOf?.(job.request) ?? `job ${job.id}`;
    let id = this.shapeIds.get(shape);
    // Ids of shapes no job waits with any more are kept: a trace has few shapes, and a job id is used once.
    if (id === undefined) {
      id = this.shapeIds.size;
      this.shapeIds.set(shape, id);
    }
    return id;
  }

  private tryStart(job: QueuedJob<Request>, now: number, result: CycleResult<Request, Allocation>): boolean {
    const placement = this.capacity.place(job.request);
    if (!placement.placed) return false;
    this.running.set(job.id, { job, allocation: placement.allocation, startedAt: now, stopping: undefined });
    result.admitted.push({ job, allocation: placement.allocation });
    return true;
  }
}
