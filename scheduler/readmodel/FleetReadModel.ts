/**
 * The read side of the scheduler's state that the HTTP API, the metrics, the FinOps ledger and the dashboard
 * consume. The scheduler service adapts its in-memory state to this shape; tests drive it with a fake. Keeping
 * the port this small lets those components be built and tested without the placement engine or the store.
 */

import type { JobState } from "../store/JobRecord.ts";

export type NodeState = "Ready" | "NotReady" | "Draining";
export type SharingMode = "whole" | "mig" | "shared";
export type SliceKind = "mig" | "shared" | "whole";
/** The scheduler's own job states: Scheduled (placed, not started yet), Preempted and Lost are shown as they are. */
export type { JobState } from "../store/JobRecord.ts";

export interface FleetSlice {
  /** Stable id of the slice within the fleet, e.g. `node-a/GPU-1234/mig-3`. */
  id: string;
  kind: SliceKind;
  /** MIG profile name (`3g.40gb`) for MIG slices. */
  profile?: string;
  /** MIG placement start, in memory slices; the instance spans the profile's `memorySlices`. */
  placementStart?: number;
  gpuInstanceId?: number;
  computeInstanceId?: number;
  migUuid?: string;
  /** The part of the GPU this slice stands for, 0 < share <= 1: what GPU-hours and cost are weighted by. */
  share: number;
  /** The job holding the slice, if any. */
  jobId?: string;
  /** Held by another tenant's job: what a non-admin sees instead of `jobId` (see OtherTenants). */
  otherTenant?: boolean;
  /**
   * A MIG instance that MPS shares run on (docs/mps.md): one `shared` slice per share job, each naming the instance
   * (`profile`, `placementStart`, `migUuid`) with its part of the instance's `share`. The instance has no `jobId`.
   */
  shares?: FleetSlice[];
}

/** The slices jobs hold in `slice`: the share jobs of a shared MIG instance, else the slice itself. */
export function heldParts(slice: FleetSlice): FleetSlice[] {
  return slice.shares ?? [slice];
}

/** Whether anything holds the slice (capacity counts a shared MIG instance whole, as the engine does). */
export function sliceTaken(slice: FleetSlice): boolean {
  return slice.jobId !== undefined || slice.otherTenant === true || slice.shares !== undefined;
}

export interface FleetGpu {
  uuid: string;
  index: number;
  /** Catalog id (`H100-SXM5-80GB`), see proto/catalog/gpu-models.json. */
  modelId: string;
  /** NVML product name (`NVIDIA H100 80GB HBM3`), the `modelName` label DCGM exporter uses. */
  modelName: string;
  memoryMiB: number;
  sharingMode: SharingMode;
  /**
   * For a shared GPU: `mps` when its node runs MPS (limits enforced), `time-sliced` when not (GPU memory is not
   * isolated between the shares); absent when the node has not said.
   */
  shareIsolation?: "mps" | "time-sliced";
  /** False while the GPU takes no new work (an Xid, fallen off the bus, NVML errors); see `unhealthyReason`. */
  healthy: boolean;
  unhealthyReason?: string;
  slices: FleetSlice[];
}

export interface FleetNode {
  name: string;
  state: NodeState;
  labels: Record<string, string>;
  /** Host CPU and memory the agent reported, when known (what-if replays place pods' CPU and memory too). */
  cpuMillis?: number;
  memoryMiB?: number;
  gpus: FleetGpu[];
}

export interface FleetJob {
  id: string;
  name: string;
  tenant: string;
  queue: string;
  priority: number;
  kind: string;
  state: JobState;
  /** What the job asked for, in words (`3g.40gb`, `2 GPUs`, `memoryMiB=8192 computePercent=25`). */
  request: string;
  /** The OCI image a container job runs in; absent for a job on the host. */
  image?: string;
  /** Milliseconds since the epoch. */
  submittedAt: number;
  startedAt?: number;
  finishedAt?: number;
  /** Why a pending job is not placed, in the scheduler's words. */
  reason?: string;
  /** Slice ids the job holds while it runs. */
  sliceIds: string[];
  /** Every lifecycle step, oldest first (absent where the read model keeps none). */
  transitions?: FleetJobTransition[];
  /** A gang's members by rank (absent for other jobs). */
  members?: FleetJobMember[];
  /** Which member brought a failed gang down: `rank 1 on node-b: exited with code 3`. */
  failedMember?: string;
}

export interface FleetJobTransition {
  /** Empty for the first step (submitted). */
  from: string;
  to: JobState;
  at: number;
  reason: string;
}

/** One member of a gang: its rank's process on one node. */
export interface FleetJobMember {
  rank: number;
  node: string;
  /** Scheduled, Running, Succeeded, Failed, Stopped (ended with its gang), or the job's state. */
  state: string;
  /** How its process ended: `exited with code 3`, `killed by SIGTERM`. */
  detail?: string;
  /** Its output file on its node; the job's logs route with `rank` serves it. */
  logPath?: string;
  gpus: FleetMemberGpu[];
}

export interface FleetMemberGpu {
  index: number;
  modelId: string;
  kind: SliceKind;
  /** MIG profile of a `mig` slice. */
  profile?: string;
  /** Part of the GPU, 0 < share <= 1. */
  share: number;
}

export interface FleetSnapshot {
  nodes: FleetNode[];
  jobs: FleetJob[];
}

export interface FleetReadModel {
  snapshot(): FleetSnapshot;
  /**
   * `snapshot` with only the jobs that hold a slice (FinOps follows slices, and a long history of ended jobs would
   * cost it a rebuild of every one each time); a read model without it is read whole.
   */
  heldSnapshot?(): FleetSnapshot;
  /** One job as `snapshot` shows it, ended or not. */
  job?(id: string): FleetJob | undefined;
  /** Calls `listener` after every committed change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
  /** Calls `listener` with each job as it changes (watchers follow these instead of rescanning every job). */
  onJobChange(listener: (job: FleetJob) => void): () => void;
}
