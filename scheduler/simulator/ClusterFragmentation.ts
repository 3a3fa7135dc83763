import { expectedFragmentation, fragmentationInput } from "../engine/Fragmentation.ts";
import type { NodeState } from "../engine/NodeState.ts";
import type { TargetWorkload } from "../engine/TargetWorkload.ts";

/** FGD's cluster fragmentation (sum of node fragmentation), kept current node by node as placements land. */
export class ClusterFragmentation {
  private readonly perNode = new Map<NodeState, number>();
  private total = 0;
  private idle = 0;

  constructor(
    nodes: Iterable<NodeState>,
    private readonly workload: TargetWorkload,
  ) {
    for (const n of nodes) this.add(n);
  }

  private add(node: NodeState): void {
    const f = expectedFragmentation(fragmentationInput(node), this.workload);
    this.perNode.set(node, f);
    this.total += f;
    this.idle += node.gpuFreeMilli;
  }

  /** Call after `node` changed; `idleBefore` is its free GPU thousandths before the change. */
  update(node: NodeState, idleBefore: number): void {
    this.total -= this.perNode.get(node) ?? 0;
    this.idle -= idleBefore;
    this.add(node);
  }

  /** Fragmented GPU thousandths. */
  get fragmentedMilli(): number {
    return this.total;
  }

  /** Idle GPU thousandths. */
  get idleMilli(): number {
    return this.idle;
  }
}
