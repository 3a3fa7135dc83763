import type { CycleState } from "../CycleState.ts";
import type { FilterPlugin } from "../FilterPlugin.ts";
import type { NodeState } from "../NodeState.ts";

/** A GPU request needs a node with GPUs, at least one of an allowed model. */
export const gpuModelFilter: FilterPlugin = {
  name: "GpuModel",
  filter(node: NodeState, cycle: CycleState): string | null {
    if (cycle.gpuCount === 0) return null;
    if (node.gpuCount === 0) return "no GPUs";
    if (cycle.allowedModels === null) return null;
    for (const model of node.models) if (cycle.allowedModels.has(model)) return null;
    return "not an allowed GPU model";
  },
};
