import koffi, { type TypeObject } from "koffi";

/**
 * koffi views of the NVML structs, laid out exactly as the fact sheet measured them (section 5); the tests check
 * every size with koffi.sizeof. Versioned structs carry `size | version << 24` in their first field.
 */
export const nvmlHandleTypes = {
  device: koffi.pointer("nvmlDevice_t", koffi.opaque("nvmlDevice_st")),
  gpuInstance: koffi.pointer("nvmlGpuInstance_t", koffi.opaque("nvmlGpuInstance_st")),
  computeInstance: koffi.pointer("nvmlComputeInstance_t", koffi.opaque("nvmlComputeInstance_st")),
  eventSet: koffi.pointer("nvmlEventSet_t", koffi.opaque("nvmlEventSet_st")),
};

export const nvmlStructs = {
  memory: koffi.struct("nvmlMemory_t", { total: "uint64", free: "uint64", used: "uint64" }),
  memoryV2: koffi.struct("nvmlMemory_v2_t", {
    version: "uint32",
    total: "uint64",
    reserved: "uint64",
    free: "uint64",
    used: "uint64",
  }),
  pciInfo: koffi.struct("nvmlPciInfo_t", {
    busIdLegacy: koffi.array("char", 16),
    domain: "uint32",
    bus: "uint32",
    device: "uint32",
    pciDeviceId: "uint32",
    pciSubSystemId: "uint32",
    busId: koffi.array("char", 32),
  }),
  utilization: koffi.struct("nvmlUtilization_t", { gpu: "uint32", memory: "uint32" }),
  processInfo: koffi.struct("nvmlProcessInfo_t", {
    pid: "uint32",
    usedGpuMemory: "uint64",
    gpuInstanceId: "uint32",
    computeInstanceId: "uint32",
  }),
  gpuInstanceProfileInfo: koffi.struct("nvmlGpuInstanceProfileInfo_t", {
    id: "uint32",
    isP2pSupported: "uint32",
    sliceCount: "uint32",
    instanceCount: "uint32",
    multiprocessorCount: "uint32",
    copyEngineCount: "uint32",
    decoderCount: "uint32",
    encoderCount: "uint32",
    jpegCount: "uint32",
    ofaCount: "uint32",
    memorySizeMB: "uint64",
  }),
  gpuInstanceProfileInfoV2: koffi.struct("nvmlGpuInstanceProfileInfo_v2_t", {
    version: "uint32",
    id: "uint32",
    isP2pSupported: "uint32",
    sliceCount: "uint32",
    instanceCount: "uint32",
    multiprocessorCount: "uint32",
    copyEngineCount: "uint32",
    decoderCount: "uint32",
    encoderCount: "uint32",
    jpegCount: "uint32",
    ofaCount: "uint32",
    memorySizeMB: "uint64",
    name: koffi.array("char", 96),
  }),
  gpuInstanceProfileInfoV3: koffi.struct("nvmlGpuInstanceProfileInfo_v3_t", {
    version: "uint32",
    id: "uint32",
    sliceCount: "uint32",
    instanceCount: "uint32",
    multiprocessorCount: "uint32",
    copyEngineCount: "uint32",
    decoderCount: "uint32",
    encoderCount: "uint32",
    jpegCount: "uint32",
    ofaCount: "uint32",
    memorySizeMB: "uint64",
    name: koffi.array("char", 96),
    capabilities: "uint32",
  }),
  placement: koffi.struct("nvmlGpuInstancePlacement_t", { start: "uint32", size: "uint32" }),
  gpuInstanceInfo: koffi.struct("nvmlGpuInstanceInfo_t", {
    device: "nvmlDevice_t",
    id: "uint32",
    profileId: "uint32",
    placement: "nvmlGpuInstancePlacement_t",
  }),
  computeInstanceProfileInfo: koffi.struct("nvmlComputeInstanceProfileInfo_t", {
    id: "uint32",
    sliceCount: "uint32",
    instanceCount: "uint32",
    multiprocessorCount: "uint32",
    sharedCopyEngineCount: "uint32",
    sharedDecoderCount: "uint32",
    sharedEncoderCount: "uint32",
    sharedJpegCount: "uint32",
    sharedOfaCount: "uint32",
  }),
  computeInstanceProfileInfoV2: koffi.struct("nvmlComputeInstanceProfileInfo_v2_t", {
    version: "uint32",
    id: "uint32",
    sliceCount: "uint32",
    instanceCount: "uint32",
    multiprocessorCount: "uint32",
    sharedCopyEngineCount: "uint32",
    sharedDecoderCount: "uint32",
    sharedEncoderCount: "uint32",
    sharedJpegCount: "uint32",
    sharedOfaCount: "uint32",
    name: koffi.array("char", 96),
  }),
  computeInstanceProfileInfoV3: koffi.struct("nvmlComputeInstanceProfileInfo_v3_t", {
    version: "uint32",
    id: "uint32",
    sliceCount: "uint32",
    instanceCount: "uint32",
    multiprocessorCount: "uint32",
    sharedCopyEngineCount: "uint32",
    sharedDecoderCount: "uint32",
    sharedEncoderCount: "uint32",
    sharedJpegCount: "uint32",
    sharedOfaCount: "uint32",
    name: koffi.array("char", 96),
    capabilities: "uint32",
  }),
  computeInstancePlacement: koffi.struct("nvmlComputeInstancePlacement_t", {
    start: "uint32",
    size: "uint32",
  }),
  computeInstanceInfo: koffi.struct("nvmlComputeInstanceInfo_t", {
    device: "nvmlDevice_t",
    gpuInstance: "nvmlGpuInstance_t",
    id: "uint32",
    profileId: "uint32",
    placement: "nvmlComputeInstancePlacement_t",
  }),
  eventData: koffi.struct("nvmlEventData_t", {
    device: "nvmlDevice_t",
    eventType: "uint64",
    eventData: "uint64",
    gpuInstanceId: "uint32",
    computeInstanceId: "uint32",
  }),
  temperature: koffi.struct("nvmlTemperature_t", {
    version: "uint32",
    sensorType: "uint32",
    temperature: "int",
  }),
};

/** `NVML_STRUCT_VERSION(name, ver)`: the struct's size in the low 24 bits, the version in the top 8. */
export function structVersion(type: TypeObject, version: number): number {
  return (koffi.sizeof(type) | (version << 24)) >>> 0;
}

export const nvmlStructVersions = {
  memoryV2: structVersion(nvmlStructs.memoryV2, 2),
  gpuInstanceProfileInfoV2: structVersion(nvmlStructs.gpuInstanceProfileInfoV2, 2),
  gpuInstanceProfileInfoV3: structVersion(nvmlStructs.gpuInstanceProfileInfoV3, 3),
  computeInstanceProfileInfoV2: structVersion(nvmlStructs.computeInstanceProfileInfoV2, 2),
  computeInstanceProfileInfoV3: structVersion(nvmlStructs.computeInstanceProfileInfoV3, 3),
  temperature: structVersion(nvmlStructs.temperature, 1),
};
