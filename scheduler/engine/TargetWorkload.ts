import type { GpuDemand, PlacementRequest } from "./PlacementRequest.ts";

/** One task type of the expected workload and how often it occurs. */
export interface TaskType {
  cpuMilli: number;
  gpuCount: number;
  /** Thousandths of each GPU (1000 for whole GPUs; MIG requests by their compute share). */
  milliPerGpu: number;
  allowedModels: ReadonlySet<string> | null;
  /** Popularity; the weights of a workload sum to 1. */
  weight: number;
}

/** Thousandths of a GPU per GPU a demand takes; a MIG profile `Ng.*` counts as N sevenths. */
export function demandMilliPerGpu(demand: GpuDemand): number {
  switch (demand.kind) {
    case "none":
      return 0;
    case "share":
      return demand.milli;
    case "whole":
      return 1000;
    case "slice":
      return Math.round((demand.computeSevenths * 1000) / 7);
    case "mig": {
      const sevenths = Number.parseInt(demand.profile, 10);
      return Number.isFinite(sevenths) ? Math.round((Math.min(sevenths, 7) * 1000) / 7) : 1000;
    }
  }
}

function typeKey(r: PlacementRequest): string {
  const g = r.gpu;
  const count = g.kind === "none" ? 0 : g.kind === "whole" ? g.count : 1;
  const models =
    r.allowedModels && r.allowedModels.length > 0 ? [...new Set(r.allowedModels)].sort().join("|") : "";
  return `${r.cpuMilli}/${count}/${demandMilliPerGpu(g)}/${models}`;
}

/**
 * The expected workload: requests grouped by (cpu, GPU count, milli per GPU, allowed models) with their
 * popularity. `typical(0.95)` is FGD's target workload: the most popular groups that together cover 95% of the
 * requests, re-weighted to sum to 1.
 */
export class TargetWorkload {
  readonly types: readonly TaskType[];

  constructor(types: readonly TaskType[]) {
    this.types = types;
  }

  /** Every group, most popular first (ties in a stable order, so runs are reproducible). */
  static fromRequests(requests: Iterable<PlacementRequest>): TargetWorkload {
    const groups = new Map<string, { sample: PlacementRequest; count: number }>();
    let total = 0;
    for (const r of requests) {
      total++;
      const key = typeKey(r);
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { sample: r, count: 1 });
    }
    const sorted = [...groups.entries()].sort(([ka, a], [kb, b]) => b.count - a.count || (ka < kb ? -1 : 1));
    return new TargetWorkload(
      sorted.map(([, { sample, count }]) => {
        const g = sample.gpu;
        const allowed = sample.allowedModels;
        return {
          cpuMilli: sample.cpuMilli,
          gpuCount: g.kind === "none" ? 0 : g.kind === "whole" ? g.count : 1,
          milliPerGpu: demandMilliPerGpu(g),
          allowedModels: allowed && allowed.length > 0 ? new Set(allowed) : null,
          weight: count / total,
        };
      }),
    );
  }

  /** The most popular types that together cover `coverage` of the requests, re-weighted to sum to 1. */
  typical(coverage = 0.95): TargetWorkload {
    const kept: TaskType[] = [];
    let covered = 0;
    for (const t of this.types) {
      if (covered >= coverage - 1e-12) break;
      kept.push(t);
      covered += t.weight;
    }
    return new TargetWorkload(kept.map((t) => ({ ...t, weight: t.weight / covered })));
  }
}
