import { describe, expect, it } from "vitest";
import { PlacementEngine } from "../PlacementEngine.ts";
import type { PlacementRequest } from "../PlacementRequest.ts";
import { createPolicy } from "../PolicyRegistry.ts";
import { TargetWorkload } from "../TargetWorkload.ts";
import { nodeOf } from "../test/fixtures.ts";
import { modelPressure } from "./TesseraPolicy.ts";

function share(id: string, milli: number, allowedModels?: string[]): PlacementRequest {
  const r: PlacementRequest = {
    id,
    cpuMilli: 1000,
    memoryMiB: 0,
    gpu: { kind: "share", milli, memoryMiB: 0 },
  };
  if (allowedModels) r.allowedModels = allowedModels;
  return r;
}

describe("Tessera policy", () => {
  it("measures how much model-constrained work competes for each model", () => {
    const workload = TargetWorkload.fromRequests([
      share("a", 500, ["T4"]),
      share("b", 500),
      share("c", 500, ["T4", "G2"]),
    ]);
    const pressure = modelPressure(
      workload,
      new Map([
        ["T4", 2],
        ["G2", 2],
      ]),
    );
    // T4: 500 + 250 of 1500 demand on half the GPUs; G2: 250 of 1500.
    expect(pressure.get("T4")).toBeCloseTo(1);
    expect(pressure.get("G2")).toBeCloseTo(1 / 3);
  });

  it("keeps contested models for the work that can only run there", () => {
    const workload = TargetWorkload.fromRequests([share("a", 1000, ["T4"]), share("b", 1000)]);
    const engine = new PlacementEngine(
      { nodes: [nodeOf("t4", 1, { model: "T4" }), nodeOf("g2", 1, { model: "G2" })] },
      { policy: createPolicy("tessera", workload), seed: 1 },
    );
    const free = engine.place(share("free", 1000));
    expect(free.ok && free.placement.node).toBe("g2");
  });

  it("prefers the GPU a share completes over opening an idle one", () => {
    const workload = TargetWorkload.fromRequests([share("a", 500), share("b", 500)]);
    const engine = new PlacementEngine(
      { nodes: [nodeOf("n", 2, { model: "G2" })] },
      { policy: createPolicy("tessera", workload) },
    );
    const first = engine.place(share("x", 500));
    if (!first.ok) throw new Error(first.unschedulable.message);
    engine.commit(first.placement);
    const second = engine.place(share("y", 500));
    expect(second.ok && second.placement.gpus[0]!.gpuIndex).toBe(first.placement.gpus[0]!.gpuIndex);
  });

  it("learns the workload from observed arrivals when given none", () => {
    const engine = new PlacementEngine(
      { nodes: [nodeOf("n", 2, { model: "G2" })] },
      { policy: createPolicy("tessera") },
    );
    for (let i = 0; i < 4; i++) engine.observe(share(`o${i}`, 500));
    const r = engine.place(share("x", 500));
    expect(r.ok).toBe(true);
  });

  it("keeps FGD's typical workload to the types covering 95%", () => {
    const requests = [...Array(96).keys()]
      .map((i) => share(`a${i}`, 500))
      .concat([...Array(4).keys()].map((i) => share(`b${i}`, 300 + i)));
    const all = TargetWorkload.fromRequests(requests);
    expect(all.types).toHaveLength(5);
    const typical = all.typical(0.95);
    expect(typical.types).toHaveLength(1);
    expect(typical.types[0]!.weight).toBe(1);
  });

  it("breaks equal scores by node order by default, filling one node before opening the next", () => {
    const nodes = ["a", "b", "c", "d"].map((n) => nodeOf(n, 2, { model: "G2", cpuMilli: 64000 }));
    const usedNodes = (engine: PlacementEngine): number => {
      const used = new Set<string>();
      for (let i = 0; i < 8; i++) {
        const r = engine.place(share(`s${i}`, 100));
        if (!r.ok) throw new Error(r.unschedulable.message);
        engine.commit(r.placement);
        used.add(r.placement.node);
      }
      return used.size;
    };
    // No workload yet: every option scores the same, so only the tie-break decides.
    expect(usedNodes(new PlacementEngine({ nodes }, { policy: createPolicy("tessera"), seed: 3 }))).toBe(1);
    const spread = new PlacementEngine(
      { nodes },
      { policy: createPolicy("tessera"), seed: 3, tieBreak: "random" },
    );
    expect(usedNodes(spread)).toBeGreaterThan(1);
  });

  it("puts CPU-only work beside the least idle GPU when FGD's scores tie", () => {
    // The typical GPU task needs little CPU, so no CPU-only placement below changes FGD's score.
    const workload = TargetWorkload.fromRequests([share("a", 500)]);
    for (let seed = 1; seed <= 8; seed++) {
      const engine = new PlacementEngine(
        {
          nodes: [
            nodeOf("two", 2, { model: "G2", cpuMilli: 64000 }),
            nodeOf("one", 1, { model: "G2", cpuMilli: 64000 }),
            nodeOf("cpu", 0, { cpuMilli: 64000 }),
          ],
        },
        { policy: createPolicy("tessera", workload), seed },
      );
      const r = engine.place({ id: `c${seed}`, cpuMilli: 1000, memoryMiB: 0, gpu: { kind: "none" } });
      expect(r.ok && r.placement.node).toBe("cpu");
    }
  });

  it("keeps CPU beside idle GPUs: a pod goes where the CPU left still covers the GPUs left", () => {
    // The typical task is a whole GPU with 8 CPUs. On "lean" (6 CPUs per GPU) one more pod leaves 3 GPUs with CPU
    // for 2 of them, which FGD's measure does not see (a pod still fits); on "rich" the CPU covers every GPU.
    const gpuPod = (id: string): PlacementRequest => ({
      id,
      cpuMilli: 8000,
      memoryMiB: 0,
      gpu: { kind: "whole", count: 1 },
    });
    const workload = TargetWorkload.fromRequests([gpuPod("a")]);
    const nodes = [
      nodeOf("lean", 4, { model: "G2", cpuMilli: 24000 }),
      nodeOf("rich", 4, { model: "G2", cpuMilli: 64000 }),
    ];
    const picked = (policy: "fgd" | "tessera", seed: number): string => {
      const engine = new PlacementEngine({ nodes }, { policy: createPolicy(policy, workload), seed });
      const r = engine.place(gpuPod(`x${seed}`));
      if (!r.ok) throw new Error(r.unschedulable.message);
      return r.placement.node;
    };
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(seeds.map((s) => picked("tessera", s))).toEqual(seeds.map(() => "rich"));
    // FGD's scores tie, so its choice follows the seeded node order and lands on "lean" for some seed.
    expect(seeds.map((s) => picked("fgd", s))).toContain("lean");
  });
});
