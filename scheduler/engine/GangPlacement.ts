import { CycleState } from "./CycleState.ts";
import type { NodeState } from "./NodeState.ts";
import type { GangResult, Placement, PlaceResult } from "./Placement.ts";
import type { GangRequest } from "./PlacementRequest.ts";

/** What gang placement needs of the engine: one decision, and trial commits it undoes. */
export interface GangPlacementSteps {
  decide(cycle: CycleState): PlaceResult;
  commit(placement: Placement): void;
  release(id: string): Placement;
  nodeNamed(name: string): NodeState;
  /** The GPU models of the fleet that `cycle` allows, but `except`, in name order. */
  otherModels(cycle: CycleState, except: string): string[];
}

/**
 * Places every member of a gang on distinct nodes, or none; changes nothing. Unless the gang allows mixed models,
 * all members' GPUs are of one model: the one the policy picks for the first member, else each other model the
 * first member allows, in name order.
 */
export function placeGang(gang: GangRequest, steps: GangPlacementSteps): GangResult {
  const first = gang.members[0];
  if (gang.mixedModels || !first) return placeMembers(gang, null, steps);
  const lead = steps.decide(new CycleState(first));
  if (!lead.ok) return { ok: false, unschedulable: lead.unschedulable, memberId: first.id };
  const preferred = modelOf(lead.placement, steps);
  // Members without GPUs have no model to agree on.
  if (preferred === null) return placeMembers(gang, null, steps);
  let failure: (GangResult & { ok: false }) | undefined;
  let failedAt = -1;
  for (const model of [preferred, ...steps.otherModels(new CycleState(first), preferred)]) {
    const result = placeMembers(gang, model, steps);
    if (result.ok) return result;
    // The model that came closest tells the user the most about what is missing.
    const at = gang.members.findIndex((m) => m.id === result.memberId);
    if (at > failedAt) {
      failure = result;
      failedAt = at;
    }
  }
  return failure!;
}

/** Places the members one by one on distinct nodes (on GPUs of `model` when given), or none. */
function placeMembers(gang: GangRequest, model: string | null, steps: GangPlacementSteps): GangResult {
  const placed: Placement[] = [];
  const used = new Set<NodeState>();
  try {
    for (const member of gang.members) {
      const result = steps.decide(new CycleState(member, used, model));
      if (!result.ok) return { ok: false, unschedulable: result.unschedulable, memberId: member.id };
      steps.commit(result.placement);
      placed.push(result.placement);
      used.add(steps.nodeNamed(result.placement.node));
    }
    return { ok: true, placements: [...placed] };
  } finally {
    for (const p of placed.reverse()) steps.release(p.requestId);
  }
}

/** The model of a placement's first GPU; null when it holds none. */
function modelOf(placement: Placement, steps: GangPlacementSteps): string | null {
  const first = placement.gpus[0];
  if (!first) return null;
  return steps.nodeNamed(placement.node).gpus.find((g) => g.index === first.gpuIndex)?.model ?? null;
}
