import type { TargetWorkload, TaskType } from "./TargetWorkload.ts";

/** A node's GPUs and CPU as the fragmentation measure sees them. */
export interface FragmentationInput {
  /** Free thousandths per GPU. */
  free: readonly number[];
  /** Model per GPU, same order. */
  models: readonly string[];
  cpuFree: number;
}

/**
 * FGD's fragmentation of a node for one task type, in GPU thousandths: all idle GPU when the type cannot run
 * there (CPU-only type, model not allowed, not enough CPU or GPUs), otherwise the idle GPU on GPUs too small for it.
 */
export function taskFragmentation(n: FragmentationInput, t: TaskType): number {
  let idle = 0;
  let small = 0;
  let fitting = 0;
  for (let i = 0; i < n.free.length; i++) {
    const f = n.free[i]!;
    idle += f;
    const allowed = t.allowedModels === null || t.allowedModels.has(n.models[i]!);
    if (allowed && f >= t.milliPerGpu && f > 0) fitting++;
    else small += f;
  }
  if (t.gpuCount === 0 || n.cpuFree < t.cpuMilli || fitting < t.gpuCount) return idle;
  return small;
}

/** Expected fragmentation of a node under the target workload: sum over types of weight x fragmentation. */
export function expectedFragmentation(n: FragmentationInput, workload: TargetWorkload): number {
  let sum = 0;
  for (const t of workload.types) sum += t.weight * taskFragmentation(n, t);
  return sum;
}

/** The fragmentation view of a node now, or after `option` were applied with `cpuMilli` taken. */
export function fragmentationInput(
  node: { ordered: readonly { freeMilli: number; model: string }[]; cpuFree: number },
  after?: { option: { picks: readonly { pos: number; milli: number }[] }; cpuMilli: number },
): FragmentationInput {
  const free = node.ordered.map((g) => g.freeMilli);
  const models = node.ordered.map((g) => g.model);
  let cpuFree = node.cpuFree;
  if (after) {
    for (const p of after.option.picks) free[p.pos] = free[p.pos]! - p.milli;
    cpuFree -= after.cpuMilli;
  }
  return { free, models, cpuFree };
}
