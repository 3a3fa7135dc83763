import type { ClassRanking, RankedClass } from "./ClassRanking.ts";
import type { ClassNeed, Evaluation, NodeClass, NodeClassIndex } from "./NodeClassIndex.ts";
import { popScore, pushScore } from "./ScoreHeap.ts";
import type { SeededRandom } from "./SeededRandom.ts";

/**
 * A ranking whose ties are broken uniformly over nodes (`random` tie-break): the fitting classes grouped by
 * score, the scores in a max-heap. Dead classes are dropped lazily as they surface (a group's order decides which
 * random draw picks which class, so it is kept as it always was).
 */
export class RankedClasses implements ClassRanking {
  private readonly groups = new Map<number, RankedClass[]>();
  /** Distinct scores present in `groups`, as a max-heap. */
  private readonly scores: number[] = [];
  private entries = 0;
  /** Serial of the next class this signature has not scored yet. */
  private cursor = 0;

  constructor(private readonly rng: SeededRandom) {}

  catchUp(index: NodeClassIndex, need: ClassNeed, evaluate: (klass: NodeClass) => Evaluation): void {
    index.forEachCreatedSince(this.cursor, need, (klass) => {
      const evaluation = evaluate(klass);
      if (evaluation.fits) this.add({ klass, score: evaluation.score, option: evaluation.option });
    });
    this.cursor = index.nextSerial;
    if (this.entries > 2 * index.classCount + 64) this.dropDead();
  }

  /**
   * The best class with a positive weight, ties broken uniformly over nodes: weighted reservoir sampling, as
   * kube-scheduler's selectHost (the weight is the number of eligible members).
   */
  best(weight: (klass: NodeClass) => number): RankedClass | undefined {
    const skipped: number[] = [];
    let chosen: RankedClass | undefined;
    while (this.scores.length > 0 && !chosen) {
      const score = this.scores[0]!;
      const group = this.groups.get(score)!;
      let tied = 0;
      for (let i = 0; i < group.length; ) {
        const r = group[i]!;
        if (!r.klass.alive) {
          group[i] = group[group.length - 1]!;
          group.pop();
          this.entries--;
          continue;
        }
        const w = weight(r.klass);
        if (w > 0) {
          tied += w;
          if (!chosen || this.rng.next() * tied < w) chosen = r;
        }
        i++;
      }
      if (group.length === 0) {
        this.groups.delete(score);
        popScore(this.scores);
      } else if (!chosen) {
        // Nobody in this group is eligible for this request (memory, gang): look further down, then restore.
        skipped.push(popScore(this.scores));
      }
    }
    for (const s of skipped) pushScore(this.scores, s);
    return chosen;
  }

  private add(r: RankedClass): void {
    let group = this.groups.get(r.score);
    if (!group) {
      group = [];
      this.groups.set(r.score, group);
      pushScore(this.scores, r.score);
    }
    group.push(r);
    this.entries++;
  }

  private dropDead(): void {
    for (const [score, group] of this.groups) {
      const live = group.filter((r) => r.klass.alive);
      this.entries -= group.length - live.length;
      if (live.length > 0) this.groups.set(score, live);
      else this.groups.delete(score);
    }
    this.scores.length = 0;
    for (const score of this.groups.keys()) pushScore(this.scores, score);
  }
}
