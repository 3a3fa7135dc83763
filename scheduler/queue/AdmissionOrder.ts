import type { QueuedJob } from "./QueuedJob.ts";
import type { QuotaLedger } from "./QuotaLedger.ts";
import { addResources, emptyResources, type ResourceVector } from "./ResourceVector.ts";

export interface AdmissionOrderRules<Request> {
  ledger: QuotaLedger;
  starving: (job: QueuedJob<Request>) => boolean;
  /** Older first; ties by submit order. */
  byAge: (a: QueuedJob<Request>, b: QueuedJob<Request>) => number;
  /** Jobs of a lower rank go first whatever the order above (preemptors, then the reservation's holder). */
  rank: (job: QueuedJob<Request>) => number;
}

/**
 * The order a cycle considers pending jobs in: starving jobs first (oldest first), then jobs that stay within their
 * queue's quota (priority, then age), then jobs that need to borrow, interleaved by dominant-resource share so the
 * least-served queue borrows next; `rank` moves jobs ahead of all that, keeping the order within a rank.
 */
export function admissionOrder<Request>(
  pending: Iterable<QueuedJob<Request>>,
  rules: AdmissionOrderRules<Request>,
): QueuedJob<Request>[] {
  const { ledger, byAge } = rules;
  const byPriorityAndAge = (a: QueuedJob<Request>, b: QueuedJob<Request>) =>
    b.priority - a.priority || byAge(a, b);
  const starving: QueuedJob<Request>[] = [];
  const withinQuota: QueuedJob<Request>[] = [];
  const borrowingByQueue = new Map<string, QueuedJob<Request>[]>();
  for (const job of pending) {
    if (rules.starving(job)) starving.push(job);
    else if (ledger.withinQuota(job.queue, job.demand)) withinQuota.push(job);
    else borrowingByQueue.set(job.queue, [...(borrowingByQueue.get(job.queue) ?? []), job]);
  }
  starving.sort(byAge);
  withinQuota.sort(byPriorityAndAge);

  const borrowers: QueuedJob<Request>[] = [];
  const heads = [...borrowingByQueue].map(([queue, jobs]) => ({
    queue,
    jobs: jobs.sort(byPriorityAndAge),
    next: 0,
  }));
  const extra = new Map<string, ResourceVector>();
  const shareAfter = (queue: string, demand: ResourceVector) =>
    ledger.dominantShare(queue, addResources(extra.get(queue) ?? emptyResources, demand));
  for (;;) {
    let best: (typeof heads)[number] | undefined;
    let bestShare = Number.POSITIVE_INFINITY;
    for (const head of heads) {
      const job = head.jobs[head.next];
      if (!job) continue;
      const share = shareAfter(head.queue, job.demand);
      if (
        share < bestShare ||
        (share === bestShare && best && byPriorityAndAge(job, best.jobs[best.next]!) < 0)
      ) {
        best = head;
        bestShare = share;
      }
    }
    const job = best?.jobs[best.next];
    if (!best || !job) break;
    borrowers.push(job);
    extra.set(best.queue, addResources(extra.get(best.queue) ?? emptyResources, job.demand));
    best.next++;
  }
  return [...starving, ...withinQuota, ...borrowers]
    .map((job, index) => ({ job, index }))
    .sort((a, b) => rules.rank(a.job) - rules.rank(b.job) || a.index - b.index)
    .map((entry) => entry.job);
}
