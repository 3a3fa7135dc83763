import type { AdmittedJob, QueuedJob } from "./QueuedJob.ts";
import type { PendingReason } from "./QueuePendingReason.ts";
import type { QuotaLedger } from "./QuotaLedger.ts";
import type { ResourceVector } from "./ResourceVector.ts";

/** What `tessera queues` and `tessera explain` show of a queue and of one job in it. */
export interface QueueStatus {
  name: string;
  cohort: string | undefined;
  weight: number;
  quota: ResourceVector;
  borrowingLimit: ResourceVector | undefined;
  usage: ResourceVector;
  borrowed: ResourceVector;
  pending: number;
  running: number;
  admittedTotal: number;
  preemptedTotal: number;
}

export interface JobExplanation {
  jobId: string;
  queue: string;
  state: "Pending" | "Running" | "Stopping";
  /** 1-based place among the queue's pending jobs in admission order. */
  position: number | undefined;
  queueLength: number | undefined;
  waitsFor: PendingReason | undefined;
  /** For pending jobs: the jobs being stopped for it. For stopping jobs: the job it is stopped for. */
  preemption: string[];
  /** Running on capacity borrowed from its cohort (reclaimed first). */
  borrowing: boolean;
  /** For a borrowing job: whose quota it uses, e.g. `on capacity borrowed from the quota of queue team-b …`. */
  borrowedFrom: string;
  summary: string;
  /**
   * The summary without the job's place in its queue, which moves with every job placed or submitted ahead of it:
   * what a job record keeps as its reason (see {@link withQueuePlace} for the place, added when it is read).
   */
  reason: string;
}

/** Where a borrowing job's capacity comes from: the lending queues' quota, which they can reclaim. */
export function borrowedText(ledger: QuotaLedger, queue: string): string {
  const lenders = ledger.lenders(queue);
  const cohort = ledger.spec(queue)?.cohort;
  if (lenders.length === 0)
    return `on capacity borrowed from cohort ${cohort}; the lending queue can reclaim it`;
  const names = lenders.map((l) => `queue ${l}`).join(", ");
  return `on capacity borrowed from the quota of ${names} (cohort ${cohort}); ${lenders.length === 1 ? "it" : "they"} can reclaim it`;
}

/** A running (or stopping) job's explanation; `borrowedFrom` is set while it runs on borrowed capacity. */
export function runningExplanation(
  running: AdmittedJob<unknown, unknown>,
  borrowedFrom: string | undefined,
): JobExplanation {
  const stop = running.stopping;
  const summary = stop
    ? `stopping: ${stop.reason}; killed at ${stop.killAt} if still running`
    : `running in queue ${running.job.queue} since ${running.startedAt} ${
        borrowedFrom ?? "within its queue's quota"
      }${running.job.preemptible ? "" : "; not preemptible"}`;
  return {
    jobId: running.job.id,
    queue: running.job.queue,
    state: stop ? "Stopping" : "Running",
    position: undefined,
    queueLength: undefined,
    waitsFor: undefined,
    preemption: stop ? [stop.preemptorId] : [],
    borrowing: borrowedFrom !== undefined,
    borrowedFrom: borrowedFrom ?? "",
    summary,
    reason: summary,
  };
}

/** A pending job's explanation: its place in its queue and what it waits for. */
export function pendingExplanation(
  job: QueuedJob<unknown>,
  position: number,
  queueLength: number,
  waitsFor: PendingReason | undefined,
): JobExplanation {
  const victims = waitsFor?.victims ?? [];
  const reason = [
    `pending in queue ${job.queue}`,
    `waits for: ${waitsFor?.message ?? "the next scheduling cycle"}`,
    victims.length > 0 ? `preempting: ${victims.join(", ")}` : "preempts nobody",
  ].join("; ");
  return {
    jobId: job.id,
    queue: job.queue,
    state: "Pending",
    position,
    queueLength,
    waitsFor,
    preemption: victims,
    borrowing: false,
    borrowedFrom: "",
    summary: withQueuePlace(reason, job.queue, position, queueLength),
    reason,
  };
}

/** A pending job's stored reason with its place in its queue now: `pending in queue Q, position P of N; …`. */
export function withQueuePlace(reason: string, queue: string, position: number, queueLength: number): string {
  const head = `pending in queue ${queue};`;
  return reason.startsWith(head)
    ? `pending in queue ${queue}, position ${position} of ${queueLength};${reason.slice(head.length)}`
    : reason;
}
