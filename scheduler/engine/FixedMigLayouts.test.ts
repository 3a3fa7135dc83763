import { describe, expect, it } from "vitest";
import type { NodeSpec } from "./ClusterSpec.ts";
import { PlacementEngine } from "./PlacementEngine.ts";
import type { PlacementRequest } from "./PlacementRequest.ts";
import { createPolicy } from "./PolicyRegistry.ts";

/** One H100 carved as mig-parted's all-balanced: 2g.20gb at 0, 1g.10gb at 2 and 3, 3g.40gb at 4. */
const balanced: NodeSpec = {
  name: "n",
  cpuMilli: 64000,
  memoryMiB: 262144,
  gpus: [
    {
      uuid: "GPU-0",
      index: 0,
      model: "H100-SXM5-80GB",
      memoryMiB: 81559,
      mode: "mig",
      migInstances: [
        { profile: "2g.20gb", start: 0 },
        { profile: "1g.10gb", start: 2 },
        { profile: "1g.10gb", start: 3 },
        { profile: "3g.40gb", start: 4 },
      ],
    },
  ],
};

const slice = (id: string, computeSevenths: number): PlacementRequest => ({
  id,
  cpuMilli: 1000,
  memoryMiB: 0,
  gpu: { kind: "slice", memoryMiB: 0, computeSevenths },
});

function placeAll(engine: PlacementEngine, requests: PlacementRequest[]): (string | null)[] {
  return requests.map((r) => {
    const res = engine.place(r);
    if (!res.ok) return null;
    engine.commit(res.placement);
    const g = res.placement.gpus[0]!;
    return g.kind === "mig" ? `${g.action} ${g.profile}@${g.start}` : g.kind;
  });
}

describe("fixed MIG layouts (a static mig-parted configuration)", () => {
  it("only reuses free instances, a slice taking the smallest that fits", () => {
    const engine = new PlacementEngine(
      { nodes: [balanced] },
      { policy: createPolicy("best-fit"), fixedMigLayouts: true },
    );
    expect(
      placeAll(engine, [slice("a", 1), slice("b", 1), slice("c", 1), slice("d", 1), slice("e", 1)]),
    ).toEqual(["reuse 1g.10gb@2", "reuse 1g.10gb@3", "reuse 2g.20gb@0", "reuse 3g.40gb@4", null]);
  });

  it("never takes a MIG GPU whole or re-carves it, unlike the dynamic default", () => {
    const whole: PlacementRequest = {
      id: "w",
      cpuMilli: 1000,
      memoryMiB: 0,
      gpu: { kind: "whole", count: 1 },
    };
    const fixed = new PlacementEngine(
      { nodes: [balanced] },
      { policy: createPolicy("fgd"), fixedMigLayouts: true },
    );
    expect(fixed.place(whole).ok).toBe(false);
    expect(fixed.place(slice("big", 4)).ok).toBe(false);
    const dynamic = new PlacementEngine({ nodes: [balanced] }, { policy: createPolicy("fgd") });
    expect(dynamic.place(whole).ok).toBe(true);
    const big = dynamic.place(slice("big", 4));
    expect(big.ok && big.placement.gpus[0]).toMatchObject({
      kind: "mig",
      action: "repartition",
      profile: "4g.40gb",
    });
  });
});
