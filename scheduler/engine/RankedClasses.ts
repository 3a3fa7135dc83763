import type { Evaluation, NodeClass, NodeClassIndex } from "./NodeClassIndex.ts";
import type { SeededRandom } from "./SeededRandom.ts";

interface Ranked {
  score: number;
  klass: NodeClass;
  evaluation: Evaluation & { fits: true };
  /**
   * Node-order mode: the class is filed under this node-order rank of its first member (may be stale, see
   * `bestInOrder`); an entry is never changed, re-filing under another rank files a copy.
   */
  rank: number;
}

/**
 * For one request signature, the node classes that can hold it, grouped by score, scores in a max-heap. A
 * class's state never changes, so it is scored once per signature: a decision scores only the classes created
 * since the last decision of this signature, drops dead classes lazily as they surface, and reads the best
 * group off the top. Cost per decision: the new classes, the top group and O(log scores), not O(fleet).
 *
 * Ordered by node order (`nodeOrder` tie-break), each score group is instead a min-heap of classes by the rank of
 * their first member, so a decision reads the first tied class off the heap instead of scanning the group (FGD's
 * integer score ties thousands of classes). A class's first member changes as nodes join and leave it: a later
 * one is noticed when the class surfaces (re-filed), an earlier one through the index's `rankedEarlierSince`.
 */
export class RankedClasses {
  private readonly groups = new Map<number, Ranked[]>();
  /** Node-order mode: the groups as heaps, and each class's entry (to re-file it). */
  private readonly filed = new Map<number, Ranked[]>();
  private readonly byClass = new Map<NodeClass, Ranked>();
  /** Node-order mode: the next `rankedEarlierSince` event not read yet. */
  private rankCursor = 0;
  /** Distinct scores present in `groups`, as a max-heap. */
  private readonly scores: number[] = [];
  private entries = 0;
  /** Serial of the next class this signature has not scored yet. */
  private cursor = 0;
  /** Scratch of `bestInOrder`, reused: the entries popped that stay filed. */
  private readonly kept: Ranked[] = [];

  /** `inNodeOrder`: `best` will be given `order`, the rank of a class's first eligible member. */
  constructor(private readonly inNodeOrder = false) {}

  /** Scores the classes created since the last call; `evaluate` is the filter and score steps. */
  catchUp(index: NodeClassIndex, evaluate: (klass: NodeClass) => Evaluation): void {
    // A new ranking files every class with its current first member: earlier events do not concern it.
    const rankCursor = this.cursor === 0 ? index.rankSeq : this.rankCursor;
    const log = index.creationLog;
    for (let i = index.firstCreatedAt(this.cursor); i < log.length; i++) {
      const klass = log[i]!;
      if (!klass.alive) continue;
      const evaluation = evaluate(klass);
      if (evaluation.fits)
        this.add({ score: evaluation.score, klass, evaluation, rank: klass.byRank[0]!.tieRank });
    }
    this.cursor = index.nextSerial;
    if (this.inNodeOrder) {
      const earlier = index.rankedEarlierSince(rankCursor);
      if (!earlier) this.dropDead();
      else
        for (const klass of earlier) {
          const r = this.byClass.get(klass);
          if (r && klass.alive) this.file(r);
        }
      this.rankCursor = index.rankSeq;
    }
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
    if (this.inNodeOrder && order) return this.bestInOrder(weight, order);
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

  /**
   * `best` by node order: pops the top group's heap while its ranks can still beat the best class found. A key
   * is never above its class's current first rank for at least one entry per class (earlier first members are
   * re-filed in `catchUp`), so the entries not popped cannot win. Stale entries surface here: one below the
   * current rank is re-filed at it, one above it has a fresher entry and is dropped.
   */
  private bestInOrder(weight: (klass: NodeClass) => number, order: (klass: NodeClass) => number) {
    const skipped: number[] = [];
    let chosen: Ranked | undefined;
    let chosenOrder = Number.POSITIVE_INFINITY;
    while (this.scores.length > 0 && !chosen) {
      const score = this.scores[0]!;
      const heap = this.filed.get(score)!;
      const kept = this.kept;
      while (heap.length > 0 && heap[0]!.rank < chosenOrder) {
        const f = popFiled(heap);
        const klass = f.klass;
        if (!klass.alive) {
          this.entries--;
          continue;
        }
        const rank = klass.byRank[0]!.tieRank;
        if (f.rank !== rank) {
          if (f.rank < rank) pushFiled(heap, { ...f, rank });
          else this.entries--;
          continue;
        }
        kept.push(f);
        if (weight(klass) > 0) {
          const o = order(klass);
          if (o < chosenOrder) {
            chosen = f;
            chosenOrder = o;
          }
        }
      }
      for (const f of kept) pushFiled(heap, f);
      kept.length = 0;
      if (heap.length === 0) {
        this.filed.delete(score);
        this.popScore();
      } else if (!chosen) {
        skipped.push(this.popScore()!);
      }
    }
    for (const s of skipped) this.pushScore(s);
    return chosen;
  }

  private add(r: Ranked): void {
    if (this.inNodeOrder) {
      this.byClass.set(r.klass, r);
      this.file(r);
      return;
    }
    let group = this.groups.get(r.score);
    if (!group) {
      group = [];
      this.groups.set(r.score, group);
      this.pushScore(r.score);
    }
    group.push(r);
    this.entries++;
  }

  /** Node-order mode: files `r` under its class's current first rank. */
  private file(r: Ranked): void {
    let heap = this.filed.get(r.score);
    if (!heap) {
      heap = [];
      this.filed.set(r.score, heap);
      this.pushScore(r.score);
    }
    const rank = r.klass.byRank[0]!.tieRank;
    pushFiled(heap, r.rank === rank ? r : { ...r, rank });
    this.entries++;
  }

  private dropDead(): void {
    if (this.inNodeOrder) {
      // Re-file every live class once: drops dead and duplicate entries.
      const live = [...this.byClass.values()].filter((r) => r.klass.alive);
      this.byClass.clear();
      this.filed.clear();
      this.scores.length = 0;
      this.entries = 0;
      for (const r of live) this.add(r);
      return;
    }
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

function pushFiled(heap: Ranked[], f: Ranked): void {
  heap.push(f);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]!.rank <= f.rank) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = f;
}

function popFiled(heap: Ranked[]): Ranked {
  const top = heap[0]!;
  const last = heap.pop()!;
  if (heap.length > 0) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = l;
      if (l >= heap.length) break;
      if (r < heap.length && heap[r]!.rank < heap[l]!.rank) m = r;
      if (heap[m]!.rank >= last.rank) break;
      heap[i] = heap[m]!;
      i = m;
    }
    heap[i] = last;
  }
  return top;
}
