/** How a GPU is currently carved: one tenant, MIG instances, or fractional shares (time-slicing / MPS). */
export type SharingMode = "whole" | "mig" | "shared";

/** One MIG GPU instance that exists on a GPU, free or in use. */
export interface MigInstanceSpec {
  /** NVIDIA profile name, e.g. `3g.40gb`. */
  profile: string;
  /** Placement start in memory slices. */
  start: number;
  /** Allocation id holding it; absent when the instance is free. */
  allocationId?: string;
}

export interface GpuSpec {
  uuid: string;
  index: number;
  /**
   * A catalog id (`H100-SXM5-80GB`) for real GPUs; trace GPUs carry free-form names (`G2`, `T4`, `P100`).
   * Only catalog models can be put in MIG mode.
   */
  model: string;
  /** Device memory; 0 when unknown (trace GPUs), then GPU-memory requests are not checked. */
  memoryMiB: number;
  /** Indices of the GPUs on the same node this one has an NVLink to. */
  nvlinkPeers?: readonly number[];
  /**
   * The GPU's IOMMU group on its node. GPUs that share a group can only be passed to a VM together; absent
   * means a group of its own.
   */
  iommuGroup?: number;
  mode: SharingMode;
  /** The MIG layout when `mode` is `mig`. */
  migInstances?: readonly MigInstanceSpec[];
  /** Why the GPU takes no new work (e.g. `xid 79: fallen off the bus`); absent while it is healthy. */
  unhealthy?: string;
}

export interface NodeSpec {
  name: string;
  cpuMilli: number;
  memoryMiB: number;
  labels?: Readonly<Record<string, string>>;
  gpus: readonly GpuSpec[];
  /** VM runtimes the node's agent found runnable; absent when the agent does not say (VM jobs are not filtered). */
  vmRuntimes?: readonly string[] | undefined;
  /** Container runtimes the node's agent can run (`podman`); absent when the agent does not say. */
  containerRuntimes?: readonly string[] | undefined;
}

export interface ClusterSpec {
  nodes: readonly NodeSpec[];
}
