import { describe, expect, it } from "vitest";
import type { NodeSpec } from "../engine/ClusterSpec.ts";
import { PlacementEngine } from "../engine/PlacementEngine.ts";
import { createPolicy } from "../engine/PolicyRegistry.ts";
import { QueueSubmissionError } from "./JobSubmission.ts";
import { parseQueueConfig } from "./QueueConfig.ts";
import { SchedulerQueue, type ServiceJob, type ServiceJobSource } from "./SchedulerQueue.ts";

const node: NodeSpec = {
  name: "n0",
  cpuMilli: 64_000,
  memoryMiB: 512_000,
  gpus: Array.from({ length: 4 }, (_, index) => ({
    uuid: `GPU-${index}`,
    index,
    model: "H100-SXM5-80GB",
    memoryMiB: 81_559,
    mode: "whole" as const,
  })),
};

const CONFIG = `
queues:
  - {name: team-a, cohort: lab, quota: {gpus: 2}}
  - {name: team-b, cohort: lab, quota: {gpus: 2}}
priorityClasses:
  - {name: high, value: 1000, preemptionGraceSeconds: 5}
`;

function job(
  id: string,
  queue: string,
  phase: ServiceJob["phase"],
  extra: Partial<ServiceJob> = {},
): ServiceJob {
  return {
    id,
    queue,
    priority: 0,
    priorityClass: undefined,
    preemptible: false,
    requeueOnPreemption: false,
    maxRuntimeSeconds: undefined,
    submittedAtMs: 1_000,
    phase,
    startedAtMs: undefined,
    stopping: undefined,
    request: { gang: false, request: { id, cpuMilli: 0, memoryMiB: 0, gpu: { kind: "whole", count: 1 } } },
    allocationIds: [id],
    ...extra,
  };
}

describe("SchedulerQueue (the queue inside the scheduler service)", () => {
  it("follows the service's records, reclaims borrowed capacity, and explains waiting jobs", () => {
    const engine = new PlacementEngine({ nodes: [node] }, { policy: createPolicy("best-fit") });
    const queue = new SchedulerQueue(engine, parseQueueConfig(CONFIG));
    const jobs = ["a0", "a1", "a2", "a3"].map((id) => job(id, "team-a", "pending"));
    queue.reconcile(jobs);
    const first = queue.cycle(2_000);
    expect(first.admitted.map((a) => a.job.id)).toEqual(["a0", "a1", "a2", "a3"]);
    // The service records them as active; team-b arrives and takes its quota back from the borrowers.
    const active = jobs.map((j) => ({ ...j, phase: "active" as const, startedAtMs: 2_000 }));
    queue.reconcile([
      ...active,
      job("b0", "team-b", "pending", { priorityClass: "high", submittedAtMs: 3_000 }),
    ]);
    const second = queue.cycle(3_000);
    expect(second.preempted).toHaveLength(1);
    expect(second.preempted[0]?.reason).toContain("give queue team-b its guaranteed quota back");
    // Stored without its place in the queue; readers get the place as it is now.
    const waiting = second.waiting.get("b0")!;
    expect(waiting).toMatch(/^pending in queue team-b; .*preempting: a\d/);
    expect(queue.shownReason("b0", waiting)).toMatch(
      /^pending in queue team-b, position 1 of 1; .*preempting: a\d/,
    );
    // The victim stopped (the service released it); b0 is placed next.
    const victim = second.preempted[0]!.jobId;
    engine.release(victim);
    queue.reconcile([
      ...active.filter((j) => j.id !== victim),
      job("b0", "team-b", "pending", { priorityClass: "high" }),
    ]);
    expect(queue.cycle(4_000).admitted.map((a) => a.job.id)).toEqual(["b0"]);
    expect(queue.statuses().map((s) => [s.name, s.usage.gpus, s.borrowed.gpus ?? 0])).toEqual([
      ["team-a", 3, 1],
      ["team-b", 1, 0],
    ]);
  });

  it("keeps a waiting job's reason as the jobs ahead of it come and go; only its shown place moves", () => {
    const engine = new PlacementEngine({ nodes: [node] }, { policy: createPolicy("best-fit") });
    const queue = new SchedulerQueue(engine, parseQueueConfig(CONFIG));
    // Four GPUs, and five jobs of four GPUs each: the first runs, the rest wait in line.
    const big = (id: string, at: number): ServiceJob => ({
      ...job(id, "team-a", "pending", { submittedAtMs: at }),
      request: { gang: false, request: { id, cpuMilli: 0, memoryMiB: 0, gpu: { kind: "whole", count: 4 } } },
    });
    const jobs = ["w0", "w1", "w2", "w3", "w4"].map((id, i) => big(id, 1_000 + i));
    queue.reconcile(jobs);
    const first = queue.cycle(2_000);
    expect(first.admitted.map((a) => a.job.id)).toEqual(["w0"]);
    const stored = first.waiting.get("w4")!;
    expect(queue.shownReason("w4", stored)).toMatch(/^pending in queue team-a, position 4 of 4; /);
    // A job joins behind it, and the one running ends so that the head is placed: w4's reason stays the same.
    engine.release("w0");
    queue.reconcile([...jobs.slice(1), big("w5", 1_010)]);
    const second = queue.cycle(3_000);
    expect(second.admitted.map((a) => a.job.id)).toEqual(["w1"]);
    expect(second.waiting.get("w4")).toBe(stored);
    expect(queue.shownReason("w4", stored)).toMatch(/^pending in queue team-a, position 3 of 4; /);
  });

  it("refuses unknown queues and classes before a job is stored", () => {
    const engine = new PlacementEngine({ nodes: [node] }, { policy: createPolicy("best-fit") });
    const queue = new SchedulerQueue(engine, parseQueueConfig(CONFIG));
    expect(() => queue.validate(job("x", "team-z", "pending"))).toThrow(QueueSubmissionError);
    expect(() => queue.validate(job("x", "team-a", "pending", { priorityClass: "gold" }))).toThrow(
      /unknown priority class "gold"/,
    );
    expect(() => queue.validate(job("x", "team-a", "pending"))).not.toThrow();
  });

  it("syncs from the changed jobs alone to the same decisions as a full reconcile of every job", () => {
    // Two queues over two engines get the same records; one reconciles them all, the other only what changed.
    const sides = [0, 1].map(() => {
      const engine = new PlacementEngine({ nodes: [node] }, { policy: createPolicy("best-fit") });
      return { engine, queue: new SchedulerQueue(engine, parseQueueConfig(CONFIG)) };
    });
    const records = new Map<string, ServiceJob>();
    const changed: string[] = [];
    const source: ServiceJobSource = {
      all: () => records.values(),
      changed: () => changed.splice(0),
      job: (id) => records.get(id),
      allocationIds: (id) =>
        records.get(id)?.phase === "active" ? records.get(id)?.allocationIds : undefined,
      order: (id) => [...records.keys()].indexOf(id),
    };
    const put = (j: ServiceJob) => {
      records.set(j.id, j);
      changed.push(j.id);
    };
    const cycle = (nowMs: number) => {
      sides[0]!.queue.reconcile(records.values());
      sides[1]!.queue.sync(source);
      const [full, synced] = sides.map((s) => s.queue.cycle(nowMs));
      expect(synced).toEqual(full);
      for (const a of full!.admitted) put({ ...records.get(a.job.id)!, phase: "active", startedAtMs: nowMs });
      return full!;
    };
    for (const id of ["a0", "a1", "a2", "a3"]) put(job(id, "team-a", "pending"));
    expect(cycle(2_000).admitted).toHaveLength(4);
    put(job("b0", "team-b", "pending", { priorityClass: "high", submittedAtMs: 3_000 }));
    put(job("b1", "team-b", "pending", { submittedAtMs: 3_000 }));
    const second = cycle(3_000);
    expect(second.preempted.length).toBeGreaterThan(0);
    // The victims ended: the service released them, and their records are gone from the live jobs.
    for (const { jobId } of second.preempted) {
      for (const s of sides) s.engine.release(jobId);
      records.delete(jobId);
      changed.push(jobId);
    }
    expect(cycle(4_000).admitted.map((a) => a.job.id)).toEqual(["b0", "b1"]);
    // A job that ended before the next sync, and one submitted then.
    const ended = [...records.values()].find((j) => j.phase === "active")!.id;
    records.delete(ended);
    changed.push(ended);
    for (const s of sides) s.engine.release(ended);
    put(job("a4", "team-a", "pending", { submittedAtMs: 5_000 }));
    expect(cycle(5_000).admitted.map((a) => a.job.id)).toEqual(["a4"]);
    expect(sides[1]!.queue.statuses()).toEqual(sides[0]!.queue.statuses());
  });
});
