import type { QueueConfig, QueueSpec } from "./QueueConfig.ts";
import {
  addResources,
  amountOf,
  atMost,
  emptyResources,
  formatAmount,
  isPositive,
  positiveNames,
  type ResourceVector,
  subtractResources,
} from "./ResourceVector.ts";

export type QuotaVerdict =
  | { fits: true; borrowing: boolean }
  | { fits: false; reason: string; resource: string };

/**
 * Usage per queue against quota, borrowing limits and the cohort's pool. A queue is limited only on the
 * resources its quota or borrowing limit names; a cohort's pool of a resource is the sum of its queues' quotas.
 */
export class QuotaLedger {
  private readonly specs: Map<string, QueueSpec>;
  private readonly usage = new Map<string, ResourceVector>();
  private readonly members = new Map<string, QueueSpec[]>();

  constructor(config: QueueConfig) {
    this.specs = new Map(config.queues.map((q) => [q.name, q]));
    for (const queue of config.queues) {
      const cohort = cohortKey(queue);
      this.members.set(cohort, [...(this.members.get(cohort) ?? []), queue]);
    }
  }

  spec(queue: string): QueueSpec | undefined {
    return this.specs.get(queue);
  }

  queues(): QueueSpec[] {
    return [...this.specs.values()];
  }

  add(queue: string, demand: ResourceVector): void {
    this.usage.set(queue, addResources(this.usageOf(queue), demand));
  }

  remove(queue: string, demand: ResourceVector): void {
    this.usage.set(queue, subtractResources(this.usageOf(queue), demand));
  }

  usageOf(queue: string): ResourceVector {
    return this.usage.get(queue) ?? emptyResources;
  }

  /** What the queue uses beyond its quota, per governed resource. */
  borrowedBy(queue: string): ResourceVector {
    const spec = this.specs.get(queue);
    if (!spec) return emptyResources;
    const borrowed: Record<string, number> = {};
    for (const name of governed(spec)) {
      const over = amountOf(this.usageOf(queue), name) - amountOf(spec.quota, name);
      if (isPositive(over)) borrowed[name] = over;
    }
    return borrowed;
  }

  /** Sum of the quotas of the cohort's queues that govern `name`: what the cohort can lend around. */
  cohortPool(queue: string, name: string): number {
    return this.cohortOf(queue)
      .filter((q) => governed(q).includes(name))
      .reduce((sum, q) => sum + amountOf(q.quota, name), 0);
  }

  cohortUsage(queue: string, name: string): number {
    return this.cohortOf(queue)
      .filter((q) => governed(q).includes(name))
      .reduce((sum, q) => sum + amountOf(this.usageOf(q.name), name), 0);
  }

  /** The most of `name` the queue can ever hold: its quota plus what it may borrow from its cohort. */
  reachable(queue: string, name: string): number {
    const spec = this.specs.get(queue);
    if (!spec) return 0;
    if (!governed(spec).includes(name)) return Number.POSITIVE_INFINITY;
    const quota = amountOf(spec.quota, name);
    if (spec.cohort === undefined) return quota;
    return Math.min(
      this.cohortPool(queue, name),
      quota + (spec.borrowingLimit?.[name] ?? Number.POSITIVE_INFINITY),
    );
  }

  /** Would admitting `demand` keep the queue within its quota, or within what it may borrow? */
  check(queue: string, demand: ResourceVector): QuotaVerdict {
    const spec = this.specs.get(queue);
    if (!spec) return { fits: false, reason: `queue "${queue}" is not configured`, resource: "" };
    let borrowing = false;
    for (const name of positiveNames(demand)) {
      if (!governed(spec).includes(name)) continue;
      const quota = amountOf(spec.quota, name);
      const after = amountOf(this.usageOf(queue), name) + amountOf(demand, name);
      const pool = this.cohortPool(queue, name);
      const cohortAfter = this.cohortUsage(queue, name) + amountOf(demand, name);
      const needs = formatAmount(name, amountOf(demand, name));
      if (!atMost(after, quota)) {
        if (spec.cohort === undefined) {
          return {
            fits: false,
            resource: name,
            reason: `queue ${queue} would use ${formatAmount(name, after)} ${name} of its quota of ${formatAmount(name, quota)} and has no cohort to borrow from`,
          };
        }
        const limit = spec.borrowingLimit?.[name];
        if (limit !== undefined && !atMost(after - quota, limit)) {
          return {
            fits: false,
            resource: name,
            reason: `queue ${queue} would borrow ${formatAmount(name, after - quota)} ${name}, over its borrowingLimit of ${formatAmount(name, limit)}`,
          };
        }
        borrowing = true;
      }
      if (!atMost(cohortAfter, pool)) {
        const unused = Math.max(0, pool - this.cohortUsage(queue, name));
        return {
          fits: false,
          resource: name,
          reason: `needs ${needs} ${name} but cohort ${spec.cohort ?? queue} has ${formatAmount(name, unused)} of ${formatAmount(name, pool)} unused`,
        };
      }
    }
    return { fits: true, borrowing };
  }

  /** Admitting `demand` keeps the queue within its own quota on every governed resource. */
  withinQuota(queue: string, demand: ResourceVector): boolean {
    const spec = this.specs.get(queue);
    if (!spec) return false;
    const after = addResources(this.usageOf(queue), demand);
    return governed(spec).every((name) => atMost(amountOf(after, name), amountOf(spec.quota, name)));
  }

  /**
   * Dominant-resource share of the queue after admitting `demand`, divided by its weight: the largest fraction
   * of any cohort pool it would hold. Borrowing goes to the queue with the smallest share first.
   */
  dominantShare(queue: string, demand: ResourceVector = emptyResources): number {
    const spec = this.specs.get(queue);
    if (!spec) return Number.POSITIVE_INFINITY;
    const after = addResources(this.usageOf(queue), demand);
    let share = 0;
    for (const name of governed(spec)) {
      const pool = this.cohortPool(queue, name);
      if (pool > 0) share = Math.max(share, amountOf(after, name) / pool);
    }
    return share / spec.weight;
  }

  /**
   * The queues whose quota `queue` borrows: the other queues of its cohort that leave unused quota of a resource
   * the queue holds beyond its own quota. They can reclaim it.
   */
  lenders(queue: string): string[] {
    const borrowed = positiveNames(this.borrowedBy(queue));
    return this.cohortOf(queue)
      .filter(
        (q) =>
          q.name !== queue &&
          borrowed.some(
            (name) =>
              governed(q).includes(name) && amountOf(this.usageOf(q.name), name) < amountOf(q.quota, name),
          ),
      )
      .map((q) => q.name);
  }

  sameCohort(a: string, b: string): boolean {
    const specA = this.specs.get(a);
    const specB = this.specs.get(b);
    return specA !== undefined && specB !== undefined && cohortKey(specA) === cohortKey(specB);
  }

  private cohortOf(queue: string): QueueSpec[] {
    const spec = this.specs.get(queue);
    return spec ? (this.members.get(cohortKey(spec)) ?? []) : [];
  }
}

/** A queue without a cohort is a cohort of one; the prefix keeps it apart from named cohorts. */
function cohortKey(queue: QueueSpec): string {
  return queue.cohort === undefined ? `queue:${queue.name}` : `cohort:${queue.cohort}`;
}

function governed(queue: QueueSpec): string[] {
  return [...new Set([...Object.keys(queue.quota), ...Object.keys(queue.borrowingLimit ?? {})])];
}

export interface AccountedJob {
  id: string;
  queue: string;
  priority: number;
  startedAt: number;
  demand: ResourceVector;
}

/**
 * Which running jobs sit on borrowed capacity: per queue, the highest-priority, longest-running work fills the
 * quota first, and whatever goes past it on a governed resource is borrowed (and reclaimable first).
 */
export function borrowingJobIds(ledger: QuotaLedger, jobs: readonly AccountedJob[]): Set<string> {
  const byQueue = new Map<string, AccountedJob[]>();
  for (const job of jobs) byQueue.set(job.queue, [...(byQueue.get(job.queue) ?? []), job]);
  const borrowing = new Set<string>();
  for (const [queue, queueJobs] of byQueue) {
    const spec = ledger.spec(queue);
    if (!spec) continue;
    const names = governed(spec);
    let cumulative: ResourceVector = emptyResources;
    for (const job of [...queueJobs].sort((a, b) => b.priority - a.priority || a.startedAt - b.startedAt)) {
      cumulative = addResources(cumulative, job.demand);
      const over = names.some(
        (name) =>
          isPositive(amountOf(job.demand, name)) &&
          !atMost(amountOf(cumulative, name), amountOf(spec.quota, name)),
      );
      if (over) borrowing.add(job.id);
    }
  }
  return borrowing;
}
