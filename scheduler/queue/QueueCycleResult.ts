import type { QueuedJob, StopRequest } from "./QueuedJob.ts";

/** What one queue cycle decided, and what a job's end gives back. */
export interface Admission<Request, Allocation> {
  job: QueuedJob<Request>;
  allocation: Allocation;
}

export interface Preemption {
  jobId: string;
  queue: string;
  stop: StopRequest;
}

export interface CycleResult<Request, Allocation> {
  admitted: Admission<Request, Allocation>[];
  /** Graceful stops to send now; each victim keeps its capacity until `finished` is called for it. */
  preempted: Preemption[];
  /** The job capacity is held for, and from when it is expected to fit. */
  reservation: { jobId: string; startsBy: number } | undefined;
}

export interface FinishOutcome<Request> {
  /** True when the job ended because the queue preempted it. */
  preempted: boolean;
  /** The job went back to the queue (it asked to be requeued when preempted). */
  requeued: QueuedJob<Request> | undefined;
}
