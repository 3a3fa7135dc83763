import type { MigInstanceSpec, SharingMode } from "./ClusterSpec.ts";

/**
 * What the agent does to one GPU for a placement.
 * - `share`: add a share of `milli` thousandths and `memoryMiB` on a GPU in `shared` mode; `switchFrom` is set
 *   when an idle GPU becomes shared first (its MPS daemon or time-slicing), as for `whole`. With `migInstance`,
 *   the share goes onto that existing MIG instance of a GPU in `mig` mode instead (MPS on MIG); `milli` stays in
 *   thousandths of the whole GPU.
 * - `whole`: hand over the whole GPU; `switchFrom` is set when an idle GPU leaves another mode first
 *   (e.g. MIG disabled for a VM).
 * - `mig`: `reuse` a free instance at `start`, `create` one there, or `repartition` an idle GPU to `layout`
 *   (the complete new list of instances, the new one included).
 */
export type GpuAssignment =
  | {
      kind: "share";
      gpuIndex: number;
      gpuUuid: string;
      milli: number;
      memoryMiB: number;
      switchFrom?: SharingMode;
      migInstance?: { profile: string; start: number };
    }
  | { kind: "whole"; gpuIndex: number; gpuUuid: string; switchFrom?: SharingMode }
  | {
      kind: "mig";
      gpuIndex: number;
      gpuUuid: string;
      profile: string;
      start: number;
      action: "reuse" | "create" | "repartition";
      layout?: MigInstanceSpec[];
    };

/** A decision: exactly what to do to carry out one request. `place` returns it, `commit` applies it. */
export interface Placement {
  requestId: string;
  node: string;
  cpuMilli: number;
  memoryMiB: number;
  gpus: GpuAssignment[];
  /** The winning score under the engine's policy (higher is better). */
  score: number;
}

/** Why a request fits nowhere: counts of nodes per reason, folded into one sentence. */
export interface Unschedulable {
  /** e.g. `0/5 nodes are available: 3 insufficient GPU memory, 2 not an allowed GPU model.` */
  message: string;
  reasons: Record<string, number>;
  nodesTotal: number;
}

export type PlaceResult = { ok: true; placement: Placement } | { ok: false; unschedulable: Unschedulable };

export type GangResult =
  | { ok: true; placements: Placement[] }
  | { ok: false; unschedulable: Unschedulable; memberId: string };
