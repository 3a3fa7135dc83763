/** Devices the kubelet gave to one container through the node's device plugin. */
export interface KubeletHold {
  /** Extended resource, e.g. `nvidia.com/mig-1g.10gb`. */
  resourceName: string;
  /** `gpu`, `mig`, `shared` or `vfio`. */
  kind: string;
  deviceIds: readonly string[];
  /** The physical GPUs behind them. */
  gpuUuids: readonly string[];
}

/**
 * What the kubelet holds on this node, as the agent reports it so the scheduler keeps Tessera jobs off it. The
 * device plugin implements it; the agent knows only this interface.
 */
export interface KubeletHolds {
  current(): readonly KubeletHold[];
}
