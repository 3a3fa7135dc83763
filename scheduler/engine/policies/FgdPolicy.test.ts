import { describe, expect, it } from "vitest";
import { PlacementEngine } from "../PlacementEngine.ts";
import type { PlacementRequest } from "../PlacementRequest.ts";
import { createPolicy, type PolicyName } from "../PolicyRegistry.ts";
import { TargetWorkload } from "../TargetWorkload.ts";
import { nodeOf } from "../test/fixtures.ts";

const share = (id: string, milli: number): PlacementRequest => ({
  id,
  cpuMilli: 1000,
  memoryMiB: 0,
  gpu: { kind: "share", milli, memoryMiB: 0 },
});

/** One 4-GPU node with a 500-thousandths share already on GPU `busy`. */
function engineWithShareOn(busy: number, policy: PolicyName): PlacementEngine {
  // Only 100-thousandths shares are typical: none of the placements below fragments anything, so every GPU
  // of the node scores the same.
  const workload = TargetWorkload.fromRequests([share("t", 100)]);
  const engine = new PlacementEngine({ nodes: [nodeOf("n", 4)] }, { policy: createPolicy(policy, workload) });
  engine.commit({
    requestId: "busy",
    node: "n",
    cpuMilli: 0,
    memoryMiB: 0,
    gpus: [{ kind: "share", gpuIndex: busy, gpuUuid: `GPU-n-${busy}`, milli: 500, memoryMiB: 0 }],
    score: 0,
  });
  return engine;
}

describe("fgd policy inside the chosen node", () => {
  it("gives a share the first GPU by index among the top scores, as the authors' simulator", () => {
    const r = engineWithShareOn(1, "fgd").place(share("s", 100));
    expect(r.ok && r.placement.gpus.map((g) => g.gpuIndex)).toEqual([0]);
  });

  it("still takes a fuller GPU when it scores better", () => {
    // Typical 600-thousandths shares: the half-used GPU's 500 are already stranded and 500 more use them up,
    // while 500 on an idle GPU would strand its other half.
    const workload = TargetWorkload.fromRequests([share("t", 600)]);
    const engine = new PlacementEngine(
      { nodes: [nodeOf("n", 4)] },
      { policy: createPolicy("fgd", workload) },
    );
    engine.commit({
      requestId: "busy",
      node: "n",
      cpuMilli: 0,
      memoryMiB: 0,
      gpus: [{ kind: "share", gpuIndex: 2, gpuUuid: "GPU-n-2", milli: 500, memoryMiB: 0 }],
      score: 0,
    });
    const r = engine.place(share("s", 500));
    expect(r.ok && r.placement.gpus.map((g) => g.gpuIndex)).toEqual([2]);
  });

  it("gives whole-GPU requests the lowest-index idle GPUs", () => {
    const r = engineWithShareOn(0, "fgd").place({
      id: "w",
      cpuMilli: 1000,
      memoryMiB: 0,
      gpu: { kind: "whole", count: 2 },
    });
    expect(r.ok && r.placement.gpus.map((g) => g.gpuIndex)).toEqual([1, 2]);
    const gap = engineWithShareOn(1, "fgd").place({
      id: "w",
      cpuMilli: 1000,
      memoryMiB: 0,
      gpu: { kind: "whole", count: 2 },
    });
    expect(gap.ok && gap.placement.gpus.map((g) => g.gpuIndex)).toEqual([0, 2]);
  });

  it("leaves Tessera's policy packing a share onto the fullest of equally scored GPUs", () => {
    const r = engineWithShareOn(1, "tessera").place(share("s", 100));
    expect(r.ok && r.placement.gpus.map((g) => g.gpuIndex)).toEqual([1]);
  });
});
