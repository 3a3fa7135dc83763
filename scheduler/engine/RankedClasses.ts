import type { Evaluation, NodeClass, NodeClassIndex } from "./NodeClassIndex.ts";
import type { SeededRandom } from "./SeededRandom.ts";

interface Ranked {
  score: number;
  klass: NodeClass;
  evaluation: Evaluation & { fits: true };
}

/**
 * For one request signature, the node classes that can hold it, grouped by score, scores in a max-heap. A
 * class's state never changes, so it is scored once per signature: a decision scores only the classes created
 * since the last decision of this signature, drops dead classes lazily as they surface, and reads the best
 * group off the top. Cost per decision: the new classes, the top group and O(log scores), not O(fleet).
 */
export class RankedClasses {
  private readonly groups = new Map<number, Ranked[]>();
  /** Distinct scores present in `groups`, as a max-heap. */
  private readonly scores: number[] = [];
  private entries = 0;
  /** Serial of the next class this signature has not scored yet. */
  private cursor = 0;

  /** Scores the classes created since the last call; `evaluate` is the filter and score steps. */
  catchUp(index: NodeClassIndex, evaluate: (klass: NodeClass) => Evaluation): void {
    for (const klass of index.createdSince(this.cursor)) {
      if (!klass.alive) continue;
      const evaluation = evaluate(klass);
      if (evaluation.fits) this.add({ score: evaluation.score, klass, evaluation });
    }
    this.cursor = index.nextSerial;
    if (this.entries > 2 * index.classCount + 64) this.dropDead();
  }

  /**
   * The best class with a positive weight (its members still eligible for this request), ties broken uniformly
   * over nodes: weighted reservoir sampling, as kube-scheduler's selectHost; or, given `order`, the tied class
   * with the smallest order.
   */
  best(
    weight: (klass: NodeClass) => number,
    rng: SeededRandom,
    order?: (klass: NodeClass) => number,
  ): Ranked | undefined {
    const skipped: number[] = [];
    let chosen: Ranked | undefined;
    let chosenOrder = 0;
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
          if (order) {
            const o = order(r.klass);
            if (!chosen || o < chosenOrder) {
              chosen = r;
              chosenOrder = o;
            }
          } else {
            tied += w;
            if (!chosen || rng.next() * tied < w) chosen = r;
          }
        }
        i++;
      }
      if (group.length === 0) {
        this.groups.delete(score);
        this.popScore();
      } else if (!chosen) {
        // Nobody in this group is eligible for this request (memory, gang): look further down, then restore.
        skipped.push(this.popScore()!);
      }
    }
    for (const s of skipped) this.pushScore(s);
    return chosen;
  }

  private add(r: Ranked): void {
    let group = this.groups.get(r.score);
    if (!group) {
      group = [];
      this.groups.set(r.score, group);
      this.pushScore(r.score);
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
    for (const score of this.groups.keys()) this.pushScore(score);
  }

  private pushScore(score: number): void {
    const a = this.scores;
    a.push(score);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! >= a[i]!) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }

  private popScore(): number | undefined {
    const a = this.scores;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]! > a[m]!) m = l;
        if (r < a.length && a[r]! > a[m]!) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}
