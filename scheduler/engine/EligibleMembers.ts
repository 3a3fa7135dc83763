import type { CycleState } from "./CycleState.ts";
import type { NodeClass } from "./NodeClassIndex.ts";
import type { NodeState } from "./NodeState.ts";
import type { SeededRandom } from "./SeededRandom.ts";

/**
 * Members of `klass` that `cycle` may use: with the host memory it asks (no score depends on it, so classes may
 * hold members with different free memory) and not already used by its gang.
 */
export function eligibleCount(klass: NodeClass, cycle: CycleState): number {
  const memory = cycle.request.memoryMiB;
  if (klass.memFree !== undefined) {
    if (klass.memFree < memory) return 0;
    if (cycle.excluded.size === 0) return klass.members.length;
  }
  let n = 0;
  for (const m of klass.members) if (m.memFree >= memory && !cycle.excluded.has(m)) n++;
  return n;
}

/** The eligible member first in the node order (`nodeOrder` tie-break), or undefined when none is. */
export function firstEligible(klass: NodeClass, cycle: CycleState): NodeState | undefined {
  const memory = cycle.request.memoryMiB;
  const head = klass.head;
  // The head is first in node order: usually it is eligible and no other member is looked at.
  if (head.memFree >= memory && (cycle.excluded.size === 0 || !cycle.excluded.has(head))) return head;
  if (klass.memFree !== undefined && klass.memFree < memory) return undefined;
  let first: NodeState | undefined;
  for (const m of klass.members)
    if (m.memFree >= memory && !cycle.excluded.has(m) && (!first || m.tieRank < first.tieRank)) first = m;
  return first;
}

/** The member a decision goes to: the first eligible in node order, or one drawn uniformly from `rng`. */
export function pickMember(
  klass: NodeClass,
  cycle: CycleState,
  inNodeOrder: boolean,
  rng: SeededRandom,
): NodeState {
  if (inNodeOrder) return firstEligible(klass, cycle)!;
  const memory = cycle.request.memoryMiB;
  if (cycle.excluded.size === 0 && klass.memFree !== undefined)
    return klass.members[rng.below(klass.members.length)]!;
  const eligible = klass.members.filter((m) => m.memFree >= memory && !cycle.excluded.has(m));
  return eligible[rng.below(eligible.length)]!;
}
