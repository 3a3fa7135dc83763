import type { CycleState } from "./CycleState.ts";
import type { NodeState } from "./NodeState.ts";

/** Answers "can this node hold the request?": null when it can, otherwise the reason, as users read it. */
export interface FilterPlugin {
  readonly name: string;
  filter(node: NodeState, cycle: CycleState): string | null;
}
