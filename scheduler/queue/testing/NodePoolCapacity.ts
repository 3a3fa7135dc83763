import type { CapacityModel, PlaceResult } from "../CapacityModel.ts";

/** Whole GPUs on one node (`nodes` absent or 1), or `nodes` x `gpus` as a gang. */
export interface PoolRequest {
  gpus: number;
  nodes?: number;
}

export type PoolAllocation = readonly { node: number; gpus: number }[];

/**
 * A stand-in for the placement engine in queue tests: nodes with a number of free GPUs, best fit.
 * Small enough to reason about by hand, so a test can say exactly which placements must exist.
 */
export class NodePoolCapacity implements CapacityModel<PoolRequest, PoolAllocation> {
  readonly free: number[];

  constructor(gpusPerNode: readonly number[]) {
    this.free = [...gpusPerNode];
  }

  place(request: PoolRequest): PlaceResult<PoolAllocation> {
    const nodes = request.nodes ?? 1;
    const chosen = this.free
      .map((free, node) => ({ free, node }))
      .filter((n) => n.free >= request.gpus)
      .sort((a, b) => a.free - b.free || a.node - b.node)
      .slice(0, nodes)
      .map((n) => n.node);
    if (chosen.length < nodes) {
      return {
        placed: false,
        reason: `0/${this.free.length} nodes can hold it: ${nodes} node(s) with ${request.gpus} free GPUs needed, ${chosen.length} have them`,
      };
    }
    const allocation = chosen.map((node) => ({ node, gpus: request.gpus }));
    this.restore(allocation);
    return { placed: true, allocation };
  }

  release(allocation: PoolAllocation): void {
    for (const part of allocation) this.free[part.node] = (this.free[part.node] ?? 0) + part.gpus;
  }

  restore(allocation: PoolAllocation): void {
    for (const part of allocation) {
      const left = (this.free[part.node] ?? 0) - part.gpus;
      if (left < 0) throw new Error(`node ${part.node} over-committed by ${-left} GPUs`);
      this.free[part.node] = left;
    }
  }

  freeGpus(): number {
    return this.free.reduce((a, b) => a + b, 0);
  }
}
