import type { ClassRanking, RankedClass } from "./ClassRanking.ts";
import type { GpuOption } from "./GpuOptions.ts";
import type { ClassEntry, ClassNeed, Evaluation, NodeClass, NodeClassIndex } from "./NodeClassIndex.ts";
import { popScore, pushScore } from "./ScoreHeap.ts";

/**
 * One score group: a min-heap of its classes by the node-order rank of each class's first member. The ranks sit
 * in an array of their own, beside the entries: an array of numbers holds them unboxed, so comparing two costs no
 * wait on the memory of either entry (a rank kept on an entry is a separate heap number).
 */
class Group {
  readonly filed: Filed[] = [];
  readonly ranks: number[] = [];
}

/**
 * A class filed in one score group. The index tells it when its class dies or its first member changes, so a
 * group holds only live classes at their current rank: nothing stale is kept, nothing is found stale later.
 */
class Filed implements RankedClass, ClassEntry {
  /** Position in `group`. */
  at = 0;
  nextEntry: ClassEntry | undefined;

  constructor(
    readonly group: Group,
    readonly klass: NodeClass,
    readonly score: number,
    readonly option: GpuOption,
  ) {}

  classDied(): void {
    const { filed, ranks } = this.group;
    const last = filed.pop()!;
    const lastRank = ranks.pop()!;
    if (last === this) return;
    siftUp(this.group, this.at, last, lastRank);
    siftDown(this.group, last.at, last, lastRank);
  }

  firstMemberChanged(): void {
    const rank = this.klass.headRank;
    if (rank < this.group.ranks[this.at]!) siftUp(this.group, this.at, this, rank);
    else siftDown(this.group, this.at, this, rank);
  }
}

/**
 * A ranking whose ties go to the first class in node order (`nodeOrder` tie-break): per score a min-heap of the
 * classes by the rank of their first member, so a decision reads the first tied class off the top instead of
 * scanning the group (FGD's integer score ties thousands of classes).
 */
export class RankedClassesInNodeOrder implements ClassRanking {
  private readonly groups = new Map<number, Group>();
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
    _weight: (klass: NodeClass) => number,
    firstEligible: (klass: NodeClass) => number,
  ): RankedClass | undefined {
    const skipped = this.skipped;
    let chosen: Filed | undefined;
    while (this.scores.length > 0 && !chosen) {
      const score = this.scores[0]!;
      const group = this.groups.get(score)!;
      if (group.filed.length === 0) {
        this.groups.delete(score);
        popScore(this.scores);
        continue;
      }
      chosen = this.firstInOrder(group, firstEligible);
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
  private firstInOrder(group: Group, firstEligible: (klass: NodeClass) => number): Filed | undefined {
    const { filed, ranks } = group;
    let chosen: Filed | undefined;
    let chosenOrder = Number.POSITIVE_INFINITY;
    const frontier = this.frontier;
    frontier.length = 0;
    frontier.push(0);
    while (frontier.length > 0) {
      const at = popFrontier(frontier, ranks);
      if (ranks[at]! >= chosenOrder) break;
      const f = filed[at]!;
      // A class without an eligible member gives +Infinity and is never chosen.
      const order = firstEligible(f.klass);
      if (order < chosenOrder) {
        chosen = f;
        chosenOrder = order;
      }
      const child = 2 * at + 1;
      if (child < filed.length) pushFrontier(frontier, ranks, child);
      if (child + 1 < filed.length) pushFrontier(frontier, ranks, child + 1);
    }
    return chosen;
  }

  private add(klass: NodeClass, score: number, option: GpuOption): void {
    let group = this.groups.get(score);
    if (!group) {
      group = new Group();
      this.groups.set(score, group);
      pushScore(this.scores, score);
    }
    const f = new Filed(group, klass, score, option);
    group.filed.push(f);
    group.ranks.push(0);
    siftUp(group, group.filed.length - 1, f, klass.headRank);
    f.nextEntry = klass.entries;
    klass.entries = f;
  }
}

/** Puts `f` with `rank` at `i` (a hole) and moves it up to its place. */
function siftUp(group: Group, i: number, f: Filed, rank: number): void {
  const { filed, ranks } = group;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const parentRank = ranks[parent]!;
    if (parentRank <= rank) break;
    const p = filed[parent]!;
    filed[i] = p;
    ranks[i] = parentRank;
    p.at = i;
    i = parent;
  }
  filed[i] = f;
  ranks[i] = rank;
  f.at = i;
}

/** Puts `f` with `rank` at `i` (a hole) and moves it down to its place. */
function siftDown(group: Group, i: number, f: Filed, rank: number): void {
  const { filed, ranks } = group;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= filed.length) break;
    const r = l + 1;
    const m = r < filed.length && ranks[r]! < ranks[l]! ? r : l;
    const childRank = ranks[m]!;
    if (childRank >= rank) break;
    const c = filed[m]!;
    filed[i] = c;
    ranks[i] = childRank;
    c.at = i;
    i = m;
  }
  filed[i] = f;
  ranks[i] = rank;
  f.at = i;
}

function pushFrontier(frontier: number[], ranks: number[], at: number): void {
  frontier.push(at);
  let i = frontier.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (ranks[frontier[parent]!]! <= ranks[at]!) break;
    frontier[i] = frontier[parent]!;
    i = parent;
  }
  frontier[i] = at;
}

function popFrontier(frontier: number[], ranks: number[]): number {
  const top = frontier[0]!;
  const last = frontier.pop()!;
  if (frontier.length > 0) {
    const rank = ranks[last]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= frontier.length) break;
      const r = l + 1;
      const m = r < frontier.length && ranks[frontier[r]!]! < ranks[frontier[l]!]! ? r : l;
      if (ranks[frontier[m]!]! >= rank) break;
      frontier[i] = frontier[m]!;
      i = m;
    }
    frontier[i] = last;
  }
  return top;
}
