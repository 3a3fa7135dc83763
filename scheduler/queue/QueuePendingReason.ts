/** Why a pending job waits, as a queue cycle decides it and as its audit re-checks it. */
export type PendingKind = "quota" | "capacity" | "reservation" | "preempting" | "not-considered";

export interface PendingReason {
  kind: PendingKind;
  message: string;
  /** Jobs being stopped so that this one can run. */
  victims: string[];
}

/** One pending job as {@link QueueManager.audit} finds it. */
export interface PendingAudit {
  jobId: string;
  /** What stops it from starting now; undefined when it could start now without delaying anyone. */
  blockedBy: PendingKind | undefined;
  /** Why the last cycle said it waits. */
  recorded: PendingReason | undefined;
  /** The reservation it was checked against, as `describe` says it. */
  reservation: string | undefined;
}
