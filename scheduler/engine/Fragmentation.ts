import { packedGpu, packedGpuStride } from "./PackedGpuStates.ts";
import type { TargetWorkload, TaskType } from "./TargetWorkload.ts";

/** A node's GPUs and CPU as the fragmentation measure sees them. */
export interface FragmentationInput {
  /** Free thousandths per GPU. */
  free: readonly number[];
  /** Model per GPU, same order (shared between nodes: `NodeState.orderedModels`). */
  models: readonly string[];
  cpuFree: number;
}

function fits(t: TaskType, free: number, model: string): boolean {
  return free > 0 && free >= t.milliPerGpu && (t.allowedModels === null || t.allowedModels.has(model));
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
    if (fits(t, f, n.models[i]!)) fitting++;
    else small += f;
  }
  if (t.gpuCount === 0 || n.cpuFree < t.cpuMilli || fitting < t.gpuCount) return idle;
  return small;
}

/**
 * Free GPU on the GPUs that fit a type that the type can still use. FGD counts all of it once the node has the CPU
 * for one pod. With `cpuCoverMilli` > 0 (Tessera) the node's free CPU caps it: free CPU / the type's CPU pods, each
 * credited `cpuCoverMilli` per GPU it asks, so idle GPU beside too little CPU counts as stranded.
 */
function usableFree(fittingFree: number, cpuFree: number, t: TaskType, cpuCoverMilli: number): number {
  if (cpuCoverMilli === 0 || t.cpuMilli === 0) return fittingFree;
  return Math.min(fittingFree, (cpuFree / t.cpuMilli) * t.gpuCount * cpuCoverMilli);
}

/** Expected fragmentation of a node under the target workload: sum over types of weight x fragmentation. */
export function expectedFragmentation(n: FragmentationInput, workload: TargetWorkload): number {
  let sum = 0;
  for (const t of workload.types) sum += t.weight * taskFragmentation(n, t);
  return sum;
}

/**
 * A node's fragmentation statistics: per task type how many GPUs fit it and how much free GPU they hold, enough to
 * update cheaply. One record with one array of numbers, so that scoring a class reads few objects.
 */
export interface FragmentationStats {
  /** Whose statistics these are (a policy's tag: `NodeClass.derived`). */
  readonly tag: string;
  /** Model per GPU, shared between nodes with the same models in the same order. */
  readonly models: readonly string[];
  readonly cpuFree: number;
  readonly idle: number;
  readonly expected: number;
  /**
   * Per task type k: the GPUs that fit it at [2k], the free thousandths on them at [2k + 1]; then the free
   * thousandths of GPU i at [2 x types + i].
   */
  readonly counts: readonly number[];
}

export function fragmentationStats(
  n: FragmentationInput,
  workload: TargetWorkload,
  cpuCoverMilli = 0,
  tag = "",
): FragmentationStats {
  const types = workload.types;
  // Plain arrays: small typed arrays get off-heap backing stores, which made allocation and GC the hot spot.
  const counts: number[] = new Array(2 * types.length + n.free.length).fill(0);
  let idle = 0;
  for (let i = 0; i < n.free.length; i++) {
    idle += n.free[i]!;
    counts[2 * types.length + i] = n.free[i]!;
  }
  let expected = 0;
  for (let k = 0; k < types.length; k++) {
    const t = types[k]!;
    let fitting = 0;
    let fittingFree = 0;
    for (let i = 0; i < n.free.length; i++) {
      const f = n.free[i]!;
      if (fits(t, f, n.models[i]!)) {
        fitting++;
        fittingFree += f;
      }
    }
    counts[2 * k] = fitting;
    counts[2 * k + 1] = fittingFree;
    const frag =
      t.gpuCount === 0 || n.cpuFree < t.cpuMilli || fitting < t.gpuCount
        ? idle
        : idle - usableFree(fittingFree, n.cpuFree, t, cpuCoverMilli);
    expected += t.weight * frag;
  }
  return { tag, models: n.models, cpuFree: n.cpuFree, idle, expected, counts };
}

/**
 * Expected fragmentation after taking `picks` (GPU position, thousandths) and `cpuMilli` from a node, from its
 * stats in O(types x picks) instead of O(types x GPUs).
 */
export function expectedFragmentationAfter(
  stats: FragmentationStats,
  workload: TargetWorkload,
  picks: readonly { pos: number; milli: number }[],
  cpuMilli: number,
  cpuCoverMilli = 0,
): number {
  const types = workload.types;
  const { models, counts } = stats;
  const freeAt = 2 * types.length;
  let idle = stats.idle;
  for (const p of picks) idle -= p.milli;
  const cpuFree = stats.cpuFree - cpuMilli;
  let expected = 0;
  for (let k = 0; k < types.length; k++) {
    const t = types[k]!;
    if (t.gpuCount === 0 || cpuFree < t.cpuMilli) {
      expected += t.weight * idle;
      continue;
    }
    let fitting = counts[2 * k]!;
    let fittingFree = counts[2 * k + 1]!;
    for (let j = 0; j < picks.length; j++) {
      const p = picks[j]!;
      const before = counts[freeAt + p.pos]!;
      const model = models[p.pos]!;
      if (fits(t, before, model)) {
        fitting--;
        fittingFree -= before;
      }
      const after = before - p.milli;
      if (fits(t, after, model)) {
        fitting++;
        fittingFree += after;
      }
    }
    expected +=
      t.weight * (fitting < t.gpuCount ? idle : idle - usableFree(fittingFree, cpuFree, t, cpuCoverMilli));
  }
  return expected;
}

/** The fragmentation view of a node now, from its packed GPU states (no GPU object is read). */
export function fragmentationInput(node: {
  packedGpus: readonly number[];
  orderedModels: readonly string[];
  cpuFree: number;
}): FragmentationInput {
  const free: number[] = [];
  for (let at = 0; at < node.packedGpus.length; at += packedGpuStride)
    free.push(node.packedGpus[at + packedGpu.freeMilli]!);
  return { free, models: node.orderedModels, cpuFree: node.cpuFree };
}
