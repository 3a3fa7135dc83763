import type { CycleState } from "./CycleState.ts";
import type { NodeClass } from "./NodeClassIndex.ts";
import type { NodeState } from "./NodeState.ts";
import type { SeededRandom } from "./SeededRandom.ts";

/** Members of `klass` that `cycle` may use (a gang's members already placed are excluded). */
export function eligibleCount(klass: NodeClass, cycle: CycleState): number {
  if (cycle.excluded.size === 0) return klass.members.length;
  let n = 0;
  for (const m of klass.members) if (!cycle.excluded.has(m)) n++;
  return n;
}

/** The eligible member first in the node order (`nodeOrder` tie-break); only for classes with one. */
export function firstEligible(klass: NodeClass, cycle: CycleState): NodeState {
  if (cycle.excluded.size === 0) return klass.head;
  let first: NodeState | undefined;
  for (const m of klass.members)
    if (!cycle.excluded.has(m) && (!first || m.tieRank < first.tieRank)) first = m;
  return first!;
}

/** The member a decision goes to: the first in node order, or one drawn uniformly from `rng`. */
export function pickMember(
  klass: NodeClass,
  cycle: CycleState,
  inNodeOrder: boolean,
  rng: SeededRandom,
): NodeState {
  if (inNodeOrder) return firstEligible(klass, cycle);
  if (cycle.excluded.size === 0) return klass.members[rng.below(klass.members.length)]!;
  const eligible = klass.members.filter((m) => !cycle.excluded.has(m));
  return eligible[rng.below(eligible.length)]!;
}
