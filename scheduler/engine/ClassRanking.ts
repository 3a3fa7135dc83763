import type { GpuOption } from "./GpuOptions.ts";
import type { ClassNeed, Evaluation, NodeClass, NodeClassIndex } from "./NodeClassIndex.ts";

/** A class that fits a ranking's request signature, with its score and best option for it. */
export interface RankedClass {
  readonly klass: NodeClass;
  readonly score: number;
  readonly option: GpuOption;
}

/**
 * For one request signature, the node classes that can hold it, best first. A class's state never changes, so it
 * is scored once per signature: a decision scores only the classes created since the last decision of this
 * signature and reads the best off the top. Cost per decision: the new classes and O(log classes), not O(fleet).
 */
export interface ClassRanking {
  /**
   * Scores the classes created since the last call whose capacity summary meets `need` (the others cannot fit);
   * `evaluate` is the filter and score steps.
   */
  catchUp(index: NodeClassIndex, need: ClassNeed, evaluate: (klass: NodeClass) => Evaluation): void;
  /**
   * The best class with a member still eligible for this request (host memory, gang exclusions); among equal
   * scores, by the ranking's tie-break. `weight` counts a class's eligible members (used by the random tie-break);
   * `firstEligible` gives the node-order rank of its first eligible member, +Infinity when none (used alone by
   * rankings in node order).
   */
  best(
    weight: (klass: NodeClass) => number,
    firstEligible: (klass: NodeClass) => number,
  ): RankedClass | undefined;
}
