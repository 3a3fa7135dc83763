import { describe, expect, it } from "vitest";
import type { NodeSpec } from "../ClusterSpec.ts";
import type { Placement } from "../Placement.ts";
import { PlacementEngine } from "../PlacementEngine.ts";
import { gangOfWholeGpus } from "../PlacementRequest.ts";
import { createPolicy, type PolicyName, policyNames } from "../PolicyRegistry.ts";
import { nodeOf } from "../test/fixtures.ts";

const L4 = "L4-24GB";
const H100 = "H100-SXM5-80GB";
const perNode = { cpuMilli: 1000, memoryMiB: 1024 };

function engineOf(nodes: NodeSpec[], policy: PolicyName = "tessera", seed = 1): PlacementEngine {
  return new PlacementEngine({ nodes }, { policy: createPolicy(policy), seed });
}

const l4 = (name: string) => nodeOf(name, 1, { model: L4, mode: "whole", memoryMiB: 23034 });
const h100 = (name: string) => nodeOf(name, 1, { model: H100, mode: "whole" });

function modelsOf(engine: PlacementEngine, placements: readonly Placement[]): string[] {
  return placements.flatMap((p) =>
    p.gpus.map((a) => engine.node(p.node)!.gpus.find((g) => g.index === a.gpuIndex)!.model),
  );
}

describe("gang model filter", () => {
  it("puts a gang without a model on GPUs of one model, whichever the policy prefers (every policy)", () => {
    for (const policy of policyNames) {
      for (let seed = 1; seed <= 5; seed++) {
        const engine = engineOf([l4("l4-a"), h100("h-a"), l4("l4-b"), h100("h-b")], policy, seed);
        const result = engine.placeGang(gangOfWholeGpus("g", 2, 1, perNode));
        expect(result.ok).toBe(true);
        if (result.ok) expect(new Set(modelsOf(engine, result.placements)).size).toBe(1);
      }
    }
  });

  it("moves to another model when the preferred one has too few nodes", () => {
    for (const policy of policyNames) {
      const engine = engineOf([l4("l4-a"), h100("h-a"), h100("h-b")], policy);
      const result = engine.placeGang(gangOfWholeGpus("g", 2, 1, perNode));
      expect(result.ok && modelsOf(engine, result.placements)).toEqual([H100, H100]);
    }
  });

  it("waits, saying so, when no model has enough nodes; a list of models still means one of them", () => {
    const engine = engineOf([l4("l4-a"), h100("h-a")]);
    const result = engine.placeGang(gangOfWholeGpus("g", 2, 1, perNode));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.memberId).toBe("g/1");
      expect(result.unschedulable.message).toMatch(
        /^0\/2 nodes are available: 1 already used by the same gang, 1 not the GPU model of its gang \((L4-24GB|H100-SXM5-80GB)\)\.$/,
      );
    }
    const listed = engine.placeGang(gangOfWholeGpus("h", 2, 1, { ...perNode, allowedModels: [L4, H100] }));
    expect(listed.ok).toBe(false);
  });

  it("mixes models when the gang allows it", () => {
    const engine = engineOf([l4("l4-a"), h100("h-a")]);
    const result = engine.placeGang(gangOfWholeGpus("g", 2, 1, perNode, "none", true));
    expect(result.ok && modelsOf(engine, result.placements).sort()).toEqual([H100, L4]);
  });

  it("keeps to the models the gang allows when it falls back", () => {
    const engine = engineOf([l4("l4-a"), l4("l4-b"), h100("h-a")]);
    const h100Only = engine.placeGang(gangOfWholeGpus("g", 2, 1, { ...perNode, allowedModels: [H100] }));
    expect(h100Only.ok).toBe(false);
    const either = engine.placeGang(gangOfWholeGpus("h", 2, 1, { ...perNode, allowedModels: [H100, L4] }));
    expect(either.ok && modelsOf(engine, either.placements)).toEqual([L4, L4]);
  });
});
