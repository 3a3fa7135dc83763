import type { CycleState } from "../CycleState.ts";
import type { FilterPlugin } from "../FilterPlugin.ts";
import type { NodeState } from "../NodeState.ts";

/**
 * Enough free CPU (kube-scheduler's NodeResourcesFit). Host memory is checked by the engine itself, on the class
 * summary before the memo, so that requests differing only in memory share remembered evaluations.
 */
export const cpuFilter: FilterPlugin = {
  name: "Cpu",
  filter(node: NodeState, cycle: CycleState): string | null {
    return node.cpuFree < cycle.request.cpuMilli ? "insufficient CPU" : null;
  },
};
