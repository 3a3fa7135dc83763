import { describe, expect, it } from "vitest";
import { type JobSubmission, QueueSubmissionError } from "./JobSubmission.ts";
import { openQueueConfig, parseQueueConfig } from "./QueueConfig.ts";
import { QueueManager } from "./QueueManager.ts";
import { NodePoolCapacity, type PoolAllocation, type PoolRequest } from "./testing/NodePoolCapacity.ts";

const TWO_TEAMS = `
queues:
  - {name: team-a, weight: 1, cohort: shared, quota: {gpus: 4}, borrowingLimit: {gpus: 4}}
  - {name: team-b, weight: 1, cohort: shared, quota: {gpus: 4}, borrowingLimit: {gpus: 4}}
priorityClasses:
  - {name: low, value: 0, preemptionGraceSeconds: 10}
  - {name: high, value: 1000, preemptionGraceSeconds: 30}
`;

function job(id: string, queue: string, gpus: number, extra: Partial<JobSubmission<PoolRequest>> = {}) {
  return { id, queue, demand: { gpus }, request: { gpus }, ...extra };
}

function manager(yaml: string, nodes: number[]) {
  const capacity = new NodePoolCapacity(nodes);
  return {
    capacity,
    queue: new QueueManager<PoolRequest, PoolAllocation>({ config: parseQueueConfig(yaml), capacity }),
  };
}

describe("QueueManager", () => {
  it("admits within quota, lends idle quota to the cohort, and stops at the borrowing limit", () => {
    const { queue } = manager(TWO_TEAMS, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    for (let i = 0; i < 10; i++) queue.submit(job(`a${i}`, "team-a", 1), 0);
    const cycle = queue.cycle(0);
    expect(cycle.admitted.map((a) => a.job.id)).toEqual(["a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7"]);
    const a = queue.statuses().find((s) => s.name === "team-a");
    expect(a?.usage).toEqual({ gpus: 8 });
    expect(a?.borrowed).toEqual({ gpus: 4 });
    expect(a?.pending).toBe(2);
    expect(queue.explain("a8")?.waitsFor?.message).toContain("over its borrowingLimit of 4");
  });

  it("reclaims lent quota for the lender: borrowed jobs are preempted, guaranteed ones are not", () => {
    const { queue } = manager(TWO_TEAMS, [1, 1, 1, 1, 1, 1, 1, 1]);
    for (let i = 0; i < 8; i++) {
      queue.submit(job(`a${i}`, "team-a", 1, { priorityClass: "high" }), i);
      expect(queue.cycle(i).admitted).toHaveLength(1);
    }
    queue.submit(job("b0", "team-b", 2, { priorityClass: "low", request: { gpus: 1, nodes: 2 } }), 20);
    const cycle = queue.cycle(20);
    // Lowest cost among the 4 borrowed: the most recently started (least work lost).
    expect(cycle.preempted.map((p) => p.jobId)).toEqual(["a7", "a6"]);
    expect(cycle.preempted[0]?.stop.reason).toContain("give queue team-b its guaranteed quota back");
    expect(cycle.preempted[0]?.stop.killAt).toBe(50);
    expect(queue.explain("b0")?.summary).toContain("preempting: a7, a6");
    expect(queue.explain("a7")?.state).toBe("Stopping");
    // Until the victims stop, nothing else is preempted and b0 waits.
    expect(queue.cycle(21).preempted).toEqual([]);
    queue.finished("a7", 25);
    queue.finished("a6", 26);
    expect(queue.cycle(26).admitted.map((a) => a.job.id)).toEqual(["b0"]);
    expect(queue.statuses().map((s) => s.preemptedTotal)).toEqual([2, 0]);
  });

  it("does not preempt when the preemptor still would not fit", () => {
    const { queue } = manager(TWO_TEAMS, [1, 1, 1, 1, 1, 1, 1, 1]);
    for (let i = 0; i < 8; i++) queue.submit(job(`a${i}`, "team-a", 1), i);
    queue.cycle(10);
    // 2 GPUs on one node: no node has 2, so stopping single-GPU jobs cannot help.
    queue.submit(job("b0", "team-b", 2, { priorityClass: "high" }), 20);
    const cycle = queue.cycle(20);
    expect(cycle.preempted).toEqual([]);
    expect(queue.explain("b0")?.waitsFor?.message).toContain("would still not make room");
  });

  it("orders within-quota jobs by priority then age, and requeues a preempted job that asked for it", () => {
    const yaml = `
queues:
  - {name: solo, quota: {gpus: 2}}
priorityClasses:
  - {name: low, value: 1}
  - {name: high, value: 9}
`;
    const { queue } = manager(yaml, [1, 1]);
    queue.submit(job("new-low", "solo", 1, { priorityClass: "low" }), 1);
    queue.submit(job("old-low", "solo", 1, { priorityClass: "low", requeueOnPreemption: true }), 0);
    expect(queue.cycle(1).admitted.map((a) => a.job.id)).toEqual(["old-low", "new-low"]);
    queue.submit(job("urgent", "solo", 1, { priorityClass: "high" }), 3);
    const cycle = queue.cycle(3);
    // Both victims are equally low; new-low has done less work.
    expect(cycle.preempted.map((p) => p.jobId)).toEqual(["new-low"]);
    expect(queue.finished("new-low", 4)).toEqual({ preempted: true, requeued: undefined });
    expect(queue.cycle(4).admitted.map((a) => a.job.id)).toEqual(["urgent"]);
    queue.submit(job("urgent2", "solo", 1, { priorityClass: "high" }), 5);
    expect(queue.cycle(5).preempted.map((p) => p.jobId)).toEqual(["old-low"]);
    expect(queue.finished("old-low", 6).requeued?.id).toBe("old-low");
    expect(queue.explain("old-low")?.state).toBe("Pending");
  });

  it("never preempts jobs that are not preemptible or belong to another queue's guaranteed quota", () => {
    const { queue } = manager(TWO_TEAMS, [1, 1, 1, 1, 1, 1]);
    for (let i = 0; i < 4; i++) queue.submit(job(`b${i}`, "team-b", 1, { priorityClass: "low" }), i);
    queue.submit(
      job("a0", "team-a", 2, { priorityClass: "low", preemptible: false, request: { gpus: 1, nodes: 2 } }),
      5,
    );
    queue.cycle(5);
    queue.submit(job("a1", "team-a", 1, { priorityClass: "high" }), 6);
    const cycle = queue.cycle(6);
    expect(cycle.preempted).toEqual([]);
    expect(queue.explain("a1")?.waitsFor?.message).toContain("no running job may be preempted");
  });

  it("refuses unknown queues and classes, and a reload that drops a queue in use", () => {
    const { queue } = manager(TWO_TEAMS, [1]);
    expect(() => queue.submit(job("x", "team-z", 1), 0)).toThrow(
      /unknown queue "team-z"; use --queue with one of: team-a, team-b/,
    );
    expect(() => queue.submit(job("x", "team-a", 1, { priorityClass: "gold" }), 0)).toThrow(
      /unknown priority class "gold"; use one of: low, high/,
    );
    expect(() => queue.submit({ id: "x", demand: {}, request: { gpus: 0 } }, 0)).toThrow(
      QueueSubmissionError,
    );
    queue.submit(job("b0", "team-b", 1), 0);
    expect(() => queue.reload(parseQueueConfig("queues:\n  - {name: team-a}\n"))).toThrow(
      /team-b \(1 jobs\)/,
    );
    queue.reload(parseQueueConfig(`${TWO_TEAMS}\n  - {name: mid, value: 5}\n`));
    expect(queue.currentConfig().priorityClasses.map((c) => c.name)).toEqual(["low", "high", "mid"]);
  });
});

describe("QueueManager without a config file", () => {
  it("accepts any queue name as an unlimited queue", () => {
    const capacity = new NodePoolCapacity([2]);
    const queue = new QueueManager<PoolRequest, PoolAllocation>({ config: openQueueConfig, capacity });
    queue.submit(job("x", "research", 2), 0);
    expect(queue.cycle(0).admitted.map((a) => a.job.id)).toEqual(["x"]);
    expect(queue.statuses().map((s) => [s.name, s.running])).toEqual([
      ["default", 0],
      ["research", 1],
    ]);
  });
});
