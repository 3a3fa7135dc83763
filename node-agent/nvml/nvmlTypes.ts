/** Opaque NVML handles: koffi passes C pointers as bigint; the brands keep the kinds apart. */
export type DeviceHandle = bigint & { readonly __nvml: "device" };
export type GpuInstanceHandle = bigint & { readonly __nvml: "gpuInstance" };
export type ComputeInstanceHandle = bigint & { readonly __nvml: "computeInstance" };
export type EventSetHandle = bigint & { readonly __nvml: "eventSet" };

export interface PciInfo {
  /** `00000000:07:00.0` */
  busId: string;
  /** `0000:07:00.0` */
  busIdLegacy: string;
  domain: number;
  bus: number;
  device: number;
  /** device id << 16 | vendor id, e.g. 0x20B010DE */
  pciDeviceId: number;
  pciSubSystemId: number;
}

export interface MemoryInfo {
  totalBytes: number;
  freeBytes: number;
  usedBytes: number;
}

export interface MemoryInfoV2 extends MemoryInfo {
  reservedBytes: number;
}

export interface Utilization {
  gpuPercent: number;
  memoryPercent: number;
}

export interface ProcessInfo {
  pid: number;
  /** null when NVML reports NVML_VALUE_NOT_AVAILABLE */
  usedGpuMemoryBytes: number | null;
  /** null when the process is not on a MIG instance (0xFFFFFFFF) */
  gpuInstanceId: number | null;
  computeInstanceId: number | null;
}

export interface MigMode {
  current: boolean;
  pending: boolean;
}

export interface Placement {
  start: number;
  size: number;
}

export interface GpuInstanceProfileInfo {
  /** The profile ID for create/placement calls (not the index it was looked up by). */
  id: number;
  isP2pSupported: boolean;
  sliceCount: number;
  instanceCount: number;
  multiprocessorCount: number;
  copyEngineCount: number;
  decoderCount: number;
  encoderCount: number;
  jpegCount: number;
  ofaCount: number;
  memorySizeMiB: number;
  /** Only from the V getters (v2/v3 structs); "" from the v1 getter. */
  name: string;
  /** v3 only: bit 0 P2P, bit 1 GFX. */
  capabilities: number;
}

export interface GpuInstanceInfo {
  device: DeviceHandle;
  id: number;
  profileId: number;
  placement: Placement;
}

export interface ComputeInstanceProfileInfo {
  id: number;
  sliceCount: number;
  instanceCount: number;
  multiprocessorCount: number;
  sharedCopyEngineCount: number;
  sharedDecoderCount: number;
  sharedEncoderCount: number;
  sharedJpegCount: number;
  sharedOfaCount: number;
  name: string;
  capabilities: number;
}

export interface ComputeInstanceInfo {
  device: DeviceHandle;
  gpuInstance: GpuInstanceHandle;
  id: number;
  profileId: number;
  placement: Placement;
}

export interface XidEvent {
  device: DeviceHandle;
  eventType: bigint;
  /** The Xid number for Xid events. */
  eventData: bigint;
  gpuInstanceId: number | null;
  computeInstanceId: number | null;
}

/** nvmlGpuTopologyLevel_t */
export const TopologyLevel = {
  INTERNAL: 0,
  SINGLE: 10,
  MULTIPLE: 20,
  HOSTBRIDGE: 30,
  NODE: 40,
  SYSTEM: 50,
} as const;
/** nvmlGpuP2PCapsIndex_t */
export const P2PCaps = { READ: 0, WRITE: 1, NVLINK: 2, ATOMICS: 3, PCI: 4, UNKNOWN: 5 } as const;
/** nvmlGpuP2PStatus_t */
export const P2PStatus = {
  OK: 0,
  CHIPSET_NOT_SUPPORTED: 1,
  GPU_NOT_SUPPORTED: 2,
  IOH_TOPOLOGY_NOT_SUPPORTED: 3,
  DISABLED_BY_REGKEY: 4,
  NOT_SUPPORTED: 5,
  UNKNOWN: 6,
} as const;
/** nvmlComputeMode_t */
export const ComputeMode = { DEFAULT: 0, EXCLUSIVE_THREAD: 1, PROHIBITED: 2, EXCLUSIVE_PROCESS: 3 } as const;
export const EventType = { XID_CRITICAL_ERROR: 0x8n, MIG_CONFIG_CHANGE: 0x100n } as const;

/** Largest values of the growing COUNT constants this binding knows (13.3 header). */
export const GPU_INSTANCE_PROFILE_COUNT = 0x12;
export const COMPUTE_INSTANCE_PROFILE_COUNT = 0x9;
export const NVLINK_MAX_LINKS = 36;
export const NOT_MIG_ID = 0xffffffff;
