import { expectedFragmentation, fragmentationInput } from "../Fragmentation.ts";
import type { ScorePlugin } from "../ScorePlugin.ts";
import type { TargetWorkload } from "../TargetWorkload.ts";
import { classFragmentation } from "./FgdPolicy.ts";

/** Tessera's default policy. */
export function tesseraPolicy(workload: TargetWorkload): ScorePlugin {
  return {
    name: "tessera",
    optionMode: "every",
    score(node, option, cycle, klass) {
      const before = classFragmentation(node, klass, workload, "tessera");
      const after = expectedFragmentation(
        fragmentationInput(node, { option, cpuMilli: cycle.request.cpuMilli }),
        workload,
      );
      return before - after;
    },
  };
}
