import { describe, expect, it } from "vitest";
import type { NodeSpec } from "./ClusterSpec.ts";
import { PlacementEngine } from "./PlacementEngine.ts";
import type { PlacementRequest } from "./PlacementRequest.ts";
import { createPolicy } from "./PolicyRegistry.ts";
import { nodeOf } from "./test/fixtures.ts";

function engineOf(nodes: NodeSpec[], fixedMig = false): PlacementEngine {
  return new PlacementEngine(
    { nodes },
    { policy: createPolicy("best-fit"), seed: 7, fixedMigLayouts: fixedMig },
  );
}

function share(id: string, milli: number, memoryMiB: number): PlacementRequest {
  return { id, cpuMilli: 1000, memoryMiB: 1024, gpu: { kind: "share", milli, memoryMiB } };
}

function commit(engine: PlacementEngine, r: PlacementRequest) {
  const result = engine.place(r);
  if (!result.ok) throw new Error(result.unschedulable.message);
  engine.commit(result.placement);
  return result.placement;
}

describe("shares on GPUs that are not in shared mode yet", () => {
  it("makes an idle whole GPU (an H100 fleet) shared, fills it before taking another, and restores it when empty", () => {
    const engine = engineOf([nodeOf("h100", 2, { mode: "whole" })]);
    const a = commit(engine, share("a", 250, 8192));
    expect(a.gpus[0]).toMatchObject({ kind: "share", milli: 250, switchFrom: "whole" });
    const b = commit(engine, share("b", 250, 8192));
    expect(b.gpus[0]).toMatchObject({ kind: "share", gpuIndex: a.gpus[0]!.gpuIndex });
    expect(b.gpus[0]).not.toHaveProperty("switchFrom");
    const gpu = engine.node("h100")!.gpus[a.gpus[0]!.gpuIndex]!;
    expect(gpu.mode).toBe("shared");
    engine.release("b");
    engine.release("a");
    expect(gpu.mode).toBe("whole");
    expect(gpu.freeMilli).toBe(1000);
  });

  it("takes an idle MIG GPU only when no whole one is idle, and never one of a fixed MIG layout", () => {
    const node: NodeSpec = {
      ...nodeOf("a100", 2, { model: "A100-80GB", mode: "mig" }),
    };
    node.gpus = node.gpus.map((g, i) => (i === 1 ? { ...g, mode: "whole" } : { ...g, migInstances: [] }));
    const engine = engineOf([node]);
    expect(commit(engine, share("a", 1000, 1024)).gpus[0]).toMatchObject({
      gpuIndex: 1,
      switchFrom: "whole",
    });
    expect(commit(engine, share("b", 500, 1024)).gpus[0]).toMatchObject({ gpuIndex: 0, switchFrom: "mig" });

    const fixed = engineOf([nodeOf("mig", 1, { model: "A100-80GB", mode: "mig" })], true);
    const r = fixed.place(share("c", 250, 1024));
    expect(r.ok).toBe(false);
  });

  it("never puts more memory on a GPU than it has, and says so", () => {
    const engine = engineOf([nodeOf("h100", 1, { mode: "whole" })]);
    const r = engine.place(share("big", 250, 100_000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.unschedulable.message).toContain("no idle or shared GPU with enough memory");
    commit(engine, share("a", 250, 60_000));
    const second = engine.place(share("b", 250, 30_000));
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.unschedulable.message).toContain("insufficient GPU memory");
  });
});

describe("what-if release of shares that made a GPU shared", () => {
  it("puts them back in any order", () => {
    const engine = engineOf([nodeOf("h100", 1, { mode: "whole" })]);
    commit(engine, share("a", 250, 1024));
    commit(engine, share("b", 250, 1024));
    // Released a then b (b empties the GPU), restored b then a: a's switch is no longer needed.
    expect(engine.whatIfReleased(["a", "b"], () => engine.node("h100")!.gpus[0]!.idle)).toBe(true);
    expect(engine.node("h100")!.gpus[0]).toMatchObject({ mode: "shared", freeMilli: 500 });
  });
});
