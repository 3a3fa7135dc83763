import { describe, expect, it } from "vitest";
import { PlacementEngine } from "../PlacementEngine.ts";
import type { PlacementRequest } from "../PlacementRequest.ts";
import { createPolicy } from "../PolicyRegistry.ts";
import { nodeOf } from "../test/fixtures.ts";

const share = (id: string, milli: number, cpuMilli = 1000): PlacementRequest => ({
  id,
  cpuMilli,
  memoryMiB: 0,
  gpu: { kind: "share", milli, memoryMiB: 0 },
});

describe("best-fit policy (the FGD paper's BestFit)", () => {
  it("divides leftovers by the fixed maxima 128,000 mCPU and 8,000 mGPU and truncates the score", () => {
    const engine = new PlacementEngine(
      { nodes: [nodeOf("small", 1, { cpuMilli: 16000 }), nodeOf("big", 8, { cpuMilli: 128000 })] },
      { policy: createPolicy("best-fit"), seed: 1 },
    );
    const whole = engine.place({ id: "w", cpuMilli: 0, memoryMiB: 0, gpu: { kind: "whole", count: 7 } });
    if (!whole.ok) throw new Error(whole.unschedulable.message);
    engine.commit(whole.placement);
    // small: 0.5 x 15,000/128,000 + 0.5 x 500/8,000 = 0.0898 -> 91; big: 0.5 x 127,000/128,000 + 0.5 x
    // 500/8,000 = 0.527 -> 47. By each node's own capacity big would win (0.527 < 0.719).
    const r = engine.place(share("s", 500));
    expect(r.ok && r.placement.node).toBe("small");
    expect(r.ok && r.placement.score).toBe(91);
  });

  it("ties leftovers less than a point apart, so the tie-break decides", () => {
    const nodes = [nodeOf("a", 1, { cpuMilli: 64000 }), nodeOf("b", 1, { cpuMilli: 64500 })];
    const chosen = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const engine = new PlacementEngine(
        { nodes },
        { policy: createPolicy("best-fit"), seed, tieBreak: "nodeOrder" },
      );
      const r = engine.place(share("s", 500));
      if (!r.ok) throw new Error(r.unschedulable.message);
      // 0.5 x 63,000/128,000 + 0.5 x 500/8,000 = 0.277 -> 72; b's 500 mCPU more moves it by 0.002.
      expect(r.placement.score).toBe(72);
      chosen.add(r.placement.node);
    }
    expect(chosen).toEqual(new Set(["a", "b"]));
  });
});
