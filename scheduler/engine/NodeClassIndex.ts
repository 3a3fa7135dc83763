import type { GpuOption } from "./GpuOptions.ts";
import type { NodeState } from "./NodeState.ts";

/** What evaluating a request on a class of nodes gave: a reason it does not fit, or the best option and score. */
export type Evaluation = { fits: false; reason: string } | { fits: true; score: number; option: GpuOption };

/** A ranking's entry for a class, kept current by the index instead of being found stale later. */
export interface ClassEntry {
  /** The class's next entry (another ranking's): a class holds its entries as a list through them. */
  nextEntry: ClassEntry | undefined;
  /** The class's last member left: leave the ranking now. */
  classDied(): void;
  /** The class's first member in node order changed (`byRank[0]`): re-file under its rank. */
  firstMemberChanged(): void;
}

/**
 * Nodes in exactly the same state (shape, free resources, GPU states in canonical order). They are
 * interchangeable for placement, so a request is filtered and scored once per class, not once per node, and the
 * result is remembered until a member changes (the member then moves to another class).
 */
export interface NodeClass {
  /** The node state the class stands for, with interned parts (see `NodeClassIndex.classKey`). */
  key: string;
  readonly members: NodeState[];
  /** The same members as a min-heap by `tieRank`: the first in node order is `byRank[0]`. */
  readonly byRank: NodeState[];
  /**
   * `byRank[0]`, kept on the class itself: the member whose state evaluations read (any member's is the class's)
   * and whose rank files the class, without a wait on the heap's memory.
   */
  head: NodeState;
  /** `head.tieRank`, on the class: rankings file and compare classes by it without a wait on the head's memory. */
  headRank: number;
  /**
   * Rejections by interned request signature (made on the first); valid for the lifetime of the class (its state
   * is fixed). A class that fits a signature is remembered by that signature's ranking instead.
   */
  memo: (Evaluation | undefined)[] | undefined;
  /**
   * The first of the rankings' entries for this class (node-order rankings, linked by `nextEntry`), told when it
   * dies or its first member changes. A list through the entries: filing one needs no array of the class's.
   */
  entries: ClassEntry | undefined;
  /**
   * A value the policy derived from the class state alone (e.g. its fragmentation statistics), carrying the tag it
   * chose: one slot, since an engine has one policy (a value under another tag replaces it).
   */
  derived: { readonly tag: string } | undefined;
  /** Capacity summary for quick rejection before any plugin runs. */
  readonly cpuFree: number;
  /**
   * Host memory free on every member when the index keys classes by it (`hostMemory: "inKey"`); undefined when
   * members differ in it and each is checked on its own (`EligibleMembers.ts`).
   */
  readonly memFree: number | undefined;
  /** Largest free share of any GPU in shared mode, or 1000 with an idle GPU (which can become shared). */
  readonly maxShareFree: number;
  /** GPUs with nothing allocated. */
  readonly idleGpus: number;
  /** Largest free share of a MIG instance that holds shares (0 without one). */
  readonly sharedInstanceRoom: number;
  /** Largest share a MIG instance could take: a shared one's room, or a free one's thousandths. */
  readonly instanceRoom: number;
  /** Position in the index's class list, for O(1) removal. */
  slot: number;
  /** Creation order, for `firstCreatedAt`. */
  readonly serial: number;
  /** Position in the index's creation log (moves when the log is compacted). */
  logAt: number;
  /** False once the last member left; rankings that are not told drop it lazily. */
  alive: boolean;
}

/**
 * What a request needs of a class's capacity summary: classes short of it are passed over before any plugin runs.
 * `shareRoom` names the summary field a share is held against (`maxShareFree`, or a MIG instance's room).
 */
export interface ClassNeed {
  cpuMilli: number;
  shareMilli: number;
  shareRoom: "maxShareFree" | "sharedInstanceRoom" | "instanceRoom";
  idleGpus: number;
}

/**
 * The capacity summary of each class in the creation log, packed along the log: a catch-up passes over the classes
 * a request cannot use without touching their objects (each one a wait on memory at 64k GPUs). A dead class's CPU
 * is -1, below any request's.
 */
const summaryStride = 6;
const summaryField = {
  cpuFree: 0,
  maxShareFree: 1,
  sharedInstanceRoom: 2,
  instanceRoom: 3,
  idleGpus: 4,
  // Creation serial, for the binary search of `firstCreatedAt`.
  serial: 5,
} as const;

/**
 * Whether host memory is part of a class's state. No filter or score reads it (a decision checks it per member, as
 * gang exclusions), so `perMember` lets nodes that differ only in free memory share a class: fewer classes to
 * create and score. A random tie-break draws over classes, so there the classes stay apart (`inKey`) and its
 * draws stay what they were.
 */
export type HostMemory = "inKey" | "perMember";

/** Groups nodes into equivalence classes and keeps the groups current as nodes change. */
export class NodeClassIndex {
  private readonly byKey = new Map<string, NodeClass>();
  /**
   * Interned parts of class keys: a node's fixed part and each GPU's state key, as small numbers, so a class key
   * is short and built from the GPUs' cached keys instead of concatenating them all at every change.
   */
  private readonly staticIds = new Map<string, number>();
  private readonly gpuStateIds = new Map<string, number>();
  /** The live classes, densely packed for fast scans. */
  readonly list: NodeClass[] = [];
  /** Classes in creation order (dead ones are dropped when the log is compacted). */
  private log: NodeClass[] = [];
  /** Capacity summaries along `log` (`summaryField`), `summaryStride` numbers per class. */
  private summaries = new Float64Array(summaryStride * 256);
  /** Serial the next class gets. */
  nextSerial = 0;
  private readonly memoLimit: number;
  /** Live classes with room for a share on a shared MIG instance, and on any MIG instance: 0 skips those looks. */
  sharedInstanceClasses = 0;
  instanceClasses = 0;
  private readonly gpuStateLimit: number;
  private readonly memoryInKey: boolean;

  /** `gpuStateLimit`: GPU state keys interned before the numbering starts afresh. */
  constructor(hostMemory: HostMemory = "perMember", memoLimit = 4096, gpuStateLimit = 1 << 16) {
    this.memoryInKey = hostMemory === "inKey";
    this.memoLimit = memoLimit;
    this.gpuStateLimit = gpuStateLimit;
  }

  get classCount(): number {
    return this.list.length;
  }

  /** Files `node` under the class of its current state; call after every change to the node. */
  update(node: NodeState): void {
    node.reorder();
    const key = this.classKey(node);
    const old = node.klass;
    let klass = this.byKey.get(key);
    if (klass && klass === old) return;
    if (old) this.remove(node);
    if (klass) {
      node.classSlot = klass.members.length;
      klass.members.push(node);
      const wasFirst = klass.byRank[0]!;
      node.rankSlot = klass.byRank.length;
      klass.byRank.push(node);
      siftUp(klass.byRank, node.rankSlot);
      if (klass.byRank[0] !== wasFirst) {
        klass.head = klass.byRank[0]!;
        klass.headRank = klass.head.tieRank;
        firstMemberChanged(klass);
      }
    } else {
      klass = this.create(key, node);
      node.classSlot = 0;
      node.rankSlot = 0;
    }
    node.klass = klass;
    // Here every node is filed under its current state, so each class can be re-keyed from any member.
    if (this.gpuStateIds.size > this.gpuStateLimit) this.reintern();
  }

  /** A new class with `node` as its one member (arrays sized for one: most classes never get a second). */
  private create(key: string, node: NodeState): NodeClass {
    let maxShareFree = 0;
    let idleGpus = 0;
    let sharedInstanceRoom = 0;
    let instanceRoom = 0;
    for (const g of node.gpus) {
      if (g.mode === "shared" && g.freeMilli > maxShareFree) maxShareFree = g.freeMilli;
      if (g.idle) {
        idleGpus++;
        maxShareFree = 1000;
      }
      if (g.mode !== "mig") continue;
      for (const inst of g.mig) {
        if (inst.shares) sharedInstanceRoom = Math.max(sharedInstanceRoom, inst.shares.freeMilli);
        else if (inst.allocationId === undefined)
          instanceRoom = Math.max(instanceRoom, g.instanceMilli(inst.profile));
      }
    }
    instanceRoom = Math.max(instanceRoom, sharedInstanceRoom);
    const klass: NodeClass = {
      key,
      members: [node],
      byRank: [node],
      head: node,
      headRank: node.tieRank,
      memo: undefined,
      entries: undefined,
      derived: undefined,
      cpuFree: node.cpuFree,
      memFree: this.memoryInKey ? node.memFree : undefined,
      maxShareFree,
      idleGpus,
      sharedInstanceRoom,
      instanceRoom,
      slot: this.list.length,
      serial: this.nextSerial++,
      logAt: -1,
      alive: true,
    };
    this.byKey.set(key, klass);
    this.list.push(klass);
    if (sharedInstanceRoom > 0) this.sharedInstanceClasses++;
    if (instanceRoom > 0) this.instanceClasses++;
    this.appendToLog(klass);
    // Dead classes stay in the log until it is compacted, a quarter as many as live ones at most (plus a few):
    // a catch-up walks past each of them.
    if (this.log.length > this.list.length + (this.list.length >> 2) + 256) this.compactLog();
    return klass;
  }

  private appendToLog(klass: NodeClass): void {
    let at = this.log.length * summaryStride;
    if (at + summaryStride > this.summaries.length) {
      const grown = new Float64Array(this.summaries.length * 2);
      grown.set(this.summaries);
      this.summaries = grown;
    }
    klass.logAt = this.log.length;
    this.log.push(klass);
    const s = this.summaries;
    s[at++] = klass.cpuFree;
    s[at++] = klass.maxShareFree;
    s[at++] = klass.sharedInstanceRoom;
    s[at++] = klass.instanceRoom;
    s[at++] = klass.idleGpus;
    s[at] = klass.serial;
  }

  private compactLog(): void {
    const live = this.log.filter((k) => k.alive);
    this.log = [];
    for (const klass of live) this.appendToLog(klass);
  }

  /** Takes `node` out of the index (the node changes state or leaves the cluster). */
  remove(node: NodeState): void {
    const klass = node.klass!;
    const last = klass.members.pop()!;
    if (last !== node) {
      klass.members[node.classSlot] = last;
      last.classSlot = node.classSlot;
    }
    const heap = klass.byRank;
    const wasFirst = heap[0];
    const lastRanked = heap.pop()!;
    if (lastRanked !== node) {
      heap[node.rankSlot] = lastRanked;
      lastRanked.rankSlot = node.rankSlot;
      siftUp(heap, lastRanked.rankSlot);
      siftDown(heap, lastRanked.rankSlot);
    }
    node.klass = undefined;
    node.classSlot = -1;
    node.rankSlot = -1;
    if (klass.members.length === 0) {
      klass.alive = false;
      this.summaries[klass.logAt * summaryStride + summaryField.cpuFree] = -1;
      if (klass.sharedInstanceRoom > 0) this.sharedInstanceClasses--;
      if (klass.instanceRoom > 0) this.instanceClasses--;
      for (let entry = klass.entries; entry; entry = entry.nextEntry) entry.classDied();
      klass.entries = undefined;
      // Rankings that are not told and the log may still point at a dead class for a while: let go of what it
      // holds now (an emptied array keeps its capacity until its length is set).
      klass.members.length = 0;
      klass.byRank.length = 0;
      klass.memo = undefined;
      klass.derived = undefined;
      this.byKey.delete(klass.key);
      const moved = this.list.pop()!;
      if (moved !== klass) {
        this.list[klass.slot] = moved;
        moved.slot = klass.slot;
      }
    } else if (heap[0] !== wasFirst) {
      klass.head = heap[0]!;
      klass.headRank = klass.head.tieRank;
      firstMemberChanged(klass);
    }
  }

  /** The key of the class `node` belongs in; `node.ordered` must be current. */
  private classKey(node: NodeState): string {
    // Joined from a reused array: one flat string, not a chain of concatenations.
    const parts = keyParts;
    parts.length = 0;
    parts.push(intern(this.staticIds, node.staticKey), node.cpuFree);
    if (this.memoryInKey) parts.push(node.memTotal, node.memFree);
    for (const gpu of node.ordered) parts.push(intern(this.gpuStateIds, gpu.stateKey()));
    return parts.join("|");
  }

  /** Starts the interned numbers afresh (a long run meets ever new GPU states) and re-keys the live classes. */
  private reintern(): void {
    this.staticIds.clear();
    this.gpuStateIds.clear();
    this.byKey.clear();
    for (const klass of this.list) {
      klass.key = this.classKey(klass.head);
      this.byKey.set(klass.key, klass);
    }
  }

  /**
   * Calls `visit` with each live class created at or after `serial` whose summary meets `need`, in creation order.
   */
  forEachCreatedSince(serial: number, need: ClassNeed, visit: (klass: NodeClass) => void): void {
    const log = this.log;
    const s = this.summaries;
    const room = summaryField[need.shareRoom];
    const { cpuMilli, shareMilli, idleGpus } = need;
    for (
      let i = this.firstCreatedAt(serial), at = i * summaryStride;
      i < log.length;
      i++, at += summaryStride
    ) {
      if (s[at]! < cpuMilli || s[at + room]! < shareMilli || s[at + summaryField.idleGpus]! < idleGpus)
        continue;
      visit(log[i]!);
    }
  }

  /** Position in the creation log of the first class created at or after `serial`. */
  private firstCreatedAt(serial: number): number {
    // Serials increase along the log: binary search.
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.summaries[mid * summaryStride + summaryField.serial]! < serial) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Forgets every remembered evaluation and ranking entry, e.g. when a policy's view of the workload changes
   * (the rankings are dropped with it).
   */
  clearMemos(): void {
    for (const klass of this.list) {
      klass.memo = undefined;
      klass.entries = undefined;
      klass.derived = undefined;
    }
  }

  /** Remembers an evaluation; signatures past the limit (streams of ever new shapes) are not remembered. */
  remember(klass: NodeClass, signature: number, evaluation: Evaluation): void {
    if (signature >= this.memoLimit) return;
    klass.memo ??= [];
    klass.memo[signature] = evaluation;
  }
}

/** Scratch of `classKey`. */
const keyParts: number[] = [];

function intern(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

function firstMemberChanged(klass: NodeClass): void {
  for (let entry = klass.entries; entry; entry = entry.nextEntry) entry.firstMemberChanged();
}

function swap(heap: NodeState[], i: number, j: number): void {
  const a = heap[i]!;
  const b = heap[j]!;
  heap[i] = b;
  heap[j] = a;
  b.rankSlot = i;
  a.rankSlot = j;
}

function siftUp(heap: NodeState[], i: number): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]!.tieRank <= heap[i]!.tieRank) return;
    swap(heap, parent, i);
    i = parent;
  }
}

function siftDown(heap: NodeState[], i: number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && heap[l]!.tieRank < heap[m]!.tieRank) m = l;
    if (r < heap.length && heap[r]!.tieRank < heap[m]!.tieRank) m = r;
    if (m === i) return;
    swap(heap, m, i);
    i = m;
  }
}
