import type { CycleState } from "./CycleState.ts";
import type { NodeClass } from "./NodeClassIndex.ts";
import type { NodeState } from "./NodeState.ts";

/** Answers "can this node hold the request?": null when it can, otherwise the reason, as users read it. */
export interface FilterPlugin {
  readonly name: string;
  /**
   * `klass` is the class `node` stands for (any member's state is the class's): what its capacity summary holds is
   * read there, on an object already at hand, instead of waiting on the node's memory.
   */
  filter(node: NodeState, cycle: CycleState, klass: NodeClass): string | null;
}
