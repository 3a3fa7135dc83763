import type { ResourceVector } from "./ResourceVector.ts";

/** A job as the queue sees it: who it belongs to, how urgent it is, what it counts against quota. */
export interface QueuedJob<Request> {
  id: string;
  queue: string;
  /** Resolved when the job is submitted, so a later config reload does not reorder running work. */
  priority: number;
  priorityClass: string | undefined;
  /** How long this job gets to stop when it is preempted. */
  preemptionGraceSeconds: number;
  preemptible: boolean;
  /** A preempted job goes back to the queue (state Pending) instead of ending as Preempted. */
  requeueOnPreemption: boolean;
  /** Seconds on the caller's clock. */
  submittedAt: number;
  /** Declared upper bound on run time; only jobs that declare one can be backfilled ahead of a reservation. */
  maxRuntimeSeconds: number | undefined;
  /** Amounts counted against the queue's quota: `gpus` in GPU-equivalents, plus model/profile/cpu/memory. */
  demand: ResourceVector;
  /** All-or-nothing multi-GPU work (a gang or N GPUs on one NVLink domain); capacity is reserved while it waits. */
  gang: boolean;
  /** What the placement engine needs; opaque to the queue. */
  request: Request;
}

/** A job the queue admitted, with the allocation it holds. */
export interface AdmittedJob<Request, Allocation> {
  job: QueuedJob<Request>;
  allocation: Allocation;
  startedAt: number;
  /** Set once a graceful stop was sent: the job still holds its capacity until the caller reports it stopped. */
  stopping: StopRequest | undefined;
}

export interface StopRequest {
  preemptorId: string;
  reason: string;
  requestedAt: number;
  /** When the grace period ends and the caller should kill the job. */
  killAt: number;
}
