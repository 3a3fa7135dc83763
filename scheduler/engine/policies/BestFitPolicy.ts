import type { ScorePlugin } from "../ScorePlugin.ts";

/** The FGD authors' fixed maxima for normalising leftovers: the largest node of their traces. */
const maxSpecCpuMilli = 128_000;
const maxSpecGpuMilli = 8_000;

/**
 * The FGD paper's BestFit baseline: the smallest leftover 0.5 x CPU left / 128,000 + 0.5 x GPU left / 8,000
 * (fixed maxima, not the node's own capacity), scored as the integer part of 100 x (1 - leftover), so near-equal
 * leftovers tie and go to the engine's tie-break, as in the authors' simulator.
 */
export function bestFitPolicy(): ScorePlugin {
  return {
    name: "best-fit",
    optionMode: "tightest",
    score(node, option, cycle) {
      let taken = 0;
      for (const p of option.picks) taken += p.milli;
      const leftover =
        (0.5 * (node.cpuFree - cycle.request.cpuMilli)) / maxSpecCpuMilli +
        (0.5 * (node.gpuFreeMilli - taken)) / maxSpecGpuMilli;
      return Math.trunc(100 * (1 - leftover));
    },
  };
}
