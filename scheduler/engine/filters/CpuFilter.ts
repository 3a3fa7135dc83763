import type { CycleState } from "../CycleState.ts";
import type { FilterPlugin } from "../FilterPlugin.ts";
import type { NodeState } from "../NodeState.ts";

/** Enough free CPU and host memory (kube-scheduler's NodeResourcesFit). */
export const cpuMemoryFilter: FilterPlugin = {
  name: "CpuMemory",
  filter(node: NodeState, cycle: CycleState): string | null {
    if (node.cpuFree < cycle.request.cpuMilli) return "insufficient CPU";
    if (node.memFree < cycle.request.memoryMiB) return "insufficient memory";
    return null;
  },
};
