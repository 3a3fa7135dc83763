import type { Unschedulable } from "./Placement.ts";

/** Counts, per reason, the nodes that rejected a request, and folds them into one kube-scheduler-style sentence. */
export class UnschedulableReasons {
  private readonly counts = new Map<string, number>();

  add(reason: string, nodes: number): void {
    if (nodes > 0) this.counts.set(reason, (this.counts.get(reason) ?? 0) + nodes);
  }

  /** `0/5 nodes are available: 3 insufficient GPU memory, 2 not an allowed GPU model.` */
  fold(nodesTotal: number): Unschedulable {
    const sorted = [...this.counts].sort(([ra, a], [rb, b]) => b - a || (ra < rb ? -1 : 1));
    const detail = sorted.map(([reason, n]) => `${n} ${reason}`).join(", ");
    const message =
      nodesTotal === 0
        ? "0/0 nodes are available: the cluster has no nodes."
        : `0/${nodesTotal} nodes are available: ${detail}.`;
    return { message, reasons: Object.fromEntries(sorted), nodesTotal };
  }
}
