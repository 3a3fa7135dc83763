import { DEFAULT_PREEMPTION_GRACE_SECONDS, DEFAULT_QUEUE_NAME, type QueueConfig } from "./QueueConfig.ts";
import type { QueuedJob } from "./QueuedJob.ts";
import type { QuotaLedger } from "./QuotaLedger.ts";
import { amountOf, atMost, formatAmount, type ResourceVector } from "./ResourceVector.ts";

/** What a caller hands in to queue a job; the manager resolves queue defaults and the priority class. */
export interface JobSubmission<Request> {
  id: string;
  /** Defaults to the queue named `default` when the config has one. */
  queue?: string | undefined;
  priorityClass?: string | undefined;
  /** Used when no priority class is named (and the config has no default class). */
  priority?: number | undefined;
  preemptible?: boolean | undefined;
  requeueOnPreemption?: boolean | undefined;
  maxRuntimeSeconds?: number | undefined;
  demand: ResourceVector;
  gang?: boolean | undefined;
  request: Request;
}

/** Refused submissions: unknown queue or class. The message says what to use instead. */
export class QueueSubmissionError extends Error {
  override readonly name = "QueueSubmissionError";
}

/** The queue a submission goes to: the one it names, else `default` when the config has one. */
export function submissionQueue(submission: JobSubmission<unknown>, config: QueueConfig): string | undefined {
  const names = config.queues.map((q) => q.name);
  return submission.queue ?? (names.includes(DEFAULT_QUEUE_NAME) ? DEFAULT_QUEUE_NAME : undefined);
}

/**
 * A submission as the queue holds it: its queue, priority class and preemption settings resolved against the
 * config. Throws a {@link QueueSubmissionError} that says what to use instead of an unknown queue or class, or a
 * demand beyond what the queue can ever hold.
 */
export function resolveSubmission<Request>(
  submission: JobSubmission<Request>,
  config: QueueConfig,
  ledger: QuotaLedger,
  now: number,
): QueuedJob<Request> {
  const queueNames = config.queues.map((q) => q.name);
  const queue = submissionQueue(submission, config);
  if (queue === undefined || !queueNames.includes(queue)) {
    throw new QueueSubmissionError(
      `${queue === undefined ? "no queue given" : `unknown queue "${queue}"`}; use --queue with one of: ${queueNames.join(", ")}`,
    );
  }
  const className =
    submission.priorityClass ?? (submission.priority === undefined ? config.defaultPriorityClass : undefined);
  const priorityClass =
    className === undefined ? undefined : config.priorityClasses.find((c) => c.name === className);
  if (className !== undefined && !priorityClass) {
    const known = config.priorityClasses.map((c) => c.name);
    throw new QueueSubmissionError(
      `unknown priority class "${className}"; ${known.length > 0 ? `use one of: ${known.join(", ")}` : "the queue config defines none"}`,
    );
  }
  const beyondReach = Object.keys(submission.demand).find(
    (name) => !atMost(amountOf(submission.demand, name), ledger.reachable(queue, name)),
  );
  if (beyondReach !== undefined) {
    throw new QueueSubmissionError(
      `job ${submission.id} needs ${formatAmount(beyondReach, amountOf(submission.demand, beyondReach))} ${beyondReach}, more than queue ${queue} can ever hold (${formatAmount(beyondReach, ledger.reachable(queue, beyondReach))} with quota and borrowing); ask for less or use another queue`,
    );
  }
  if (submission.maxRuntimeSeconds !== undefined && !(submission.maxRuntimeSeconds > 0)) {
    throw new QueueSubmissionError(`maxRuntimeSeconds must be > 0, got ${submission.maxRuntimeSeconds}`);
  }
  return {
    id: submission.id,
    queue,
    priority: priorityClass?.value ?? submission.priority ?? 0,
    priorityClass: priorityClass?.name,
    preemptionGraceSeconds: priorityClass?.preemptionGraceSeconds ?? DEFAULT_PREEMPTION_GRACE_SECONDS,
    preemptible: submission.preemptible ?? true,
    requeueOnPreemption: submission.requeueOnPreemption ?? false,
    submittedAt: now,
    maxRuntimeSeconds: submission.maxRuntimeSeconds,
    demand: submission.demand,
    gang: submission.gang ?? false,
    request: submission.request,
  };
}

/** A submission as a line without quotas, priorities or preemption holds it (the FIFO and backfill baselines). */
export function unrankedJob<Request>(submission: JobSubmission<Request>, now: number): QueuedJob<Request> {
  return {
    id: submission.id,
    queue: submission.queue ?? "default",
    priority: 0,
    priorityClass: undefined,
    preemptionGraceSeconds: 0,
    preemptible: false,
    requeueOnPreemption: false,
    submittedAt: now,
    maxRuntimeSeconds: submission.maxRuntimeSeconds,
    demand: submission.demand,
    gang: submission.gang ?? false,
    request: submission.request,
  };
}
