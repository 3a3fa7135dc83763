import type { ScorePlugin } from "../ScorePlugin.ts";
import { nodeOccupied } from "./GpuPackingPolicy.ts";

/** Prefers nodes already hosting shares of the same size, then nodes with other work, then idle nodes. */
export function gpuClusteringPolicy(): ScorePlugin {
  return {
    name: "gpu-clustering",
    optionMode: "tightest",
    score(node, _option, cycle) {
      const g = cycle.request.gpu;
      if (g.kind === "share" && node.gpus.some((gpu) => gpu.holdsShare(g.milli))) return 2;
      return nodeOccupied(node) ? 1 : 0;
    },
  };
}
