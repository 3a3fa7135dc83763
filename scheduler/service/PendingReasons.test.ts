import { describe, expect, it, vi } from "vitest";
import { PlacementEngine } from "../engine/PlacementEngine.ts";
import { nodeOf } from "../engine/test/fixtures.ts";
import type { JobRecord } from "../store/JobRecord.ts";
import { pendingJob } from "../store/testing/JobRecordFixture.ts";
import { PendingReasons } from "./PendingReasons.ts";

function migJob(id: string, profile: string): JobRecord {
  const job = pendingJob(id, 1);
  job.spec.name = id === "big" ? id : `train-${id}`;
  job.spec.request.shape = { kind: "mig", profile };
  return job;
}

/** Two H100s in MIG mode, each holding a 4g.40gb job: a 7g.80gb job fits neither until one ends. */
function fleet() {
  const engine = new PlacementEngine({
    nodes: [nodeOf("a", 1, { mode: "mig" }), nodeOf("b", 1, { mode: "mig" })],
  });
  const jobs = new Map<string, JobRecord>();
  for (const id of ["j-1", "j-2"]) {
    const job = migJob(id, "4g.40gb");
    const placed = engine.place({ id, cpuMilli: 0, memoryMiB: 0, gpu: { kind: "mig", profile: "4g.40gb" } });
    if (!placed.ok) throw new Error(placed.unschedulable.message);
    engine.commit(placed.placement);
    jobs.set(id, job);
  }
  return { engine, jobs };
}

describe("PendingReasons", () => {
  it("names the GPUs that could be repartitioned and the jobs on them, walking the fleet once per shape", () => {
    const { engine, jobs } = fleet();
    const nodes = vi.spyOn(engine, "nodes");
    const reasons = new PendingReasons(engine, (id) => jobs.get(id));
    const waiting = Array.from({ length: 50 }, (_, i) => migJob(`w-${i}`, "7g.80gb"));
    const said = waiting.map((job) => reasons.reason(job, "0/2 nodes are available."));
    expect(new Set(said)).toEqual(
      new Set([
        "no H100-SXM5-80GB GPU has a free 7g.80gb placement; 2 GPU(s) could be repartitioned once job(s) " +
          "train-j-2 (j-2), train-j-1 (j-1) end. 0/2 nodes are available.",
      ]),
    );
    expect(nodes).toHaveBeenCalledTimes(1);
    // Another shape is worked out on its own; a job that is not MIG gets the engine's words alone.
    expect(reasons.reason(migJob("s", "3g.40gb"), "m")).toMatch(/^no H100-SXM5-80GB GPU has a free 3g.40gb/);
    expect(nodes).toHaveBeenCalledTimes(2);
    const whole = pendingJob("w", 1);
    whole.spec.request.shape = { kind: "whole", gpus: 1, requireNvlink: false };
    expect(reasons.reason(whole, "0/2 nodes are available.")).toBe("0/2 nodes are available.");
  });

  it("follows the engine: once a job ends, its GPU is no longer named", () => {
    const { engine, jobs } = fleet();
    const reasons = new PendingReasons(engine, (id) => jobs.get(id));
    reasons.reason(migJob("w", "7g.80gb"), "m");
    engine.release("j-1");
    expect(reasons.reason(migJob("w", "7g.80gb"), "m")).toBe(
      "no H100-SXM5-80GB GPU has a free 7g.80gb placement; 1 GPU(s) could be repartitioned once job(s) " +
        "train-j-2 (j-2) end. m",
    );
    // The same words as a reader made afresh.
    expect(reasons.reason(migJob("w", "7g.80gb"), "m")).toBe(
      new PendingReasons(engine, (id) => jobs.get(id)).reason(migJob("w", "7g.80gb"), "m"),
    );
  });

  it("names GPUs whose layout change failed, for the jobs that could use them", () => {
    const { engine, jobs } = fleet();
    const failed = [{ node: "a", gpuUuid: "GPU-a-0", error: "in use by another client" }];
    const reasons = new PendingReasons(engine, (id) => jobs.get(id), failed);
    expect(reasons.reason(migJob("w", "7g.80gb"), "m")).toMatch(
      /end\. m 1 GPU\(s\) take no job until their agent applies the layout change that failed: GPU GPU-a-0 of node a \(in use by another client\)\.$/,
    );
  });
});
