// Original file: proto/tessera/v1/node.proto


/**
 * One container's devices as the kubelet allocated them.
 */
export interface KubeletAllocation {
  /**
   * Extended resource, e.g. `nvidia.com/mig-1g.10gb`.
   */
  'resourceName'?: (string);
  /**
   * `gpu` (whole GPU), `mig`, `shared` (a replica) or `vfio` (a GPU for a VM).
   */
  'kind'?: (string);
  /**
   * Device IDs as the kubelet knows them (`GPU-…`, `MIG-…`, `GPU-…::N`, PCI addresses).
   */
  'deviceIds'?: (string)[];
  /**
   * The physical GPUs behind them.
   */
  'gpuUuids'?: (string)[];
}

/**
 * One container's devices as the kubelet allocated them.
 */
export interface KubeletAllocation__Output {
  /**
   * Extended resource, e.g. `nvidia.com/mig-1g.10gb`.
   */
  'resourceName': (string);
  /**
   * `gpu` (whole GPU), `mig`, `shared` (a replica) or `vfio` (a GPU for a VM).
   */
  'kind': (string);
  /**
   * Device IDs as the kubelet knows them (`GPU-…`, `MIG-…`, `GPU-…::N`, PCI addresses).
   */
  'deviceIds': (string)[];
  /**
   * The physical GPUs behind them.
   */
  'gpuUuids': (string)[];
}
