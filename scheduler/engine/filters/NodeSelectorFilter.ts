import type { CycleState } from "../CycleState.ts";
import type { FilterPlugin } from "../FilterPlugin.ts";
import type { NodeState } from "../NodeState.ts";

/** The node carries every label the request selects, with the same value. */
export const nodeSelectorFilter: FilterPlugin = {
  name: "NodeSelector",
  filter(node: NodeState, cycle: CycleState): string | null {
    const selector = cycle.request.nodeSelector;
    if (!selector) return null;
    for (const [k, v] of Object.entries(selector)) {
      if (node.labels[k] !== v) return "didn't match node selector";
    }
    return null;
  },
};
