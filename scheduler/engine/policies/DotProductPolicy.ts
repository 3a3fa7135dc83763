import type { ScorePlugin } from "../ScorePlugin.ts";

/** Tetris-style: the smallest dot product of the node's free (CPU, GPU) vector and the request's vector. */
export function dotProductPolicy(): ScorePlugin {
  return {
    name: "dot-product",
    optionMode: "tightest",
    score(node, option, cycle) {
      const cpu =
        node.cpuTotal > 0 ? (node.cpuFree / node.cpuTotal) * (cycle.request.cpuMilli / node.cpuTotal) : 0;
      let gpu = 0;
      if (node.gpuCount > 0) {
        let taken = 0;
        for (const p of option.picks) taken += p.milli;
        const total = node.gpuCount * 1000;
        gpu = (node.gpuFreeMilli / total) * (taken / total);
      }
      return -(cpu + gpu);
    },
  };
}
