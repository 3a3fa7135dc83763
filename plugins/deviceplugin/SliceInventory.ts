/**
 * What the device plugin advertises comes from here: the node's GPUs as the agent holds them right now, each with
 * its own use (whole, MIG instances, shared replicas, or handed to VMs through VFIO) and health. Every change is
 * delivered as a whole new snapshot, so the plugin reconciles from the full state and never from deltas.
 */
export type SliceHealth = "Healthy" | "Unhealthy";

export interface MigInstance {
  /** `MIG-<uuid>`, the ID containers see in NVIDIA_VISIBLE_DEVICES. */
  uuid: string;
  /** NVIDIA's profile name, e.g. `1g.10gb`, `1g.10gb+me`. */
  profile: string;
  gpuInstanceId: number;
  computeInstanceId: number;
  health: SliceHealth;
}

/** A GPU shared by MPS clients; each replica is one container's share with its own memory limit. */
export interface SharedUse {
  mode: "shared";
  replicas: number;
  /** Device memory each replica may pin (CUDA_MPS_PINNED_DEVICE_MEM_LIMIT). */
  memoryMiBPerReplica: number;
  /** Share of the SMs each replica may use (CUDA_MPS_ACTIVE_THREAD_PERCENTAGE). */
  computePercentPerReplica: number;
  /** How many replicas of this GPU one container may take; a larger request is refused. */
  maxReplicasPerContainer: number;
}

export type GpuUse =
  | { mode: "whole" }
  | { mode: "mig"; instances: MigInstance[] }
  | SharedUse
  /** Bound to vfio-pci and handed to a VM whole; `iommuGroup` names `/dev/vfio/<group>`. */
  | { mode: "vfio"; iommuGroup: number };

export interface InventoryGpu {
  /** `GPU-<uuid>`. */
  uuid: string;
  index: number;
  /** GPU catalog id (`H100-SXM5-80GB`) or, for a model the catalog lacks, NVML's name. */
  model: string;
  memoryMiB: number;
  /** PCI address as NVML prints it (`00000000:65:00.0`) or in the short `0000:65:00.0` form. */
  pciBusId: string;
  /** NUMA node of the GPU's PCI root, or null when the host does not say. */
  numaNode: number | null;
  /** UUIDs of the GPUs this one reaches over NVLink, with the number of links to each. */
  nvlinkPeers: Record<string, number>;
  health: SliceHealth;
  use: GpuUse;
}

export interface NodeInventory {
  gpus: InventoryGpu[];
}

export interface SliceInventory {
  current(): NodeInventory;
  /** Calls `listener` with the whole new snapshot after every change; returns the unsubscribe function. */
  subscribe(listener: (inventory: NodeInventory) => void): () => void;
}
