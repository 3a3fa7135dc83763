import type { CycleState } from "../CycleState.ts";
import type { FilterPlugin } from "../FilterPlugin.ts";
import type { NodeState } from "../NodeState.ts";

/**
 * The members of a gang run on one GPU model (distributed training runs at the pace of its slowest member, and
 * one model keeps the numerics and kernels alike), unless the gang allows mixed models: a later member needs a
 * node with GPUs of the gang's model.
 */
export const gangModelFilter: FilterPlugin = {
  name: "GangModel",
  filter(node: NodeState, cycle: CycleState): string | null {
    if (cycle.gangModel === null || cycle.gpuCount === 0) return null;
    return node.models.has(cycle.gangModel) ? null : `not the GPU model of its gang (${cycle.gangModel})`;
  },
};
