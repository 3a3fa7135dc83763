/** What a job needs from GPUs on one node. */
export type GpuDemand =
  | { kind: "none" }
  /** A fraction of one GPU: `milli` thousandths of its compute and `memoryMiB` of its memory. */
  | { kind: "share"; milli: number; memoryMiB: number }
  /** A MIG instance of a named profile, e.g. `3g.40gb`. */
  | { kind: "mig"; profile: string }
  /** Model-agnostic MIG slice: maps to the smallest fitting profile on each GPU model. */
  | { kind: "slice"; memoryMiB: number; computeSevenths: number }
  /**
   * `count` whole GPUs on one node; `nvlink` says whether they must (or should) be NVLink peers. `passthrough`
   * (a VM's GPUs, handed over with VFIO): every GPU of a picked GPU's IOMMU group must be free and is picked too.
   */
  | { kind: "whole"; count: number; nvlink?: NvlinkPreference; passthrough?: boolean };

export type NvlinkPreference = "none" | "preferred" | "required";

export interface PlacementRequest {
  /** Becomes the allocation id on commit; unique among live allocations. */
  id: string;
  cpuMilli: number;
  memoryMiB: number;
  gpu: GpuDemand;
  /** GPU models the job may run on (catalog ids or trace names); absent or empty means any. */
  allowedModels?: readonly string[];
  /** Labels the node must carry with exactly these values. */
  nodeSelector?: Readonly<Record<string, string>>;
  /** The job runs in an OCI container: its node needs a container runtime. */
  container?: boolean;
}

/**
 * A gang: every member on a distinct node, all placed or none (M nodes x N GPUs). Its members' GPUs are all of one
 * model (any one the members allow) unless `mixedModels` lets each member take any model it allows.
 */
export interface GangRequest {
  id: string;
  members: readonly PlacementRequest[];
  mixedModels?: boolean;
}

/** A gang of `nodes` members that each need `gpusPerNode` whole GPUs plus the given CPU and memory. */
export function gangOfWholeGpus(
  id: string,
  nodes: number,
  gpusPerNode: number,
  perNode: Omit<PlacementRequest, "id" | "gpu">,
  nvlink: NvlinkPreference = "none",
  mixedModels = false,
): GangRequest {
  const members: PlacementRequest[] = [];
  for (let i = 0; i < nodes; i++) {
    members.push({ ...perNode, id: `${id}/${i}`, gpu: { kind: "whole", count: gpusPerNode, nvlink } });
  }
  return mixedModels ? { id, members, mixedModels } : { id, members };
}
