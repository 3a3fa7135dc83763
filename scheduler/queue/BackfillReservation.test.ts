import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQueueConfig } from "./QueueConfig.ts";
import { QueueManager } from "./QueueManager.ts";
import { NodePoolCapacity, type PoolAllocation, type PoolRequest } from "./testing/NodePoolCapacity.ts";

const ONE_QUEUE = "queues:\n  - {name: train}\nstarvationSeconds: 100\n";

function setup(nodes: number[]) {
  const capacity = new NodePoolCapacity(nodes);
  const queue = new QueueManager<PoolRequest, PoolAllocation>({
    config: parseQueueConfig(ONE_QUEUE),
    capacity,
  });
  return { capacity, queue };
}

describe("gang reservation and backfill", () => {
  it("holds capacity for a waiting gang and backfills only jobs that end before it is needed", () => {
    const { queue } = setup([4, 4]);
    queue.submit(
      { id: "long", queue: "train", demand: { gpus: 4 }, request: { gpus: 4 }, maxRuntimeSeconds: 100 },
      0,
    );
    queue.cycle(0);
    queue.submit(
      { id: "gang", queue: "train", gang: true, demand: { gpus: 8 }, request: { gpus: 4, nodes: 2 } },
      1,
    );
    queue.submit(
      { id: "short", queue: "train", demand: { gpus: 1 }, request: { gpus: 1 }, maxRuntimeSeconds: 50 },
      2,
    );
    queue.submit(
      { id: "late", queue: "train", demand: { gpus: 1 }, request: { gpus: 1 }, maxRuntimeSeconds: 500 },
      3,
    );
    queue.submit({ id: "open", queue: "train", demand: { gpus: 1 }, request: { gpus: 1 } }, 4);
    const cycle = queue.cycle(10);
    expect(cycle.reservation).toEqual({ jobId: "gang", startsBy: 100 });
    expect(cycle.admitted.map((a) => a.job.id)).toEqual(["short"]);
    expect(queue.explain("late")?.waitsFor).toMatchObject({ kind: "reservation" });
    expect(queue.explain("late")?.summary).toContain(
      "capacity is reserved for job gang (expected to fit at t=100s, once long ends), and starting this job now could delay it",
    );
    expect(queue.explain("gang")?.summary).toContain("position 1 of 3");

    queue.finished("short", 60);
    queue.finished("long", 100);
    const next = queue.cycle(100);
    expect(next.admitted.map((a) => a.job.id)).toEqual(["gang"]);
  });

  it("lets a job that leaves the reserved capacity free run even without a declared end", () => {
    const { queue } = setup([4, 4, 2]);
    queue.submit(
      { id: "long", queue: "train", demand: { gpus: 4 }, request: { gpus: 4 }, maxRuntimeSeconds: 100 },
      0,
    );
    queue.cycle(0);
    queue.submit(
      { id: "gang", queue: "train", gang: true, demand: { gpus: 8 }, request: { gpus: 4, nodes: 2 } },
      1,
    );
    // Fits on the third node, which the gang cannot use.
    queue.submit({ id: "side", queue: "train", demand: { gpus: 2 }, request: { gpus: 2 } }, 2);
    expect(queue.cycle(10).admitted.map((a) => a.job.id)).toEqual(["side"]);
  });

  it("serves a starving job first and reserves for it, so small jobs cannot overtake it forever", () => {
    const { queue } = setup([2]);
    queue.submit(
      { id: "r0", queue: "train", demand: { gpus: 1 }, request: { gpus: 1 }, maxRuntimeSeconds: 30 },
      0,
    );
    queue.cycle(0);
    queue.submit({ id: "pair", queue: "train", demand: { gpus: 2 }, request: { gpus: 2 }, priority: -1 }, 1);
    // A stream of higher-priority single-GPU jobs that would otherwise always go first.
    let admittedPair = -1;
    for (let t = 10; t <= 400 && admittedPair < 0; t += 10) {
      queue.submit(
        {
          id: `s${t}`,
          queue: "train",
          demand: { gpus: 1 },
          request: { gpus: 1 },
          maxRuntimeSeconds: 30,
          priority: 5,
        },
        t,
      );
      for (const running of queue.runningJobs()) {
        if (running.startedAt + (running.job.maxRuntimeSeconds ?? Infinity) <= t)
          queue.finished(running.job.id, t);
      }
      if (queue.cycle(t).admitted.some((a) => a.job.id === "pair")) admittedPair = t;
    }
    expect(admittedPair).toBeGreaterThanOrEqual(100);
    expect(admittedPair).toBeLessThanOrEqual(150);
  });

  it("backfills around a reservation whose start is unknown when the job leaves the reserved capacity free", () => {
    // Node 0 (4 GPUs) is full of work that declares no end; the 4-GPU job can only ever use node 0.
    const { queue } = setup([4, 2]);
    queue.submit({ id: "long", queue: "train", demand: { gpus: 4 }, request: { gpus: 4 } }, 0);
    expect(queue.cycle(0).admitted).toHaveLength(1);
    queue.submit({ id: "wait4", queue: "train", gang: true, demand: { gpus: 4 }, request: { gpus: 4 } }, 1);
    queue.submit({ id: "a", queue: "train", demand: { gpus: 1 }, request: { gpus: 1 } }, 2);
    queue.submit({ id: "b", queue: "train", demand: { gpus: 1 }, request: { gpus: 1 } }, 3);
    const cycle = queue.cycle(5);
    expect(cycle.reservation).toEqual({ jobId: "wait4", startsBy: Number.POSITIVE_INFINITY });
    expect(cycle.admitted.map((x) => x.job.id)).toEqual(["a", "b"]);
    expect(queue.explain("wait4")?.summary).toContain(
      "capacity is reserved for it: it fits once long ends; long declares no end time (maxRuntimeSeconds), so when is unknown",
    );
  });

  it("refuses a backfill that would take capacity the reserved job needs, and says which jobs block it", () => {
    const { queue } = setup([4]);
    queue.submit({ id: "long0", queue: "train", demand: { gpus: 1 }, request: { gpus: 1 } }, 0);
    queue.submit(
      { id: "long1", queue: "train", demand: { gpus: 1 }, request: { gpus: 1 }, maxRuntimeSeconds: 50 },
      0,
    );
    queue.cycle(0);
    queue.submit({ id: "wait4", queue: "train", gang: true, demand: { gpus: 4 }, request: { gpus: 4 } }, 1);
    queue.submit(
      { id: "c", queue: "train", demand: { gpus: 1 }, request: { gpus: 1 }, maxRuntimeSeconds: 10 },
      2,
    );
    expect(queue.cycle(5).admitted).toEqual([]);
    expect(queue.explain("c")?.waitsFor?.message).toBe(
      "capacity is reserved for job wait4 (it fits once long1, long0 end; long0 declares no end time (maxRuntimeSeconds), so when is unknown), and starting this job now could delay it: a job runs ahead of it only if it leaves that capacity free or its maxRuntimeSeconds ends before it is needed",
    );
  });

  it("drops the reservation with its job: cancelling the reserved job lets the others start at once", () => {
    const { queue } = setup([4]);
    queue.submit({ id: "long", queue: "train", demand: { gpus: 2 }, request: { gpus: 2 } }, 0);
    queue.cycle(0);
    queue.submit({ id: "wait4", queue: "train", gang: true, demand: { gpus: 4 }, request: { gpus: 4 } }, 1);
    queue.submit({ id: "c", queue: "train", demand: { gpus: 1 }, request: { gpus: 1 } }, 2);
    expect(queue.cycle(5).admitted).toEqual([]);
    expect(queue.reservedJob()).toBe("wait4");
    queue.cancelPending("wait4");
    expect(queue.reservedJob()).toBeUndefined();
    expect(queue.cycle(6).admitted.map((x) => x.job.id)).toEqual(["c"]);
  });

  it("holds nothing for a job that does not fit even once all running work has ended", () => {
    const { queue } = setup([2, 2]);
    queue.submit({ id: "long", queue: "train", demand: { gpus: 1 }, request: { gpus: 1 } }, 0);
    queue.cycle(0);
    queue.submit({ id: "big", queue: "train", gang: true, demand: { gpus: 4 }, request: { gpus: 4 } }, 1);
    queue.submit({ id: "c", queue: "train", demand: { gpus: 1 }, request: { gpus: 1 } }, 2);
    expect(queue.cycle(5).admitted.map((x) => x.job.id)).toEqual(["c"]);
    expect(queue.explain("big")?.summary).toContain("it does not fit even once all running work has ended");
  });
});

/** A running job: GPUs, and when it really ends (the queue only knows `declared` ends). */
const runningArb = fc.record({
  gpus: fc.integer({ min: 1, max: 4 }),
  runtime: fc.integer({ min: 1, max: 60 }),
  declared: fc.boolean(),
});

describe("backfill and the reserved job's start (property)", () => {
  /**
   * Replays one world second by second: running jobs end at their real time, and the time the reserved job starts
   * is returned. With `candidate` the later job is submitted too (and runs if the queue lets it).
   */
  function reservedStart(
    nodes: number[],
    running: { gpus: number; runtime: number; declared: boolean }[],
    head: { gpus: number; nodes: number },
    candidate: { gpus: number; runtime: number; declared: boolean } | undefined,
  ): { start: number; candidateAdmitted: boolean; drained: number; allDeclared: boolean } {
    const { queue } = setup(nodes);
    const ends = new Map<string, number>();
    running.forEach((r, i) => {
      const id = `r${i}`;
      ends.set(id, r.runtime);
      const limit = r.declared ? { maxRuntimeSeconds: r.runtime } : {};
      queue.submit({ id, queue: "train", demand: { gpus: r.gpus }, request: { gpus: r.gpus }, ...limit }, 0);
    });
    const admitted = new Set(queue.cycle(0).admitted.map((a) => a.job.id));
    for (const job of queue.pendingJobs()) queue.cancelPending(job.id);
    const request = { gpus: head.gpus, nodes: head.nodes };
    queue.submit(
      { id: "head", queue: "train", gang: true, demand: { gpus: head.gpus * head.nodes }, request },
      1,
    );
    if (queue.cycle(1).admitted.length > 0)
      return { start: 1, candidateAdmitted: false, drained: 1, allDeclared: true };
    let candidateAdmitted = false;
    if (candidate) {
      ends.set("cand", 2 + candidate.runtime);
      const limit = candidate.declared ? { maxRuntimeSeconds: candidate.runtime } : {};
      const demand = { gpus: candidate.gpus };
      queue.submit({ id: "cand", queue: "train", demand, request: { gpus: candidate.gpus }, ...limit }, 2);
      candidateAdmitted = queue.cycle(2).admitted.some((a) => a.job.id === "cand");
      if (!candidateAdmitted) queue.cancelPending("cand");
    }
    const drained = Math.max(3, ...[...admitted].map((id) => ends.get(id) ?? 0));
    const allDeclared = running.every((r, i) => r.declared || !admitted.has(`r${i}`));
    for (let t = 3; t <= 200; t++) {
      for (const r of queue.runningJobs()) if ((ends.get(r.job.id) ?? 0) <= t) queue.finished(r.job.id, t);
      if (queue.cycle(t).admitted.some((a) => a.job.id === "head"))
        return { start: t, candidateAdmitted, drained, allDeclared };
    }
    return { start: Number.POSITIVE_INFINITY, candidateAdmitted, drained, allDeclared };
  }

  it("starts the reserved job no later with the backfilled job than its known start or the end of running work", () => {
    let backfilled = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
        fc.array(runningArb, { maxLength: 6 }),
        fc.record({ gpus: fc.integer({ min: 2, max: 4 }), nodes: fc.integer({ min: 1, max: 2 }) }),
        runningArb,
        (nodes, running, head, candidate) => {
          const without = reservedStart(nodes, running, head, undefined);
          const withCandidate = reservedStart(nodes, running, head, candidate);
          if (withCandidate.candidateAdmitted) backfilled++;
          // Declared ends make the reserved job's start known, and a backfill never moves it. Without them the
          // start is unknown: a backfill may only make it wait until the work running at reservation has ended.
          if (without.allDeclared) expect(withCandidate.start).toBeLessThanOrEqual(without.start);
          else expect(withCandidate.start).toBeLessThanOrEqual(Math.max(without.start, without.drained));
        },
      ),
      { numRuns: 300 },
    );
    // The streams must actually backfill, or the property proves nothing.
    expect(backfilled).toBeGreaterThan(20);
  });
});
