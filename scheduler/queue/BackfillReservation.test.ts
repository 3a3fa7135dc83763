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
      "capacity is reserved for job gang (expected to fit at t=100s)",
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
});
