import type { CapacityModel } from "./CapacityModel.ts";
import { type JobSubmission, unrankedJob } from "./JobSubmission.ts";
import type { CycleResult, FinishOutcome } from "./QueueCycleResult.ts";
import type { AdmittedJob, QueuedJob } from "./QueuedJob.ts";
import type { TimelineQueue } from "./QueueTimeline.ts";

/**
 * The baseline the multi-tenant queue is measured against: one strict first-in-first-out line over the same
 * placement engine, no quotas, priorities, reservations or preemption. The head blocks everyone behind it.
 */
export class FifoQueue<Request, Allocation> implements TimelineQueue<Request, Allocation> {
  private readonly pending: QueuedJob<Request>[] = [];
  private readonly running = new Map<string, AdmittedJob<Request, Allocation>>();

  constructor(private readonly capacity: CapacityModel<Request, Allocation>) {}

  submit(submission: JobSubmission<Request>, now: number): QueuedJob<Request> {
    const job = unrankedJob(submission, now);
    this.pending.push(job);
    return job;
  }

  cycle(now: number): CycleResult<Request, Allocation> {
    const result: CycleResult<Request, Allocation> = { admitted: [], preempted: [], reservation: undefined };
    for (let head = this.pending[0]; head; head = this.pending[0]) {
      const placement = this.capacity.place(head.request);
      if (!placement.placed) break;
      this.pending.shift();
      this.running.set(head.id, {
        job: head,
        allocation: placement.allocation,
        startedAt: now,
        stopping: undefined,
      });
      result.admitted.push({ job: head, allocation: placement.allocation });
    }
    return result;
  }

  finished(jobId: string, _now: number): FinishOutcome<Request> {
    const admitted = this.running.get(jobId);
    if (admitted) {
      this.running.delete(jobId);
      this.capacity.release(admitted.allocation);
    }
    return { preempted: false, requeued: undefined };
  }

  pendingJobs(): QueuedJob<Request>[] {
    return [...this.pending];
  }

  runningJobs(): AdmittedJob<Request, Allocation>[] {
    return [...this.running.values()];
  }
}
