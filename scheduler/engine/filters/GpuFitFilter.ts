import type { CycleState } from "../CycleState.ts";
import type { FilterPlugin } from "../FilterPlugin.ts";
import { gpuOptions, type OptionMode } from "../GpuOptions.ts";
import type { NodeState } from "../NodeState.ts";

/** The node can give the request its GPUs; the options found go to the score step through the cycle state. */
export function gpuFitFilter(mode: OptionMode, fixedMig = false): FilterPlugin {
  return {
    name: "GpuFit",
    filter(node: NodeState, cycle: CycleState): string | null {
      const found = gpuOptions(node, cycle, mode, fixedMig);
      if ("reason" in found) return found.reason;
      cycle.options = found.options;
      return null;
    },
  };
}
