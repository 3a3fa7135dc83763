import { describe, expect, it } from "vitest";
import { PlacementEngine } from "./PlacementEngine.ts";
import type { PlacementRequest } from "./PlacementRequest.ts";
import { createPolicy } from "./PolicyRegistry.ts";
import { nodeOf } from "./test/fixtures.ts";

const whole = (id: string): PlacementRequest => ({
  id,
  cpuMilli: 0,
  memoryMiB: 0,
  gpu: { kind: "whole", count: 1 },
});
const share = (id: string): PlacementRequest => ({
  id,
  cpuMilli: 0,
  memoryMiB: 0,
  gpu: { kind: "share", milli: 250, memoryMiB: 0 },
});
const mig = (id: string): PlacementRequest => ({
  id,
  cpuMilli: 0,
  memoryMiB: 0,
  gpu: { kind: "mig", profile: "1g.10gb" },
});

describe("GPU health in the engine", () => {
  it("places nothing new on an unhealthy GPU, of any request kind, and uses it again once healthy", () => {
    for (const [mode, request] of [
      ["whole", whole],
      ["shared", share],
      ["mig", mig],
    ] as const) {
      const engine = new PlacementEngine(
        { nodes: [nodeOf("n1", 1, { mode })] },
        { policy: createPolicy("tessera") },
      );
      expect(engine.setGpuHealth("n1", "GPU-n1-0", "xid 79: fallen off the bus")).toBe(true);
      const refused = engine.place(request("a"));
      // The reason says the GPU is there but unhealthy, not that the node lacks GPUs or MIG.
      expect(!refused.ok && refused.unschedulable.message).toBe(
        "0/1 nodes are available: 1 insufficient healthy GPUs (unhealthy GPUs take no new work).",
      );
      expect(engine.setGpuHealth("n1", "GPU-n1-0", undefined)).toBe(true);
      const again = engine.place(request("a"));
      expect(again.ok && again.placement.gpus[0]?.gpuUuid).toBe("GPU-n1-0");
    }
  });

  it("keeps what an unhealthy GPU holds, releases it exactly, and picks a healthy GPU instead", () => {
    const engine = new PlacementEngine(
      { nodes: [nodeOf("n1", 2, { mode: "shared" })] },
      { policy: createPolicy("tessera") },
    );
    const first = engine.place(share("a"));
    if (!first.ok) throw new Error(first.unschedulable.message);
    engine.commit(first.placement);
    const sick = first.placement.gpus[0]!.gpuUuid;
    engine.setGpuHealth("n1", sick, "xid 48: double-bit ECC error");
    const next = engine.place(share("b"));
    expect(next.ok && next.placement.gpus[0]?.gpuUuid).not.toBe(sick);
    expect(engine.allocation("a")).toBeDefined();
    engine.release("a");
    expect(engine.node("n1")?.gpus.find((g) => g.uuid === sick)?.freeMilli).toBe(1000);
  });
});
