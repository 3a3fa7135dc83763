// Original file: proto/tessera/v1/node.proto


/**
 * One GPU as the agent discovered it through NVML.
 */
export interface GpuInventory {
  'uuid'?: (string);
  'index'?: (number);
  /**
   * NVML name, e.g. `NVIDIA H100 80GB HBM3`, and the catalog id it resolves to.
   */
  'name'?: (string);
  'model'?: (string);
  'memoryMib'?: (number);
  'pciBusId'?: (string);
  'migCapable'?: (boolean);
  /**
   * UUIDs of GPUs on this node reachable over an active NVLink.
   */
  'nvlinkPeers'?: (string)[];
  /**
   * The GPU's IOMMU group on its host (decimal, from sysfs); empty when unknown or the IOMMU is off. GPUs that
   * share a group can only be passed to a VM together.
   */
  'iommuGroup'?: (string);
}

/**
 * One GPU as the agent discovered it through NVML.
 */
export interface GpuInventory__Output {
  'uuid': (string);
  'index': (number);
  /**
   * NVML name, e.g. `NVIDIA H100 80GB HBM3`, and the catalog id it resolves to.
   */
  'name': (string);
  'model': (string);
  'memoryMib': (number);
  'pciBusId': (string);
  'migCapable': (boolean);
  /**
   * UUIDs of GPUs on this node reachable over an active NVLink.
   */
  'nvlinkPeers': (string)[];
  /**
   * The GPU's IOMMU group on its host (decimal, from sysfs); empty when unknown or the IOMMU is off. GPUs that
   * share a group can only be passed to a VM together.
   */
  'iommuGroup': (string);
}
