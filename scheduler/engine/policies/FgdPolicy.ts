import {
  expectedFragmentationAfter,
  type FragmentationStats,
  fragmentationInput,
  fragmentationStats,
} from "../Fragmentation.ts";
import type { NodeClass } from "../NodeClassIndex.ts";
import type { NodeState } from "../NodeState.ts";
import type { ScorePlugin } from "../ScorePlugin.ts";
import type { TargetWorkload } from "../TargetWorkload.ts";

/**
 * The fragmentation statistics of a node class, computed once per class and workload and kept as the class's
 * derived value under the policy's tag.
 */
export function classFragmentation(
  node: NodeState,
  klass: NodeClass,
  workload: TargetWorkload,
  tag: string,
  cpuCoverMilli = 0,
): FragmentationStats {
  if (klass.derived?.tag === tag) return klass.derived as FragmentationStats;
  const stats = fragmentationStats(fragmentationInput(node), workload, cpuCoverMilli, tag);
  klass.derived = stats;
  return stats;
}

/** Growth of the node's expected fragmentation (GPU thousandths) if the option were taken. */
export function fragmentationDelta(
  node: NodeState,
  klass: NodeClass,
  workload: TargetWorkload,
  tag: string,
  picks: readonly { pos: number; milli: number }[],
  cpuMilli: number,
  cpuCoverMilli = 0,
): number {
  const stats = classFragmentation(node, klass, workload, tag, cpuCoverMilli);
  return expectedFragmentationAfter(stats, workload, picks, cpuMilli, cpuCoverMilli) - stats.expected;
}

/**
 * Fragmentation gradient descent (Weng et al., ATC'23): the score is floor(100 x sigmoid(-delta / 1000)), where
 * delta is the growth of the node's expected fragmentation (GPU thousandths) if the request went there. The
 * integer score makes near-equal deltas tie; ties between nodes go to the engine's tie-break (the FGD-method replay
 * uses the seeded node order, as the authors' simulator does), and inside the chosen node a share goes to the
 * lowest-index GPU among those with the top score, as there.
 */
export function fgdPolicy(workload: TargetWorkload): ScorePlugin {
  return {
    name: "fgd",
    optionMode: "every",
    shareGpu: "lowestIndex",
    score(node, option, cycle, klass) {
      const delta = fragmentationDelta(node, klass, workload, "fgd", option.picks, cycle.request.cpuMilli);
      return Math.floor(100 / (1 + Math.exp(delta / 1000)));
    },
  };
}
