import { describe, expect, it } from "vitest";
import { SeededRandom } from "../engine/SeededRandom.ts";
import { allocationCeiling, dualFeasibleFunctions } from "./AllocationCeiling.ts";
import { podsArrivedBy } from "./FgdReplay.ts";
import type { TraceNode, TracePod } from "./TraceReader.ts";

const node = (name: string, gpus: number, cpuMilli = 64000, model = "G2"): TraceNode => ({
  name,
  cpuMilli,
  memoryMiB: 262144,
  gpus,
  model,
  line: 0,
});

const pod = (
  gpuMilli: number,
  opts: { numGpu?: number; cpuMilli?: number; gpuSpec?: string[] } = {},
): TracePod => ({
  name: "p",
  cpuMilli: opts.cpuMilli ?? 1000,
  memoryMiB: 1024,
  numGpu: opts.numGpu ?? (gpuMilli > 0 ? 1 : 0),
  gpuMilli,
  gpuSpec: opts.gpuSpec ?? null,
  creationTime: null,
  deletionTime: null,
  scheduledTime: null,
  qos: null,
  line: 0,
});

describe("allocation ceiling (offline LP bound)", () => {
  it("keeps an 810-thousandths share alone on its GPU but for what fits in the 190 left", async () => {
    // Best packing by hand: one 810 and one 110 on the GPU (920); a second 810 cannot join.
    const r = await allocationCeiling([node("n", 1)], [pod(810), pod(810), pod(110)], false);
    expect(r.upperBoundPercent).toBeCloseTo(92, 6);
  });

  it("is the whole fleet when everything fits", async () => {
    const r = await allocationCeiling(
      [node("a", 2), node("b", 2)],
      [pod(500), pod(500), pod(1000, { numGpu: 2 })],
      false,
    );
    expect(r.upperBoundPercent).toBeCloseTo(75, 6);
    expect(r.nodeTypes).toBe(1);
    expect(r.podTypes).toBe(2);
  });

  it("relaxes CPU to the node type's total: 4,000 mCPU hold 4/3 pods of 3,000", async () => {
    const r = await allocationCeiling(
      [node("n", 1, 4000)],
      [pod(500, { cpuMilli: 3000 }), pod(500, { cpuMilli: 3000 })],
      false,
    );
    expect(r.upperBoundPercent).toBeCloseTo(((4 / 3) * 500 * 100) / 1000, 6);
  });

  it("places model-constrained pods only on their models and multi-GPU pods only on nodes that big", async () => {
    const nodes = [node("g2", 1), node("t4", 4, 64000, "T4")];
    const r = await allocationCeiling(
      nodes,
      [pod(1000, { gpuSpec: ["G2"] }), pod(1000, { numGpu: 2, gpuSpec: ["G2"] })],
      false,
    );
    // The 2-GPU pod wants a G2 node with 2 GPUs: there is none.
    expect(r.upperBoundPercent).toBeCloseTo(20, 6);
  });

  it("counts MIG shares by the profile they round up to", async () => {
    // 430 thousandths -> 4 sevenths -> 4g.40gb (4 of 8 memory slices, 4 of 7 compute): one per GPU by compute.
    const r = await allocationCeiling([node("n", 1)], [pod(430), pod(430)], true);
    expect(r.upperBoundPercent).toBeCloseTo(43, 6);
  });

  it("uses only dual-feasible functions: no GPU's packing exceeds 1000 under any of them", () => {
    const sizes = [50, 110, 140, 160, 220, 230, 270, 320, 330, 370, 460, 470, 480, 500, 550, 590, 650, 810];
    const fs = dualFeasibleFunctions(sizes);
    const rng = new SeededRandom(5);
    for (let trial = 0; trial < 1000; trial++) {
      const packed: number[] = [];
      let left = 1000;
      for (let tries = 0; tries < 12; tries++) {
        const s = sizes[rng.below(sizes.length)]!;
        if (s <= left) {
          packed.push(s);
          left -= s;
        }
      }
      for (const f of fs) expect(packed.reduce((a, s) => a + f(s), 0)).toBeLessThanOrEqual(1000 + 1e-9);
    }
  });

  it("takes the arrivals whose arrived percent rounds to at most 100", () => {
    // Capacity 1000: 400 (40%), 600 (100%), 5 (100.5%, rounds to 100), 1 (100.6%).
    const list = [pod(400), pod(600), pod(5), pod(1)];
    expect(podsArrivedBy(list, 1000, 100)).toHaveLength(3);
  });
});
