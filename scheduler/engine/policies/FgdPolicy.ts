import { expectedFragmentation, fragmentationInput } from "../Fragmentation.ts";
import type { NodeClass } from "../NodeClassIndex.ts";
import type { NodeState } from "../NodeState.ts";
import type { ScorePlugin } from "../ScorePlugin.ts";
import type { TargetWorkload } from "../TargetWorkload.ts";

/** The node's expected fragmentation now, computed once per equivalence class. */
export function classFragmentation(
  node: NodeState,
  klass: NodeClass,
  workload: TargetWorkload,
  tag: string,
): number {
  let f = klass.derived.get(tag);
  if (f === undefined) {
    f = expectedFragmentation(fragmentationInput(node), workload);
    klass.derived.set(tag, f);
  }
  return f;
}

/**
 * Fragmentation gradient descent (Weng et al., ATC'23): the score is floor(100 x sigmoid(-delta / 1000)), where
 * delta is the growth of the node's expected fragmentation (GPU thousandths) if the request went there. The
 * integer score makes near-equal deltas tie; the engine breaks ties at random, as the authors' simulator does.
 */
export function fgdPolicy(workload: TargetWorkload): ScorePlugin {
  return {
    name: "fgd",
    optionMode: "every",
    score(node, option, cycle, klass) {
      const before = classFragmentation(node, klass, workload, "fgd");
      const after = expectedFragmentation(
        fragmentationInput(node, { option, cpuMilli: cycle.request.cpuMilli }),
        workload,
      );
      const delta = after - before;
      return Math.floor(100 / (1 + Math.exp(delta / 1000)));
    },
  };
}
