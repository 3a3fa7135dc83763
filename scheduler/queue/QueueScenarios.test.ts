import { describe, expect, it } from "vitest";
import type { NodeSpec } from "../engine/ClusterSpec.ts";
import { PlacementEngine } from "../engine/PlacementEngine.ts";
import { gangOfWholeGpus } from "../engine/PlacementRequest.ts";
import { createPolicy } from "../engine/PolicyRegistry.ts";
import { type EngineAllocation, EngineCapacity, type EngineRequest } from "./EngineCapacity.ts";
import { engineSubmission } from "./JobDemand.ts";
import type { JobSubmission } from "./JobSubmission.ts";
import { parseQueueConfig } from "./QueueConfig.ts";
import { QueueManager } from "./QueueManager.ts";
import { runQueueTimeline, type TimelineArrival } from "./QueueTimeline.ts";

/** `nodes` H100 nodes with `gpus` whole GPUs each. */
function h100Fleet(nodes: number, gpus: number): NodeSpec[] {
  return Array.from({ length: nodes }, (_, n) => ({
    name: `node-${n}`,
    cpuMilli: 128_000,
    memoryMiB: 1_024_000,
    gpus: Array.from({ length: gpus }, (_, index) => ({
      uuid: `GPU-${n}-${index}`,
      index,
      model: "H100-SXM5-80GB",
      memoryMiB: 81_559,
      mode: "whole" as const,
    })),
  }));
}

function queueOver(nodes: NodeSpec[], yaml: string) {
  const engine = new PlacementEngine({ nodes }, { policy: createPolicy("best-fit"), seed: 1 });
  return new QueueManager<EngineRequest, EngineAllocation>({
    config: parseQueueConfig(yaml),
    capacity: new EngineCapacity(engine),
  });
}

function gpus(id: string, count: number): EngineRequest {
  return { gang: false, request: { id, cpuMilli: 1000, memoryMiB: 4096, gpu: { kind: "whole", count } } };
}

function arrival(
  id: string,
  at: number,
  runSeconds: number,
  request: EngineRequest,
  fields: Omit<JobSubmission<EngineRequest>, "id" | "request" | "demand" | "gang">,
): TimelineArrival<EngineRequest> {
  return { at, runSeconds, submission: engineSubmission(id, request, fields) };
}

const TWO_TENANTS = `
queues:
  - {name: team-a, weight: 1, cohort: shared, quota: {gpus: 4}, borrowingLimit: {gpus: 4}}
  - {name: team-b, weight: 1, cohort: shared, quota: {gpus: 4}, borrowingLimit: {gpus: 4}}
priorityClasses:
  - {name: normal, value: 100, preemptionGraceSeconds: 30}
`;

describe("queue scenarios on the placement engine (virtual clock)", () => {
  it("lets a tenant borrow the idle tenant's quota and gives it back when the lender returns", () => {
    const queue = queueOver(h100Fleet(1, 8), TWO_TENANTS);
    const arrivals = [
      ...Array.from({ length: 8 }, (_, i) =>
        arrival(`a${i}`, i, 3600, gpus(`a${i}`, 1), {
          queue: "team-a",
          priorityClass: "normal",
          requeueOnPreemption: true,
        }),
      ),
      ...Array.from({ length: 4 }, (_, i) =>
        arrival(`b${i}`, 600, 1800, gpus(`b${i}`, 1), { queue: "team-b", priorityClass: "normal" }),
      ),
    ];
    const result = runQueueTimeline(queue, arrivals, { tickSeconds: 10 });
    const at = (t: number) => result.samples.filter((s) => s.t <= t).at(-1);
    // Before team-b shows up, team-a uses the whole node: 4 of its own plus 4 borrowed.
    expect(at(500)?.allocatedGpus).toBe(8);
    // team-b takes its quota back within the 30 s grace period of the borrowed jobs.
    const b = result.jobs.filter((j) => j.queue === "team-b");
    expect(b.every((j) => (j.firstStartedAt ?? Number.POSITIVE_INFINITY) <= 630)).toBe(true);
    // Exactly the 4 borrowed jobs were preempted (the last started), and they ran again later.
    expect(result.preemptions.map((p) => p.jobId).sort()).toEqual(["a4", "a5", "a6", "a7"]);
    expect(
      result.preemptions.every((p) => p.stop.reason.includes("give queue team-b its guaranteed quota back")),
    ).toBe(true);
    const a = new Map(result.jobs.map((j) => [j.id, j]));
    expect(a.get("a4")?.state).toBe("Succeeded");
    expect(a.get("a4")?.preemptions).toBe(1);
    expect(a.get("a0")?.preemptions).toBe(0);
  });

  it("eventually runs a 16-GPU gang while small jobs keep arriving, backfilling around its reservation", () => {
    const queue = queueOver(
      h100Fleet(4, 8),
      "queues:\n  - {name: research, quota: {gpus: 32}}\nstarvationSeconds: 100000\n",
    );
    const arrivals: TimelineArrival<EngineRequest>[] = [];
    // Four 5-GPU jobs leave 3 GPUs free on every node until t=600: no two nodes are free for the gang before.
    for (let n = 0; n < 4; n++) {
      arrivals.push(
        arrival(`wide${n}`, 0, 600, gpus(`wide${n}`, 5), { queue: "research", maxRuntimeSeconds: 600 }),
      );
    }
    // A single-GPU job every 20 s, each running 300 s.
    for (let t = 0; t < 3000; t += 20) {
      arrivals.push(
        arrival(`s${t}`, t, 300, gpus(`s${t}`, 1), { queue: "research", maxRuntimeSeconds: 300 }),
      );
    }
    const gang = {
      gang: true as const,
      request: gangOfWholeGpus("gang", 2, 8, { cpuMilli: 8000, memoryMiB: 65536 }),
    };
    arrivals.push(arrival("gang", 100, 900, gang, { queue: "research", maxRuntimeSeconds: 900 }));
    const result = runQueueTimeline(queue, arrivals, { tickSeconds: 10 });
    const jobs = new Map(result.jobs.map((j) => [j.id, j]));
    const gangStart = jobs.get("gang")?.firstStartedAt;
    expect(gangStart).toBeDefined();
    // The reservation makes it run as soon as the wide jobs end, not after the stream of small ones.
    expect(gangStart!).toBe(600);
    // Small jobs kept starting while the gang waited (backfill), and all small jobs ran in the end.
    const backfilled = result.jobs.filter(
      (j) => j.id !== "gang" && j.submittedAt >= 100 && (j.firstStartedAt ?? Infinity) < gangStart!,
    );
    expect(backfilled.length).toBeGreaterThan(0);
    expect(result.jobs.every((j) => j.state === "Succeeded")).toBe(true);
  });

  it("preempts a best-effort training job for a high-priority inference job, never a guaranteed one", () => {
    const queue = queueOver(
      h100Fleet(1, 8),
      `
queues:
  - {name: training, cohort: gpu-pool, quota: {gpus: 4}}
  - {name: inference, cohort: gpu-pool, quota: {gpus: 4}}
priorityClasses:
  - {name: best-effort, value: 0, preemptionGraceSeconds: 20}
  - {name: guaranteed, value: 500, preemptionGraceSeconds: 60}
  - {name: high, value: 1000}
`,
    );
    const arrivals = [
      ...Array.from({ length: 4 }, (_, i) =>
        arrival(`guaranteed${i}`, 0, 10_000, gpus(`guaranteed${i}`, 1), {
          queue: "training",
          priorityClass: "guaranteed",
        }),
      ),
      ...Array.from({ length: 4 }, (_, i) =>
        arrival(`best-effort${i}`, 10, 10_000, gpus(`best-effort${i}`, 1), {
          queue: "training",
          priorityClass: "best-effort",
        }),
      ),
      arrival("serve", 100, 3600, gpus("serve", 1), { queue: "inference", priorityClass: "high" }),
    ];
    const explanations: string[] = [];
    const result = runQueueTimeline(queue, arrivals, {
      until: 200,
      onProgress: (_done, _total, t) => {
        if (t === 100) explanations.push(queue.explain("serve")?.summary ?? "");
      },
    });
    expect(result.preemptions).toHaveLength(1);
    expect(result.preemptions[0]?.jobId).toMatch(/^best-effort/);
    expect(result.preemptions[0]?.stop.killAt).toBe(120);
    expect(explanations[0]).toMatch(/preempting: best-effort\d/);
    const serve = result.jobs.find((j) => j.id === "serve");
    expect(serve?.firstStartedAt).toBe(120);
    expect(result.jobs.filter((j) => j.id.startsWith("guaranteed")).every((j) => j.preemptions === 0)).toBe(
      true,
    );
    expect(result.jobs.find((j) => j.id === result.preemptions[0]?.jobId)?.state).toBe("Preempted");
  });
});
