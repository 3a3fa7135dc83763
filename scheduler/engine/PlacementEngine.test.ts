import { describe, expect, it } from "vitest";
import type { NodeSpec } from "./ClusterSpec.ts";
import { PlacementEngine } from "./PlacementEngine.ts";
import type { PlacementRequest } from "./PlacementRequest.ts";
import { gangOfWholeGpus } from "./PlacementRequest.ts";
import { createPolicy } from "./PolicyRegistry.ts";
import { nodeOf } from "./test/fixtures.ts";

function engineOf(
  nodes: NodeSpec[],
  policy: Parameters<typeof createPolicy>[0] = "best-fit",
): PlacementEngine {
  return new PlacementEngine({ nodes }, { policy: createPolicy(policy), seed: 7 });
}

function share(id: string, milli: number, cpuMilli = 1000): PlacementRequest {
  return { id, cpuMilli, memoryMiB: 1024, gpu: { kind: "share", milli, memoryMiB: 0 } };
}

function placeAndCommit(engine: PlacementEngine, r: PlacementRequest) {
  const result = engine.place(r);
  if (!result.ok) throw new Error(result.unschedulable.message);
  engine.commit(result.placement);
  return result.placement;
}

describe("PlacementEngine", () => {
  it("packs shares onto the tightest GPU and says exactly which", () => {
    const engine = engineOf([nodeOf("n1", 2)]);
    const a = placeAndCommit(engine, share("a", 600));
    const b = placeAndCommit(engine, share("b", 400));
    expect(a.gpus[0]).toMatchObject({ kind: "share", milli: 600 });
    expect(b.gpus[0]!.gpuIndex).toBe(a.gpus[0]!.gpuIndex);
  });

  it("place has no side effect and release restores the previous state", () => {
    const engine = engineOf([nodeOf("n1", 2)]);
    const first = engine.place(share("a", 500));
    const second = engine.place(share("a", 500));
    expect(second).toEqual(first);
    placeAndCommit(engine, share("a", 500));
    engine.release("a");
    const node = engine.node("n1")!;
    expect(node.gpus.map((g) => g.freeMilli)).toEqual([1000, 1000]);
    expect(node.cpuFree).toBe(64000);
  });

  it("folds the reasons of every node into one sentence", () => {
    const engine = engineOf([
      nodeOf("t4-a", 1, { model: "T4" }),
      nodeOf("t4-b", 1, { model: "T4" }),
      nodeOf("small", 1, { cpuMilli: 500 }),
      nodeOf("cpu", 0),
    ]);
    const r = engine.place({ ...share("x", 500, 1000), allowedModels: ["H100-SXM5-80GB"] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.unschedulable.message).toBe(
      "0/4 nodes are available: 2 not an allowed GPU model, 1 insufficient CPU, 1 no GPUs.",
    );
    expect(r.unschedulable.reasons).toEqual({
      "not an allowed GPU model": 2,
      "insufficient CPU": 1,
      "no GPUs": 1,
    });
  });

  it("honours node selectors", () => {
    const engine = engineOf([
      nodeOf("a", 1, { labels: { zone: "a" } }),
      nodeOf("b", 1, { labels: { zone: "b" } }),
    ]);
    const p = placeAndCommit(engine, { ...share("x", 100), nodeSelector: { zone: "b" } });
    expect(p.node).toBe("b");
  });

  it("gives whole GPUs on one node and requires NVLink when asked", () => {
    const linked = nodeOf("linked", 4, { mode: "whole", nvlink: true });
    const loose = nodeOf("loose", 8, { mode: "whole" });
    const engine = engineOf([linked, loose]);
    const p = placeAndCommit(engine, {
      id: "vm",
      cpuMilli: 0,
      memoryMiB: 0,
      gpu: { kind: "whole", count: 4, nvlink: "required" },
    });
    expect(p.node).toBe("linked");
    expect(p.gpus).toHaveLength(4);
    const again = engine.place({
      id: "vm2",
      cpuMilli: 0,
      memoryMiB: 0,
      gpu: { kind: "whole", count: 2, nvlink: "required" },
    });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.unschedulable.message).toContain("no NVLink-connected set of free GPUs");
  });

  it("prefers NVLink-connected GPUs when asked to", () => {
    const engine = engineOf([
      nodeOf("loose", 4, { mode: "whole" }),
      nodeOf("linked", 4, { mode: "whole", nvlink: true }),
    ]);
    for (let i = 0; i < 5; i++) {
      const r = engine.place({
        id: `p${i}`,
        cpuMilli: 0,
        memoryMiB: 0,
        gpu: { kind: "whole", count: 2, nvlink: "preferred" },
      });
      expect(r.ok && r.placement.node).toBe("linked");
    }
  });

  it("disables MIG on an idle GPU for whole-GPU jobs and restores it on release", () => {
    const engine = engineOf([nodeOf("m", 1, { mode: "mig" })]);
    const p = placeAndCommit(engine, {
      id: "vm",
      cpuMilli: 0,
      memoryMiB: 0,
      gpu: { kind: "whole", count: 1 },
    });
    expect(p.gpus[0]).toMatchObject({ kind: "whole", switchFrom: "mig" });
    expect(engine.node("m")!.gpus[0]!.mode).toBe("whole");
    engine.release("vm");
    expect(engine.node("m")!.gpus[0]!.mode).toBe("mig");
  });

  it("creates MIG instances at valid placements, reuses free ones and repartitions idle GPUs", () => {
    const spec = nodeOf("m", 1, { mode: "mig" });
    spec.gpus[0]!.migInstances = [{ profile: "1g.10gb", start: 6 }];
    const engine = engineOf([spec]);
    const reuse = placeAndCommit(engine, {
      id: "r",
      cpuMilli: 0,
      memoryMiB: 0,
      gpu: { kind: "mig", profile: "1g.10gb" },
    });
    expect(reuse.gpus[0]).toMatchObject({ action: "reuse", start: 6 });
    const create = placeAndCommit(engine, {
      id: "c",
      cpuMilli: 0,
      memoryMiB: 0,
      gpu: { kind: "slice", memoryMiB: 30000, computeSevenths: 3 },
    });
    expect(create.gpus[0]).toMatchObject({ action: "create", profile: "3g.40gb", start: 0 });
    // 7g needs the whole GPU: not while instances are in use.
    const full = engine.place({
      id: "f",
      cpuMilli: 0,
      memoryMiB: 0,
      gpu: { kind: "mig", profile: "7g.80gb" },
    });
    expect(full.ok).toBe(false);
    engine.release("c");
    engine.release("r");
    const repartition = placeAndCommit(engine, {
      id: "f",
      cpuMilli: 0,
      memoryMiB: 0,
      gpu: { kind: "mig", profile: "7g.80gb" },
    });
    expect(repartition.gpus[0]).toMatchObject({
      action: "repartition",
      layout: [{ profile: "7g.80gb", start: 0 }],
    });
    engine.release("f");
    expect(engine.node("m")!.gpus[0]!.mig.map((i) => `${i.profile.name}@${i.start}`)).toEqual(["1g.10gb@6"]);
  });

  it("places a gang whole or not at all, on distinct nodes", () => {
    const engine = engineOf([
      nodeOf("a", 8, { mode: "whole" }),
      nodeOf("b", 8, { mode: "whole" }),
      nodeOf("c", 4),
    ]);
    const ok = engine.placeGang(gangOfWholeGpus("g", 2, 8, { cpuMilli: 1000, memoryMiB: 1024 }));
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(new Set(ok.placements.map((p) => p.node))).toEqual(new Set(["a", "b"]));
    const tooBig = engine.placeGang(gangOfWholeGpus("h", 3, 8, { cpuMilli: 1000, memoryMiB: 1024 }));
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok)
      expect(tooBig.unschedulable.message).toMatch(
        /2 already used by the same gang, 1 insufficient free GPUs/,
      );
    // Nothing stuck after the failed attempt.
    expect([...engine.allocationIds()]).toEqual([]);
    if (ok.ok) engine.commitGang(ok.placements);
    expect([...engine.allocationIds()]).toHaveLength(2);
  });

  it("answers what-if questions about releasing victims without changing anything", () => {
    const engine = engineOf([nodeOf("a", 1)]);
    placeAndCommit(engine, share("low", 800));
    expect(engine.place(share("high", 500)).ok).toBe(false);
    const fits = engine.whatIfReleased(["low"], () => engine.place(share("high", 500)).ok);
    expect(fits).toBe(true);
    expect(engine.allocation("low")).toBeDefined();
    expect(engine.node("a")!.gpus[0]!.freeMilli).toBe(200);
  });

  it("refuses a stale decision at commit time", () => {
    const engine = engineOf([nodeOf("a", 1)]);
    const p1 = engine.place(share("x", 800));
    const p2 = engine.place(share("y", 800));
    if (!p1.ok || !p2.ok) throw new Error("expected fits");
    engine.commit(p1.placement);
    expect(() => engine.commit(p2.placement)).toThrow(/has 200 milli free, needs 800/);
  });

  it("uses Tessera's policy by default", () => {
    const engine = new PlacementEngine({ nodes: [nodeOf("a", 1)] });
    expect(engine.policy.name).toBe("tessera");
    expect(engine.place(share("x", 100)).ok).toBe(true);
  });

  it("rejects malformed requests with the field to fix", () => {
    const engine = engineOf([nodeOf("a", 1)]);
    expect(() => engine.place(share("bad", 1500))).toThrow(/share milli must be an integer in 1..1000/);
    expect(() => engine.place({ id: "neg", cpuMilli: -1, memoryMiB: 0, gpu: { kind: "none" } })).toThrow(
      /cpuMilli/,
    );
  });
});
