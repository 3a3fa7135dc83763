import type { ClassRanking, RankedClass } from "./ClassRanking.ts";
import type { GpuOption } from "./GpuOptions.ts";
import type { ClassEntry, ClassNeed, Evaluation, NodeClass, NodeClassIndex } from "./NodeClassIndex.ts";
import { popScore, pushScore } from "./ScoreHeap.ts";

/**
 * A class filed in one score group, a min-heap by the node-order rank of the class's first member. The index
 * tells it when its class dies or its first member changes, so a group holds only live classes at their current
 * rank: nothing stale is kept, nothing is found stale later.
 */
class Filed implements RankedClass, ClassEntry {
  rank: number;
  /** Position in `group`. */
  at = 0;

  constructor(
    readonly group: Filed[],
    readonly klass: NodeClass,
    readonly score: number,
    readonly option: GpuOption,
  ) {
    this.rank = klass.head.tieRank;
  }

  classDied(): void {
    const last = this.group.pop()!;
    if (last === this) return;
    this.group[this.at] = last;
    last.at = this.at;
    siftUp(this.group, last);
    siftDown(this.group, last);
  }

  firstMemberChanged(): void {
    const rank = this.klass.head.tieRank;
    const earlier = rank < this.rank;
    this.rank = rank;
    if (earlier) siftUp(this.group, this);
    else siftDown(this.group, this);
  }
}

/**
 * A ranking whose ties go to the first class in node order (`nodeOrder` tie-break): per score a min-heap of the
 * classes by the rank of their first member, so a decision reads the first tied class off the top instead of
 * scanning the group (FGD's integer score ties thousands of classes).
 */
export class RankedClassesInNodeOrder implements ClassRanking {
  private readonly groups = new Map<number, Filed[]>();
  /** Distinct scores present in `groups`, as a max-heap; a group emptied by dead classes leaves at the top. */
  private readonly scores: number[] = [];
  /** Serial of the next class this signature has not scored yet. */
  private cursor = 0;
  /** Scratch of `best`: the scores it walked past. */
  private readonly skipped: number[] = [];
  /** Scratch of `firstInOrder`: positions of a group's heap still to look at, as a min-heap by rank. */
  private readonly frontier: number[] = [];

  catchUp(index: NodeClassIndex, need: ClassNeed, evaluate: (klass: NodeClass) => Evaluation): void {
    index.forEachCreatedSince(this.cursor, need, (klass) => {
      const evaluation = evaluate(klass);
      if (evaluation.fits) this.add(klass, evaluation.score, evaluation.option);
    });
    this.cursor = index.nextSerial;
  }

  best(
    weight: (klass: NodeClass) => number,
    firstEligible: (klass: NodeClass) => number,
  ): RankedClass | undefined {
    const skipped = this.skipped;
    let chosen: Filed | undefined;
    while (this.scores.length > 0 && !chosen) {
      const score = this.scores[0]!;
      const group = this.groups.get(score)!;
      if (group.length === 0) {
        this.groups.delete(score);
        popScore(this.scores);
        continue;
      }
      chosen = this.firstInOrder(group, weight, firstEligible);
      // Nobody in this group is eligible for this request (memory, gang): look further down, then restore.
      if (!chosen) skipped.push(popScore(this.scores));
    }
    for (const s of skipped) pushScore(this.scores, s);
    skipped.length = 0;
    return chosen;
  }

  /**
   * The eligible class of `group` whose first eligible member comes first. A class's first eligible member is
   * never earlier than its first member, so the heap is searched best-first and only while its ranks can still
   * beat the best found; usually the top is eligible and the search ends there.
   */
  private firstInOrder(
    group: Filed[],
    weight: (klass: NodeClass) => number,
    firstEligible: (klass: NodeClass) => number,
  ): Filed | undefined {
    let chosen: Filed | undefined;
    let chosenOrder = Number.POSITIVE_INFINITY;
    const frontier = this.frontier;
    frontier.length = 0;
    frontier.push(0);
    while (frontier.length > 0) {
      const at = popFrontier(frontier, group);
      const f = group[at]!;
      if (f.rank >= chosenOrder) break;
      if (weight(f.klass) > 0) {
        const order = firstEligible(f.klass);
        if (order < chosenOrder) {
          chosen = f;
          chosenOrder = order;
        }
      }
      const child = 2 * at + 1;
      if (child < group.length) pushFrontier(frontier, group, child);
      if (child + 1 < group.length) pushFrontier(frontier, group, child + 1);
    }
    return chosen;
  }

  private add(klass: NodeClass, score: number, option: GpuOption): void {
    let group = this.groups.get(score);
    if (!group) {
      group = [];
      this.groups.set(score, group);
      pushScore(this.scores, score);
    }
    const f = new Filed(group, klass, score, option);
    f.at = group.length;
    group.push(f);
    siftUp(group, f);
    klass.entries.push(f);
  }
}

function siftUp(heap: Filed[], f: Filed): void {
  let i = f.at;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent]!;
    if (p.rank <= f.rank) break;
    heap[i] = p;
    p.at = i;
    i = parent;
  }
  heap[i] = f;
  f.at = i;
}

function siftDown(heap: Filed[], f: Filed): void {
  let i = f.at;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= heap.length) break;
    const r = l + 1;
    const m = r < heap.length && heap[r]!.rank < heap[l]!.rank ? r : l;
    const c = heap[m]!;
    if (c.rank >= f.rank) break;
    heap[i] = c;
    c.at = i;
    i = m;
  }
  heap[i] = f;
  f.at = i;
}

function pushFrontier(frontier: number[], group: Filed[], at: number): void {
  frontier.push(at);
  let i = frontier.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (group[frontier[parent]!]!.rank <= group[at]!.rank) break;
    frontier[i] = frontier[parent]!;
    i = parent;
  }
  frontier[i] = at;
}

function popFrontier(frontier: number[], group: Filed[]): number {
  const top = frontier[0]!;
  const last = frontier.pop()!;
  if (frontier.length > 0) {
    const rank = group[last]!.rank;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= frontier.length) break;
      const r = l + 1;
      const m = r < frontier.length && group[frontier[r]!]!.rank < group[frontier[l]!]!.rank ? r : l;
      if (group[frontier[m]!]!.rank >= rank) break;
      frontier[i] = frontier[m]!;
      i = m;
    }
    frontier[i] = last;
  }
  return top;
}
