import type { CycleState } from "../CycleState.ts";
import type { FilterPlugin } from "../FilterPlugin.ts";
import type { NodeState } from "../NodeState.ts";

/** GPUs passed through to a VM need a VM runtime the node's agent found runnable (when the agent says). */
export const vmRuntimeFilter: FilterPlugin = {
  name: "VmRuntime",
  filter(node: NodeState, cycle: CycleState): string | null {
    const gpu = cycle.request.gpu;
    if (gpu.kind !== "whole" || !gpu.passthrough || node.vmRuntimes === undefined) return null;
    return node.vmRuntimes.length > 0 ? null : "cannot run VM jobs (no runnable VM runtime)";
  },
};
