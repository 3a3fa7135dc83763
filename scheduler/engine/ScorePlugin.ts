import type { CycleState } from "./CycleState.ts";
import type { GpuOption, OptionMode } from "./GpuOptions.ts";
import type { NodeClass } from "./NodeClassIndex.ts";
import type { NodeState } from "./NodeState.ts";
import type { TieBreak } from "./PlacementEngine.ts";

/**
 * A placement policy's score step: how good one GPU option on one node is (higher is better). Scores may depend
 * only on the node's state and what the policy has learnt from past arrivals, never on future ones: results are
 * remembered per node equivalence class. A policy that changes its view calls the `invalidate` it is given.
 */
export interface ScorePlugin {
  readonly name: string;
  readonly optionMode: OptionMode;
  /** The tie-break the policy is designed for, used when the engine's options name none. */
  readonly tieBreak?: TieBreak;
  /**
   * Which GPU of the chosen node a share goes to among those whose options score the best: `fullest` (default,
   * first in canonical order, which packs) or `lowestIndex` (the FGD authors' simulator).
   */
  readonly shareGpu?: "fullest" | "lowestIndex";
  score(node: NodeState, option: GpuOption, cycle: CycleState, klass: NodeClass): number;
  /** Told the fleet when the engine starts and whenever nodes join or leave. */
  fleetChanged?(nodes: Iterable<NodeState>): void;
  /** Told about every request offered to the engine, before it is placed (past arrivals only). */
  observe?(cycle: CycleState, invalidate: () => void): void;
}
