import { describe, expect, it } from "vitest";
import { PlacementEngine, type TieBreak } from "./PlacementEngine.ts";
import type { PlacementRequest } from "./PlacementRequest.ts";
import { gangOfWholeGpus } from "./PlacementRequest.ts";
import { createPolicy } from "./PolicyRegistry.ts";
import type { ScorePlugin } from "./ScorePlugin.ts";
import { TargetWorkload } from "./TargetWorkload.ts";
import { nodeOf } from "./test/fixtures.ts";

/** Every option scores the same: each decision is a tie over all fitting nodes. */
const flat: ScorePlugin = { name: "flat", optionMode: "tightest", score: () => 0 };

function engineOf(tieBreak: TieBreak, seed: number): PlacementEngine {
  const nodes = ["a", "b", "c", "d", "e", "f"].map((n) => nodeOf(n, 4, { cpuMilli: 64000 }));
  return new PlacementEngine({ nodes }, { policy: flat, seed, tieBreak });
}

function share(id: string): PlacementRequest {
  return { id, cpuMilli: 1000, memoryMiB: 1, gpu: { kind: "share", milli: 100, memoryMiB: 0 } };
}

/** Places `count` small shares and returns the node of each. */
function nodesUsed(engine: PlacementEngine, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = engine.place(share(`p${i}`));
    if (!r.ok) throw new Error(r.unschedulable.message);
    engine.commit(r.placement);
    out.push(r.placement.node);
  }
  return out;
}

describe("tie-break", () => {
  it("nodeOrder fills the first node of the seeded order until it is full, then the next", () => {
    const used = nodesUsed(engineOf("nodeOrder", 5), 48);
    // 4 GPUs x 1000 thousandths: 40 shares of 100 fit on one node.
    expect(new Set(used.slice(0, 40)).size).toBe(1);
    expect(used[40]).not.toBe(used[0]);
    expect(new Set(used.slice(40)).size).toBe(1);
  });

  it("nodeOrder is reproducible per seed and differs between seeds", () => {
    const firstBySeed = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => nodesUsed(engineOf("nodeOrder", seed), 1)[0]);
    expect(nodesUsed(engineOf("nodeOrder", 3), 1)[0]).toBe(firstBySeed[2]);
    expect(new Set(firstBySeed).size).toBeGreaterThan(1);
  });

  it("random spreads ties over the nodes", () => {
    expect(new Set(nodesUsed(engineOf("random", 5), 40)).size).toBeGreaterThan(1);
  });

  it("nodeOrder places a gang's members on the first distinct nodes of the order", () => {
    const engine = engineOf("nodeOrder", 9);
    const first = nodesUsed(engine, 1)[0];
    engine.release("p0");
    const gang = engine.placeGang(gangOfWholeGpus("g", 3, 4, { cpuMilli: 1000, memoryMiB: 1 }));
    if (!gang.ok) throw new Error(gang.unschedulable.message);
    const nodes = gang.placements.map((p) => p.node);
    expect(new Set(nodes).size).toBe(3);
    expect(nodes[0]).toBe(first);
  });

  it("lets FGD's integer ties fill one node at a time, keeping whole nodes for an 8-GPU job", () => {
    const oneGpu = (id: string): PlacementRequest => ({
      id,
      cpuMilli: 4000,
      memoryMiB: 1,
      gpu: { kind: "whole", count: 1, nvlink: "none" },
    });
    const workload = TargetWorkload.fromRequests([oneGpu("w")]);
    const run = (tieBreak: TieBreak): number => {
      const nodes = ["a", "b", "c", "d"].map((n) => nodeOf(n, 8, { cpuMilli: 128000 }));
      const engine = new PlacementEngine(
        { nodes },
        { policy: createPolicy("fgd", workload), seed: 1, tieBreak },
      );
      for (let i = 0; i < 12; i++) {
        const r = engine.place(oneGpu(`p${i}`));
        if (!r.ok) throw new Error(r.unschedulable.message);
        engine.commit(r.placement);
      }
      // How many 8-GPU jobs still fit: whole free nodes.
      let whole = 0;
      for (const n of engine.nodes()) if (n.gpuFreeMilli === 8000) whole++;
      return whole;
    };
    // 12 single GPUs: node order fills 1.5 nodes and keeps 2 whole; random ties touch (almost) every node.
    expect(run("nodeOrder")).toBe(2);
    expect(run("random")).toBeLessThan(2);
  });
});
