import type { DeviceKind } from "./AdvertisedResources.ts";

/** One container's devices as the kubelet allocated them, reported so the scheduler's view follows the kubelet's. */
export interface KubeletAllocation {
  resourceName: string;
  kind: DeviceKind;
  /** Device IDs as the kubelet knows them (GPU or MIG UUIDs, `UUID::N` replicas, PCI addresses). */
  deviceIds: string[];
  /** The physical GPUs behind those devices. */
  gpuUuids: string[];
  at: Date;
}

export interface AllocationSink {
  reportAllocation(allocation: KubeletAllocation): void;
  /** Every device ID the plugin advertises now, after each change of the node's slices. */
  advertised?(deviceIds: ReadonlySet<string>): void;
}
