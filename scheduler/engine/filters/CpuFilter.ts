import type { CycleState } from "../CycleState.ts";
import type { FilterPlugin } from "../FilterPlugin.ts";
import type { NodeClass } from "../NodeClassIndex.ts";
import type { NodeState } from "../NodeState.ts";

/**
 * Enough free CPU (kube-scheduler's NodeResourcesFit). Host memory is checked by the engine itself, on the class
 * summary before the memo, so that requests differing only in memory share remembered evaluations.
 */
export const cpuFilter: FilterPlugin = {
  name: "Cpu",
  filter(_node: NodeState, cycle: CycleState, klass: NodeClass): string | null {
    return klass.cpuFree < cycle.request.cpuMilli ? "insufficient CPU" : null;
  },
};
