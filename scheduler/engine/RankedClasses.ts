import type { Evaluation, NodeClass, NodeClassIndex } from "./NodeClassIndex.ts";
import type { SeededRandom } from "./SeededRandom.ts";

interface Ranked {
  score: number;
  klass: NodeClass;
  evaluation: Evaluation & { fits: true };
}

/**
 * For one request signature, the node classes that can hold it, ranked by score in a max-heap. A class's state
 * never changes, so it is scored once per signature: a decision scores only the classes created since the last
 * decision of this signature, drops dead classes lazily as they surface, and reads the best off the top. Cost per
 * decision: the new classes plus O(log classes), not O(fleet).
 */
export class RankedClasses {
  private readonly heap: Ranked[] = [];
  /** Serial of the next class this signature has not scored yet. */
  private cursor = 0;

  /** Scores the classes created since the last call; `evaluate` is the filter and score steps. */
  catchUp(index: NodeClassIndex, evaluate: (klass: NodeClass) => Evaluation): void {
    for (const klass of index.createdSince(this.cursor)) {
      if (!klass.alive) continue;
      const evaluation = evaluate(klass);
      if (evaluation.fits) this.push({ score: evaluation.score, klass, evaluation });
    }
    this.cursor = index.nextSerial;
    if (this.heap.length > 2 * index.classCount + 64) this.compact();
  }

  /**
   * The best class with a positive weight (its members still eligible for this request), ties broken uniformly
   * over nodes: weighted reservoir sampling, as kube-scheduler's selectHost.
   */
  best(weight: (klass: NodeClass) => number, rng: SeededRandom): Ranked | undefined {
    const popped: Ranked[] = [];
    let chosen: Ranked | undefined;
    let tied = 0;
    while (this.heap.length > 0) {
      const top = this.heap[0]!;
      if (!top.klass.alive) {
        this.pop();
        continue;
      }
      if (chosen && top.score < chosen.score) break;
      popped.push(this.pop()!);
      const w = weight(top.klass);
      if (w === 0) continue;
      tied += w;
      if (!chosen || rng.next() * tied < w) chosen = top;
    }
    for (const r of popped) this.push(r);
    return chosen;
  }

  private compact(): void {
    const live = this.heap.filter((r) => r.klass.alive);
    this.heap.length = 0;
    for (const r of live) this.push(r);
  }

  private push(r: Ranked): void {
    const a = this.heap;
    a.push(r);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]!.score >= a[i]!.score) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }

  private pop(): Ranked | undefined {
    const a = this.heap;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.score > a[m]!.score) m = l;
        if (r < a.length && a[r]!.score > a[m]!.score) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}
