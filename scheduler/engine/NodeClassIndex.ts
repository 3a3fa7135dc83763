import type { GpuOption } from "./GpuOptions.ts";
import type { NodeState } from "./NodeState.ts";

/** What evaluating a request on a class of nodes gave: a reason it does not fit, or the best option and score. */
export type Evaluation = { fits: false; reason: string } | { fits: true; score: number; option: GpuOption };

/**
 * Nodes in exactly the same state (shape, free resources, GPU states in canonical order). They are
 * interchangeable for placement, so a request is filtered and scored once per class, not once per node, and the
 * result is remembered until a member changes (the member then moves to another class).
 */
export interface NodeClass {
  readonly key: string;
  readonly members: NodeState[];
  /** Evaluations by request signature; valid for the lifetime of the class because its state is fixed. */
  readonly memo: Map<string, Evaluation>;
  /** Per-policy values derived from the class state alone (e.g. its expected fragmentation). */
  readonly derived: Map<string, number>;
}

/** Groups nodes into equivalence classes and keeps the groups current as nodes change. */
export class NodeClassIndex {
  private readonly byKey = new Map<string, NodeClass>();
  private memoLimit: number;

  constructor(memoLimit = 4096) {
    this.memoLimit = memoLimit;
  }

  get classCount(): number {
    return this.byKey.size;
  }

  classes(): IterableIterator<NodeClass> {
    return this.byKey.values();
  }

  /** Files `node` under the class of its current state; call after every change to the node. */
  update(node: NodeState): void {
    const key = node.classKey();
    const old = node.klass;
    if (old && old.key === key) return;
    if (old) this.remove(node);
    let klass = this.byKey.get(key);
    if (!klass) {
      klass = { key, members: [], memo: new Map(), derived: new Map() };
      this.byKey.set(key, klass);
    }
    node.klass = klass;
    node.classSlot = klass.members.length;
    klass.members.push(node);
  }

  /** Takes `node` out of the index (the node leaves the cluster). */
  remove(node: NodeState): void {
    const klass = node.klass!;
    const last = klass.members.pop()!;
    if (last !== node) {
      klass.members[node.classSlot] = last;
      last.classSlot = node.classSlot;
    }
    node.klass = undefined;
    node.classSlot = -1;
    if (klass.members.length === 0) this.byKey.delete(klass.key);
  }

  /** Forgets every remembered evaluation, e.g. when a policy's view of the workload changes. */
  clearMemos(): void {
    for (const klass of this.byKey.values()) {
      klass.memo.clear();
      klass.derived.clear();
    }
  }

  /** Bounds memo growth for request streams with many distinct shapes. */
  remember(klass: NodeClass, signature: string, evaluation: Evaluation): void {
    if (klass.memo.size >= this.memoLimit) klass.memo.clear();
    klass.memo.set(signature, evaluation);
  }
}
