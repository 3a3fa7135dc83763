import type { NodeState } from "../NodeState.ts";
import type { ScorePlugin } from "../ScorePlugin.ts";

export function nodeOccupied(node: NodeState): boolean {
  return node.cpuFree < node.cpuTotal || node.gpus.some((g) => !g.idle);
}

/** Prefers GPUs already partly used, then occupied nodes, then idle nodes; tightest GPU inside the node. */
export function gpuPackingPolicy(): ScorePlugin {
  return {
    name: "gpu-packing",
    optionMode: "tightest",
    score(node, option) {
      const partlyUsedGpu = option.picks.some((p) => {
        const g = node.ordered[p.pos]!;
        return !g.idle && g.freeMilli > 0;
      });
      if (partlyUsedGpu) return 2;
      return nodeOccupied(node) ? 1 : 0;
    },
  };
}
