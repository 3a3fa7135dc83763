import type { ScorePlugin } from "../ScorePlugin.ts";

/** Smallest leftover of 0.5 x CPU share + 0.5 x GPU share after placing (FGD paper's BestFit baseline). */
export function bestFitPolicy(): ScorePlugin {
  return {
    name: "best-fit",
    optionMode: "tightest",
    score(node, option, cycle) {
      const cpuLeft = node.cpuTotal > 0 ? (node.cpuFree - cycle.request.cpuMilli) / node.cpuTotal : 0;
      let gpuLeft = 0;
      if (node.gpuCount > 0) {
        let taken = 0;
        for (const p of option.picks) taken += p.milli;
        gpuLeft = (node.gpuFreeMilli - taken) / (node.gpuCount * 1000);
      }
      return -(0.5 * cpuLeft + 0.5 * gpuLeft);
    },
  };
}
