import { bestFitPolicy } from "./policies/BestFitPolicy.ts";
import { dotProductPolicy } from "./policies/DotProductPolicy.ts";
import { fgdPolicy } from "./policies/FgdPolicy.ts";
import { gpuClusteringPolicy } from "./policies/GpuClusteringPolicy.ts";
import { gpuPackingPolicy } from "./policies/GpuPackingPolicy.ts";
import { randomPolicy } from "./policies/RandomPolicy.ts";
import { tesseraPolicy } from "./policies/TesseraPolicy.ts";
import type { ScorePlugin } from "./ScorePlugin.ts";
import { TargetWorkload } from "./TargetWorkload.ts";

export const policyNames = [
  "random",
  "best-fit",
  "dot-product",
  "gpu-packing",
  "gpu-clustering",
  "fgd",
  "tessera",
] as const;
export type PolicyName = (typeof policyNames)[number];

export function isPolicyName(name: string): name is PolicyName {
  return (policyNames as readonly string[]).includes(name);
}

/**
 * Builds a policy by name. `workload` is the expected task mix that FGD and Tessera score against; without it
 * they start from an empty mix (then only CPU and GPU capacity matter) until `PlacementEngine.observe` is fed.
 */
export function createPolicy(
  name: PolicyName,
  workload: TargetWorkload = new TargetWorkload([]),
): ScorePlugin {
  switch (name) {
    case "random":
      return randomPolicy();
    case "best-fit":
      return bestFitPolicy();
    case "dot-product":
      return dotProductPolicy();
    case "gpu-packing":
      return gpuPackingPolicy();
    case "gpu-clustering":
      return gpuClusteringPolicy();
    case "fgd":
      return fgdPolicy((workload ?? new TargetWorkload([])).typical(0.95));
    case "tessera":
      return tesseraPolicy(workload);
  }
}
