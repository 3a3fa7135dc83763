import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { QueueConfig, QueueSpec } from "./QueueConfig.ts";
import { QueueManager } from "./QueueManager.ts";
import { amountOf, atMost } from "./ResourceVector.ts";
import { NodePoolCapacity, type PoolAllocation, type PoolRequest } from "./testing/NodePoolCapacity.ts";

interface Arrival {
  at: number;
  queue: number;
  gpus: number;
  runtime: number;
  high: boolean;
  preemptible: boolean;
  requeue: boolean;
}

const queueArb = fc.record({
  quota: fc.integer({ min: 0, max: 6 }),
  limit: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  weight: fc.integer({ min: 1, max: 3 }),
  inCohort: fc.boolean(),
});

const scenarioArb = fc.record({
  nodes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
  queues: fc.array(queueArb, { minLength: 1, maxLength: 3 }),
  arrivals: fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 120 }),
      queue: fc.nat(),
      gpus: fc.integer({ min: 1, max: 4 }),
      runtime: fc.integer({ min: 1, max: 30 }),
      high: fc.boolean(),
      preemptible: fc.boolean(),
      requeue: fc.boolean(),
    }),
    { maxLength: 40 },
  ),
});

function configOf(
  queues: { quota: number; limit: number | undefined; weight: number; inCohort: boolean }[],
): QueueConfig {
  const specs: QueueSpec[] = queues.map((q, i) => ({
    name: `q${i}`,
    weight: q.weight,
    cohort: q.inCohort ? "pool" : undefined,
    quota: { gpus: q.quota },
    borrowingLimit: q.inCohort && q.limit !== undefined ? { gpus: q.limit } : undefined,
  }));
  return {
    queues: specs,
    priorityClasses: [
      { name: "low", value: 0, preemptionGraceSeconds: 2 },
      { name: "high", value: 100, preemptionGraceSeconds: 2 },
    ],
    defaultPriorityClass: undefined,
    starvationSeconds: 60,
  };
}

/** The most a queue can ever hold: its quota, plus what it may borrow from the rest of its cohort. */
function reachable(config: QueueConfig, spec: QueueSpec): number {
  const quota = amountOf(spec.quota, "gpus");
  if (spec.cohort === undefined) return quota;
  const pool = config.queues
    .filter((q) => q.cohort === spec.cohort)
    .reduce((s, q) => s + amountOf(q.quota, "gpus"), 0);
  return Math.min(pool, quota + (spec.borrowingLimit?.gpus ?? Number.POSITIVE_INFINITY));
}

/**
 * Replays arrivals second by second: jobs end after their runtime, preempted jobs stop when their grace ends.
 * Checks the invariants after every cycle and returns what happened.
 */
function replay(scenario: { nodes: number[]; queues: Parameters<typeof configOf>[0]; arrivals: Arrival[] }) {
  const config = configOf(scenario.queues);
  const capacity = new NodePoolCapacity(scenario.nodes);
  const queue = new QueueManager<PoolRequest, PoolAllocation>({ config, capacity });
  const biggestNode = Math.max(...scenario.nodes);
  // Only jobs that could ever run: they fit a node and their queue's reach.
  const jobs = scenario.arrivals
    .map((a) => ({ ...a, queue: a.queue % config.queues.length }))
    .filter((a) => a.gpus <= biggestNode && a.gpus <= reachable(config, config.queues[a.queue]!))
    .sort((a, b) => a.at - b.at);
  const runtime = new Map<string, number>();
  const admittedAt = new Map<string, number>();
  let preemptions = 0;
  const everAdmitted = new Set<string>();
  const promised = new Map<string, Set<string>>();
  let next = 0;
  for (let t = 0; t <= 3000; t++) {
    for (const r of queue.runningJobs()) {
      const stop = r.stopping;
      if ((stop && t >= stop.killAt) || (!stop && t >= r.startedAt + (runtime.get(r.job.id) ?? 0))) {
        const outcome = queue.finished(r.job.id, t);
        if (outcome.requeued) admittedAt.delete(r.job.id);
        for (const victims of promised.values()) victims.delete(r.job.id);
      }
    }
    for (; next < jobs.length && jobs[next]!.at <= t; next++) {
      const a = jobs[next]!;
      const id = `j${next}`;
      runtime.set(id, a.runtime);
      queue.submit(
        {
          id,
          queue: `q${a.queue}`,
          priorityClass: a.high ? "high" : "low",
          preemptible: a.preemptible,
          requeueOnPreemption: a.requeue,
          maxRuntimeSeconds: a.runtime,
          demand: { gpus: a.gpus },
          request: { gpus: a.gpus },
        },
        t,
      );
    }
    const ready = [...promised].filter(([, victims]) => victims.size === 0).map(([id]) => id);
    const cycle = queue.cycle(t);
    for (const a of cycle.admitted) {
      admittedAt.set(a.job.id, t);
      everAdmitted.add(a.job.id);
      promised.delete(a.job.id);
    }
    // Invariant: a preemptor whose victims have all stopped is placed in the very next cycle.
    for (const id of ready)
      expect(admittedAt.has(id), `preemptor ${id} placed once its victims stopped`).toBe(true);
    preemptions += cycle.preempted.length;
    for (const p of cycle.preempted) {
      const victims = promised.get(p.stop.preemptorId) ?? new Set<string>();
      victims.add(p.jobId);
      promised.set(p.stop.preemptorId, victims);
    }
    // Invariant: usage within quota, or borrowed within the limit and the cohort's pool.
    for (const status of queue.statuses()) {
      const spec = config.queues.find((q) => q.name === status.name)!;
      const used = amountOf(status.usage, "gpus");
      expect(atMost(used, reachable(config, spec)), `${status.name} uses ${used}`).toBe(true);
      if (spec.cohort === undefined) expect(status.borrowed).toEqual({});
    }
    const pool = config.queues.filter((q) => q.cohort === "pool");
    const poolUsage = queue.statuses().filter((s) => pool.some((q) => q.name === s.name));
    expect(
      atMost(
        poolUsage.reduce((s, q) => s + amountOf(q.usage, "gpus"), 0),
        pool.reduce((s, q) => s + amountOf(q.quota, "gpus"), 0),
      ),
    ).toBe(true);
    if (next >= jobs.length && queue.pendingJobs().length === 0 && queue.runningJobs().length === 0) break;
  }
  return { queue, jobs, everAdmitted, preemptions };
}

describe("queue invariants (properties)", () => {
  let preemptionsSeen = 0;

  it("keeps quotas, places every preemptor once its victims stop, and leaves no job waiting forever", () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { queue, jobs, everAdmitted, preemptions } = replay(scenario);
        preemptionsSeen += preemptions;
        // Arrivals end by t=120; every job runs within the 3000 s that follow.
        expect(queue.pendingJobs()).toEqual([]);
        expect(queue.runningJobs()).toEqual([]);
        expect(everAdmitted.size).toBe(jobs.length);
      }),
      { numRuns: 100 },
    );
    // The streams must actually exercise preemption, or the preemptor invariant proves nothing.
    expect(preemptionsSeen).toBeGreaterThan(0);
  });

  it("serves a low-priority job under a saturating stream of high-priority ones within the starvation bound", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 5, max: 30 }),
        fc.integer({ min: 1, max: 3 }),
        (gpus, runtime, perSecond) => {
          const config = configOf([{ quota: gpus, limit: undefined, weight: 1, inCohort: false }]);
          const capacity = new NodePoolCapacity([gpus]);
          const queue = new QueueManager<PoolRequest, PoolAllocation>({ config, capacity });
          queue.submit(
            {
              id: "big",
              queue: "q0",
              priority: -5,
              demand: { gpus },
              request: { gpus },
              maxRuntimeSeconds: runtime,
            },
            0,
          );
          let startedAt: number | undefined;
          for (let t = 0; t <= 60 + runtime && startedAt === undefined; t++) {
            for (const r of queue.runningJobs()) if (t >= r.startedAt + runtime) queue.finished(r.job.id, t);
            for (let k = 0; k < perSecond; k++) {
              queue.submit(
                {
                  id: `s${t}-${k}`,
                  queue: "q0",
                  priority: 10,
                  demand: { gpus: 1 },
                  request: { gpus: 1 },
                  maxRuntimeSeconds: runtime,
                },
                t,
              );
            }
            if (queue.cycle(t).admitted.some((a) => a.job.id === "big")) startedAt = t;
          }
          // Aging makes it the head after 60 s; the reservation lets running work drain within one runtime.
          expect(startedAt).toBeDefined();
          expect(startedAt!).toBeLessThanOrEqual(60 + runtime);
        },
      ),
      { numRuns: 25 },
    );
  });
});
