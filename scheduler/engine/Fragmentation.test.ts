import { describe, expect, it } from "vitest";
import { expectedFragmentationAfter, fragmentationStats } from "./Fragmentation.ts";
import { TargetWorkload } from "./TargetWorkload.ts";

describe("fragmentation measure", () => {
  // One task type: a whole GPU with 8 CPUs. The node: 4 idle GPUs beside 24 CPUs, room for 3 such pods.
  const workload = new TargetWorkload([
    { cpuMilli: 8000, gpuCount: 1, milliPerGpu: 1000, allowedModels: null, weight: 1 },
  ]);
  const node = { free: [1000, 1000, 1000, 1000], models: ["G2", "G2", "G2", "G2"], cpuFree: 24000 };
  const takeOne = [{ pos: 0, milli: 1000 }];

  it("counts no idle GPU as fragmented when the node has CPU for one pod (FGD's measure)", () => {
    const stats = fragmentationStats(node, workload);
    expect(stats.expected).toBe(0);
    expect(expectedFragmentationAfter(stats, workload, takeOne, 8000)).toBe(0);
  });

  it("counts idle GPU beyond what the free CPU can go with as stranded when CPU covers it", () => {
    // 3 pods' CPU x 1400 covers all 4,000 idle; after one more pod, 2 x 1400 = 2800 of the 3000 left.
    const stats = fragmentationStats(node, workload, 1400);
    expect(stats.expected).toBe(0);
    expect(expectedFragmentationAfter(stats, workload, takeOne, 8000, 1400)).toBe(200);
    expect(expectedFragmentationAfter(stats, workload, takeOne, 16000, 1400)).toBe(3000 - 1400);
  });
});
