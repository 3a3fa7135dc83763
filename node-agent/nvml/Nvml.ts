import { promisify } from "node:util";
import koffi, { type LibraryHandle } from "koffi";
import { NvmlError } from "./NvmlError.ts";
import { NvmlReturn } from "./nvmlReturnCodes.ts";
import { nvmlStructs, nvmlStructVersions } from "./nvmlStructs.ts";
import {
  type ComputeInstanceHandle,
  type ComputeInstanceInfo,
  type ComputeInstanceProfileInfo,
  type DeviceHandle,
  type EventSetHandle,
  type GpuInstanceHandle,
  type GpuInstanceInfo,
  type GpuInstanceProfileInfo,
  type MemoryInfo,
  type MemoryInfoV2,
  type MigMode,
  NOT_MIG_ID,
  type PciInfo,
  type Placement,
  type ProcessInfo,
  type Utilization,
  type XidEvent,
} from "./nvmlTypes.ts";

/** The library a plain `Nvml.open()` loads: `TESSERA_NVML_LIBRARY`, else NVIDIA's driver library. */
export function nvmlLibraryPath(): string {
  return process.env.TESSERA_NVML_LIBRARY || "libnvidia-ml.so.1";
}

/**
 * Prototypes of every symbol the binding uses, by their versioned names (fact sheet section 1). Symbols are bound
 * on first use, so a driver that lacks an optional one (e.g. nvmlDeviceGetTemperatureV before 12.8) still loads
 * and only that call fails, with NOT_SUPPORTED.
 */
const prototypes: Readonly<Record<string, string>> = {
  nvmlInit_v2: "int nvmlInit_v2()",
  nvmlInitWithFlags: "int nvmlInitWithFlags(uint32_t flags)",
  nvmlShutdown: "int nvmlShutdown()",
  nvmlErrorString: "const char *nvmlErrorString(int result)",
  nvmlSystemGetDriverVersion: "int nvmlSystemGetDriverVersion(_Out_ uint8_t *version, uint32_t length)",
  nvmlSystemGetNVMLVersion: "int nvmlSystemGetNVMLVersion(_Out_ uint8_t *version, uint32_t length)",
  nvmlSystemGetCudaDriverVersion_v2: "int nvmlSystemGetCudaDriverVersion_v2(_Out_ int *version)",
  nvmlDeviceGetCount_v2: "int nvmlDeviceGetCount_v2(_Out_ uint32_t *count)",
  nvmlDeviceGetHandleByIndex_v2:
    "int nvmlDeviceGetHandleByIndex_v2(uint32_t index, _Out_ nvmlDevice_t *device)",
  nvmlDeviceGetHandleByUUID: "int nvmlDeviceGetHandleByUUID(const char *uuid, _Out_ nvmlDevice_t *device)",
  nvmlDeviceGetHandleByPciBusId_v2:
    "int nvmlDeviceGetHandleByPciBusId_v2(const char *busId, _Out_ nvmlDevice_t *device)",
  nvmlDeviceGetIndex: "int nvmlDeviceGetIndex(nvmlDevice_t device, _Out_ uint32_t *index)",
  nvmlDeviceGetUUID: "int nvmlDeviceGetUUID(nvmlDevice_t device, _Out_ uint8_t *uuid, uint32_t length)",
  nvmlDeviceGetName: "int nvmlDeviceGetName(nvmlDevice_t device, _Out_ uint8_t *name, uint32_t length)",
  nvmlDeviceGetSerial: "int nvmlDeviceGetSerial(nvmlDevice_t device, _Out_ uint8_t *serial, uint32_t length)",
  nvmlDeviceGetMinorNumber: "int nvmlDeviceGetMinorNumber(nvmlDevice_t device, _Out_ uint32_t *minor)",
  nvmlDeviceGetPciInfo_v3: "int nvmlDeviceGetPciInfo_v3(nvmlDevice_t device, _Out_ nvmlPciInfo_t *pci)",
  nvmlDeviceGetCudaComputeCapability:
    "int nvmlDeviceGetCudaComputeCapability(nvmlDevice_t device, _Out_ int *major, _Out_ int *minor)",
  nvmlDeviceGetArchitecture: "int nvmlDeviceGetArchitecture(nvmlDevice_t device, _Out_ uint32_t *arch)",
  nvmlDeviceGetMemoryInfo: "int nvmlDeviceGetMemoryInfo(nvmlDevice_t device, _Out_ nvmlMemory_t *memory)",
  nvmlDeviceGetMemoryInfo_v2:
    "int nvmlDeviceGetMemoryInfo_v2(nvmlDevice_t device, _Inout_ nvmlMemory_v2_t *memory)",
  nvmlDeviceGetUtilizationRates:
    "int nvmlDeviceGetUtilizationRates(nvmlDevice_t device, _Out_ nvmlUtilization_t *utilization)",
  nvmlDeviceGetComputeRunningProcesses_v3:
    "int nvmlDeviceGetComputeRunningProcesses_v3(nvmlDevice_t device, _Inout_ uint32_t *count, void *infos)",
  nvmlDeviceGetTemperature:
    "int nvmlDeviceGetTemperature(nvmlDevice_t device, int sensor, _Out_ uint32_t *temp)",
  nvmlDeviceGetTemperatureV:
    "int nvmlDeviceGetTemperatureV(nvmlDevice_t device, _Inout_ nvmlTemperature_t *temp)",
  nvmlDeviceGetPowerUsage: "int nvmlDeviceGetPowerUsage(nvmlDevice_t device, _Out_ uint32_t *milliwatts)",
  nvmlDeviceGetComputeMode: "int nvmlDeviceGetComputeMode(nvmlDevice_t device, _Out_ int *mode)",
  nvmlDeviceSetComputeMode: "int nvmlDeviceSetComputeMode(nvmlDevice_t device, int mode)",
  nvmlDeviceGetMigMode:
    "int nvmlDeviceGetMigMode(nvmlDevice_t device, _Out_ uint32_t *current, _Out_ uint32_t *pending)",
  nvmlDeviceSetMigMode:
    "int nvmlDeviceSetMigMode(nvmlDevice_t device, uint32_t mode, _Out_ int *activationStatus)",
  nvmlDeviceGetGpuInstanceProfileInfo:
    "int nvmlDeviceGetGpuInstanceProfileInfo(nvmlDevice_t device, uint32_t profile, _Out_ nvmlGpuInstanceProfileInfo_t *info)",
  nvmlDeviceGetGpuInstanceProfileInfoV:
    "int nvmlDeviceGetGpuInstanceProfileInfoV(nvmlDevice_t device, uint32_t profile, void *info)",
  nvmlDeviceGetGpuInstanceProfileInfoByIdV:
    "int nvmlDeviceGetGpuInstanceProfileInfoByIdV(nvmlDevice_t device, uint32_t profileId, void *info)",
  nvmlDeviceGetGpuInstancePossiblePlacements_v2:
    "int nvmlDeviceGetGpuInstancePossiblePlacements_v2(nvmlDevice_t device, uint32_t profileId, void *placements, _Inout_ uint32_t *count)",
  nvmlDeviceGetGpuInstanceRemainingCapacity:
    "int nvmlDeviceGetGpuInstanceRemainingCapacity(nvmlDevice_t device, uint32_t profileId, _Out_ uint32_t *count)",
  nvmlDeviceCreateGpuInstance:
    "int nvmlDeviceCreateGpuInstance(nvmlDevice_t device, uint32_t profileId, _Out_ nvmlGpuInstance_t *gpuInstance)",
  nvmlDeviceCreateGpuInstanceWithPlacement:
    "int nvmlDeviceCreateGpuInstanceWithPlacement(nvmlDevice_t device, uint32_t profileId, const nvmlGpuInstancePlacement_t *placement, _Out_ nvmlGpuInstance_t *gpuInstance)",
  nvmlGpuInstanceDestroy: "int nvmlGpuInstanceDestroy(nvmlGpuInstance_t gpuInstance)",
  nvmlDeviceGetGpuInstances:
    "int nvmlDeviceGetGpuInstances(nvmlDevice_t device, uint32_t profileId, void *gpuInstances, _Out_ uint32_t *count)",
  nvmlDeviceGetGpuInstanceById:
    "int nvmlDeviceGetGpuInstanceById(nvmlDevice_t device, uint32_t id, _Out_ nvmlGpuInstance_t *gpuInstance)",
  nvmlGpuInstanceGetInfo:
    "int nvmlGpuInstanceGetInfo(nvmlGpuInstance_t gpuInstance, _Out_ nvmlGpuInstanceInfo_t *info)",
  nvmlGpuInstanceGetComputeInstanceProfileInfo:
    "int nvmlGpuInstanceGetComputeInstanceProfileInfo(nvmlGpuInstance_t gpuInstance, uint32_t profile, uint32_t engProfile, _Out_ nvmlComputeInstanceProfileInfo_t *info)",
  nvmlGpuInstanceGetComputeInstanceProfileInfoV:
    "int nvmlGpuInstanceGetComputeInstanceProfileInfoV(nvmlGpuInstance_t gpuInstance, uint32_t profile, uint32_t engProfile, void *info)",
  nvmlGpuInstanceGetComputeInstanceRemainingCapacity:
    "int nvmlGpuInstanceGetComputeInstanceRemainingCapacity(nvmlGpuInstance_t gpuInstance, uint32_t profileId, _Out_ uint32_t *count)",
  nvmlGpuInstanceGetComputeInstancePossiblePlacements:
    "int nvmlGpuInstanceGetComputeInstancePossiblePlacements(nvmlGpuInstance_t gpuInstance, uint32_t profileId, void *placements, _Inout_ uint32_t *count)",
  nvmlGpuInstanceCreateComputeInstance:
    "int nvmlGpuInstanceCreateComputeInstance(nvmlGpuInstance_t gpuInstance, uint32_t profileId, _Out_ nvmlComputeInstance_t *computeInstance)",
  nvmlGpuInstanceCreateComputeInstanceWithPlacement:
    "int nvmlGpuInstanceCreateComputeInstanceWithPlacement(nvmlGpuInstance_t gpuInstance, uint32_t profileId, const nvmlComputeInstancePlacement_t *placement, _Out_ nvmlComputeInstance_t *computeInstance)",
  nvmlGpuInstanceGetComputeInstances:
    "int nvmlGpuInstanceGetComputeInstances(nvmlGpuInstance_t gpuInstance, uint32_t profileId, void *computeInstances, _Out_ uint32_t *count)",
  nvmlGpuInstanceGetComputeInstanceById:
    "int nvmlGpuInstanceGetComputeInstanceById(nvmlGpuInstance_t gpuInstance, uint32_t id, _Out_ nvmlComputeInstance_t *computeInstance)",
  nvmlComputeInstanceGetInfo_v2:
    "int nvmlComputeInstanceGetInfo_v2(nvmlComputeInstance_t computeInstance, _Out_ nvmlComputeInstanceInfo_t *info)",
  nvmlComputeInstanceDestroy: "int nvmlComputeInstanceDestroy(nvmlComputeInstance_t computeInstance)",
  nvmlDeviceGetMaxMigDeviceCount:
    "int nvmlDeviceGetMaxMigDeviceCount(nvmlDevice_t device, _Out_ uint32_t *count)",
  nvmlDeviceGetMigDeviceHandleByIndex:
    "int nvmlDeviceGetMigDeviceHandleByIndex(nvmlDevice_t device, uint32_t index, _Out_ nvmlDevice_t *migDevice)",
  nvmlDeviceGetDeviceHandleFromMigDeviceHandle:
    "int nvmlDeviceGetDeviceHandleFromMigDeviceHandle(nvmlDevice_t migDevice, _Out_ nvmlDevice_t *device)",
  nvmlDeviceIsMigDeviceHandle: "int nvmlDeviceIsMigDeviceHandle(nvmlDevice_t device, _Out_ uint32_t *isMig)",
  nvmlDeviceGetGpuInstanceId: "int nvmlDeviceGetGpuInstanceId(nvmlDevice_t device, _Out_ uint32_t *id)",
  nvmlDeviceGetComputeInstanceId:
    "int nvmlDeviceGetComputeInstanceId(nvmlDevice_t device, _Out_ uint32_t *id)",
  nvmlDeviceGetNvLinkState:
    "int nvmlDeviceGetNvLinkState(nvmlDevice_t device, uint32_t link, _Out_ uint32_t *isActive)",
  nvmlDeviceGetNvLinkRemotePciInfo_v2:
    "int nvmlDeviceGetNvLinkRemotePciInfo_v2(nvmlDevice_t device, uint32_t link, _Out_ nvmlPciInfo_t *pci)",
  nvmlDeviceGetTopologyCommonAncestor:
    "int nvmlDeviceGetTopologyCommonAncestor(nvmlDevice_t device1, nvmlDevice_t device2, _Out_ int *level)",
  nvmlDeviceGetP2PStatus:
    "int nvmlDeviceGetP2PStatus(nvmlDevice_t device1, nvmlDevice_t device2, int caps, _Out_ int *status)",
  nvmlEventSetCreate: "int nvmlEventSetCreate(_Out_ nvmlEventSet_t *set)",
  nvmlDeviceRegisterEvents:
    "int nvmlDeviceRegisterEvents(nvmlDevice_t device, uint64_t eventTypes, nvmlEventSet_t set)",
  nvmlDeviceGetSupportedEventTypes:
    "int nvmlDeviceGetSupportedEventTypes(nvmlDevice_t device, _Out_ uint64_t *eventTypes)",
  nvmlEventSetWait_v2:
    "int nvmlEventSetWait_v2(nvmlEventSet_t set, _Out_ nvmlEventData_t *data, uint32_t timeoutms)",
  nvmlEventSetFree: "int nvmlEventSetFree(nvmlEventSet_t set)",
  tesseraStandinLastError: "const char *tesseraStandinLastError()",
};

type NativeFunction = ReturnType<LibraryHandle["func"]>;

const UUID_BUFFER = 96;
const NAME_BUFFER = 96;
const SERIAL_BUFFER = 30;
const VERSION_BUFFER = 80;
const NOT_AVAILABLE = 2n ** 64n - 1n;

function asNumber(value: number | bigint): number {
  return typeof value === "bigint" ? Number(value) : value;
}

function migId(value: number): number | null {
  return value === NOT_MIG_ID ? null : value;
}

function cString(buffer: Buffer): string {
  const end = buffer.indexOf(0);
  return buffer.toString("utf8", 0, end < 0 ? buffer.length : end);
}

interface RawPci {
  busIdLegacy: string;
  domain: number;
  bus: number;
  device: number;
  pciDeviceId: number;
  pciSubSystemId: number;
  busId: string;
}

function toPci(raw: RawPci): PciInfo {
  return {
    busId: raw.busId,
    busIdLegacy: raw.busIdLegacy,
    domain: raw.domain,
    bus: raw.bus,
    device: raw.device,
    pciDeviceId: raw.pciDeviceId,
    pciSubSystemId: raw.pciSubSystemId,
  };
}

/**
 * The NVML C API through koffi, for NVIDIA's driver and the stand-in alike. Every method returns typed values
 * and turns a non-success `nvmlReturn_t` into an NvmlError carrying code, name and function.
 */
export class Nvml {
  readonly libraryPath: string;
  private readonly lib: LibraryHandle;
  private readonly bound = new Map<string, NativeFunction | null>();
  /** nvmlEventSetWait_v2 on koffi's worker thread, as a promise (waitForEventAsync). */
  private eventWait: ((...args: unknown[]) => Promise<number>) | undefined;
  private open = true;
  private stringBuffer = Buffer.alloc(UUID_BUFFER);

  private constructor(libraryPath: string, lib: LibraryHandle) {
    this.libraryPath = libraryPath;
    this.lib = lib;
  }

  /**
   * Loads the library (default: `nvmlLibraryPath()`) and calls nvmlInit_v2, or nvmlInitWithFlags when `initFlags`
   * is given (NVML_INIT_FLAG_NO_GPUS 1, NO_ATTACH 2, FORCE_INIT 4).
   */
  static open(libraryPath: string = nvmlLibraryPath(), initFlags?: number): Nvml {
    let lib: LibraryHandle;
    try {
      lib = koffi.load(libraryPath);
    } catch (error) {
      throw new Error(
        `cannot load NVML from "${libraryPath}" (${(error as Error).message}); install NVIDIA's driver or set ` +
          "TESSERA_NVML_LIBRARY to the stand-in (`tessera standin --path`)",
      );
    }
    const nvml = new Nvml(libraryPath, lib);
    if (initFlags === undefined) nvml.check("nvmlInit_v2", nvml.fn("nvmlInit_v2")());
    else nvml.check("nvmlInitWithFlags", nvml.fn("nvmlInitWithFlags")(initFlags));
    return nvml;
  }

  /** nvmlShutdown; the instance is unusable afterwards. Extra calls do nothing. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.check("nvmlShutdown", this.fn("nvmlShutdown")());
  }

  /** Whether the loaded library exports `symbol` (optional symbols are bound lazily). */
  has(symbol: string): boolean {
    return this.lookup(symbol) !== null;
  }

  private lookup(symbol: string): NativeFunction | null {
    if (!this.bound.has(symbol)) {
      const prototype = prototypes[symbol];
      if (!prototype) throw new Error(`no prototype for ${symbol}`);
      let fn: NativeFunction | null = null;
      try {
        fn = this.lib.func(prototype);
      } catch {
        fn = null;
      }
      this.bound.set(symbol, fn);
    }
    return this.bound.get(symbol) ?? null;
  }

  private fn(symbol: string): NativeFunction {
    const fn = this.lookup(symbol);
    if (!fn)
      throw new NvmlError(symbol, NvmlReturn.ERROR_NOT_SUPPORTED, `${this.libraryPath} does not export it`);
    return fn;
  }

  private check(symbol: string, code: number): void {
    if (code === NvmlReturn.SUCCESS) return;
    // The stand-in explains fleet/state problems behind UNKNOWN and DRIVER_NOT_LOADED; real drivers lack this.
    let detail: string | undefined;
    if (code === NvmlReturn.ERROR_UNKNOWN || code === NvmlReturn.ERROR_DRIVER_NOT_LOADED) {
      const explain = this.lookup("tesseraStandinLastError");
      detail = explain ? (explain() as string) || undefined : undefined;
    }
    throw new NvmlError(symbol, code, detail);
  }

  private call(symbol: string, ...args: unknown[]): void {
    this.check(symbol, this.fn(symbol)(...args) as number);
  }

  private readString(symbol: string, size: number, ...leading: unknown[]): string {
    // One buffer for every string read: a heartbeat reads each GPU's UUID, and calls are synchronous.
    if (this.stringBuffer.length < size) this.stringBuffer = Buffer.alloc(size);
    const buffer = this.stringBuffer.subarray(0, size);
    buffer.fill(0);
    this.call(symbol, ...leading, buffer, size);
    return cString(buffer);
  }

  private readUint(symbol: string, ...leading: unknown[]): number {
    const out = [0];
    this.call(symbol, ...leading, out);
    return out[0] as number;
  }

  private readHandle<T extends bigint>(symbol: string, ...leading: unknown[]): T {
    const out: (bigint | null)[] = [null];
    this.call(symbol, ...leading, out);
    if (out[0] === null || out[0] === undefined)
      throw new NvmlError(symbol, NvmlReturn.ERROR_UNKNOWN, "NULL handle");
    return out[0] as T;
  }

  // ---- 4.1 library / system ----
  errorString(code: number): string {
    return this.fn("nvmlErrorString")(code) as string;
  }

  driverVersion(): string {
    return this.readString("nvmlSystemGetDriverVersion", VERSION_BUFFER);
  }

  nvmlVersion(): string {
    return this.readString("nvmlSystemGetNVMLVersion", VERSION_BUFFER);
  }

  /** major * 1000 + minor * 10, e.g. 13000 for CUDA 13.0. */
  cudaDriverVersion(): number {
    const out = [0];
    this.call("nvmlSystemGetCudaDriverVersion_v2", out);
    return out[0] as number;
  }

  // ---- 4.2 discovery and identity ----
  deviceCount(): number {
    return this.readUint("nvmlDeviceGetCount_v2");
  }

  deviceByIndex(index: number): DeviceHandle {
    return this.readHandle("nvmlDeviceGetHandleByIndex_v2", index);
  }

  /** A GPU UUID, or a MIG UUID for a MIG device handle. */
  deviceByUuid(uuid: string): DeviceHandle {
    return this.readHandle("nvmlDeviceGetHandleByUUID", uuid);
  }

  deviceByPciBusId(busId: string): DeviceHandle {
    return this.readHandle("nvmlDeviceGetHandleByPciBusId_v2", busId);
  }

  deviceIndex(device: DeviceHandle): number {
    return this.readUint("nvmlDeviceGetIndex", device);
  }

  uuid(device: DeviceHandle): string {
    return this.readString("nvmlDeviceGetUUID", UUID_BUFFER, device);
  }

  name(device: DeviceHandle): string {
    return this.readString("nvmlDeviceGetName", NAME_BUFFER, device);
  }

  serial(device: DeviceHandle): string {
    return this.readString("nvmlDeviceGetSerial", SERIAL_BUFFER, device);
  }

  minorNumber(device: DeviceHandle): number {
    return this.readUint("nvmlDeviceGetMinorNumber", device);
  }

  pciInfo(device: DeviceHandle): PciInfo {
    const out = {} as RawPci;
    this.call("nvmlDeviceGetPciInfo_v3", device, out);
    return toPci(out);
  }

  computeCapability(device: DeviceHandle): { major: number; minor: number } {
    const major = [0];
    const minor = [0];
    this.call("nvmlDeviceGetCudaComputeCapability", device, major, minor);
    return { major: major[0] as number, minor: minor[0] as number };
  }

  /** nvmlDeviceArchitecture_t: 7 Ampere, 8 Ada, 9 Hopper, 10 Blackwell. */
  architecture(device: DeviceHandle): number {
    return this.readUint("nvmlDeviceGetArchitecture", device);
  }

  // ---- 4.3 telemetry ----
  /** v1: `used` includes what the driver reserves. */
  memoryInfo(device: DeviceHandle): MemoryInfo {
    const out = { total: 0, free: 0, used: 0 };
    this.call("nvmlDeviceGetMemoryInfo", device, out);
    return { totalBytes: asNumber(out.total), freeBytes: asNumber(out.free), usedBytes: asNumber(out.used) };
  }

  /** v2: `reserved` separate from `used`. */
  memoryInfoV2(device: DeviceHandle): MemoryInfoV2 {
    const out = { version: nvmlStructVersions.memoryV2, total: 0, reserved: 0, free: 0, used: 0 };
    this.call("nvmlDeviceGetMemoryInfo_v2", device, out);
    return {
      totalBytes: asNumber(out.total),
      reservedBytes: asNumber(out.reserved),
      freeBytes: asNumber(out.free),
      usedBytes: asNumber(out.used),
    };
  }

  /** NOT_SUPPORTED on a GPU in MIG mode. */
  utilization(device: DeviceHandle): Utilization {
    const out = { gpu: 0, memory: 0 };
    this.call("nvmlDeviceGetUtilizationRates", device, out);
    return { gpuPercent: out.gpu, memoryPercent: out.memory };
  }

  /** Compute processes (v3, 24-byte entries); on a MIG device handle only those of that instance. */
  computeProcesses(device: DeviceHandle): ProcessInfo[] {
    const entrySize = koffi.sizeof(nvmlStructs.processInfo);
    // The list can grow between the sizing call and the read: retry with the size NVML asks for.
    let capacity = 8;
    for (let attempt = 0; attempt < 5; attempt++) {
      const buffer = Buffer.alloc(capacity * entrySize);
      const count = [capacity];
      const code = this.fn("nvmlDeviceGetComputeRunningProcesses_v3")(device, count, buffer) as number;
      if (code === NvmlReturn.ERROR_INSUFFICIENT_SIZE) {
        capacity = (count[0] as number) + 4;
        continue;
      }
      this.check("nvmlDeviceGetComputeRunningProcesses_v3", code);
      const result: ProcessInfo[] = [];
      for (let i = 0; i < (count[0] as number); i++) {
        const raw = koffi.decode(buffer, i * entrySize, nvmlStructs.processInfo) as {
          pid: number;
          usedGpuMemory: number | bigint;
          gpuInstanceId: number;
          computeInstanceId: number;
        };
        result.push({
          pid: raw.pid,
          usedGpuMemoryBytes:
            BigInt(raw.usedGpuMemory) === NOT_AVAILABLE ? null : asNumber(raw.usedGpuMemory),
          gpuInstanceId: migId(raw.gpuInstanceId),
          computeInstanceId: migId(raw.computeInstanceId),
        });
      }
      return result;
    }
    throw new NvmlError("nvmlDeviceGetComputeRunningProcesses_v3", NvmlReturn.ERROR_INSUFFICIENT_SIZE);
  }

  /** Degrees Celsius of the GPU sensor through the deprecated-but-exported call. */
  temperature(device: DeviceHandle): number {
    return this.readUint("nvmlDeviceGetTemperature", device, 0);
  }

  /** Degrees Celsius through nvmlDeviceGetTemperatureV (drivers from the 12.8 header on). */
  temperatureV(device: DeviceHandle): number {
    const out = { version: nvmlStructVersions.temperature, sensorType: 0, temperature: 0 };
    this.call("nvmlDeviceGetTemperatureV", device, out);
    return out.temperature;
  }

  powerUsageMilliwatts(device: DeviceHandle): number {
    return this.readUint("nvmlDeviceGetPowerUsage", device);
  }

  computeMode(device: DeviceHandle): number {
    return this.readUint("nvmlDeviceGetComputeMode", device);
  }

  setComputeMode(device: DeviceHandle, mode: number): void {
    this.call("nvmlDeviceSetComputeMode", device, mode);
  }

  // ---- 4.4 MIG ----
  /** NOT_SUPPORTED on a GPU without MIG: the way to tell whether a GPU is MIG-capable. */
  migMode(device: DeviceHandle): MigMode {
    const current = [0];
    const pending = [0];
    this.call("nvmlDeviceGetMigMode", device, current, pending);
    return { current: current[0] === 1, pending: pending[0] === 1 };
  }

  /** Returns the activation status (0 when active now, e.g. RESET_REQUIRED when a reset is pending). */
  setMigMode(device: DeviceHandle, enabled: boolean): number {
    const activation = [0];
    this.call("nvmlDeviceSetMigMode", device, enabled ? 1 : 0, activation);
    return activation[0] as number;
  }

  /** By profile *index* (NVML_GPU_INSTANCE_PROFILE_*); the result's `id` is what create calls take. */
  gpuInstanceProfileInfo(device: DeviceHandle, index: number): GpuInstanceProfileInfo {
    const out = {} as Record<string, number>;
    this.call("nvmlDeviceGetGpuInstanceProfileInfo", device, index, out);
    return this.giProfile(out, "", 0);
  }

  /** By profile index through the versioned getter (v3 struct unless asked for v2): adds the profile name. */
  gpuInstanceProfileInfoV(device: DeviceHandle, index: number, version: 2 | 3 = 3): GpuInstanceProfileInfo {
    return this.giProfileV("nvmlDeviceGetGpuInstanceProfileInfoV", device, index, version);
  }

  /** By profile *ID* (13.0+ drivers). */
  gpuInstanceProfileInfoById(
    device: DeviceHandle,
    profileId: number,
    version: 2 | 3 = 3,
  ): GpuInstanceProfileInfo {
    return this.giProfileV("nvmlDeviceGetGpuInstanceProfileInfoByIdV", device, profileId, version);
  }

  private giProfileV(
    symbol: string,
    device: DeviceHandle,
    key: number,
    version: 2 | 3,
  ): GpuInstanceProfileInfo {
    const type = version === 2 ? nvmlStructs.gpuInstanceProfileInfoV2 : nvmlStructs.gpuInstanceProfileInfoV3;
    const buffer = Buffer.alloc(koffi.sizeof(type));
    buffer.writeUInt32LE(
      version === 2
        ? nvmlStructVersions.gpuInstanceProfileInfoV2
        : nvmlStructVersions.gpuInstanceProfileInfoV3,
      0,
    );
    this.call(symbol, device, key, buffer);
    const raw = koffi.decode(buffer, type) as Record<string, number> & { name: string };
    return this.giProfile(raw, raw.name, version === 3 ? (raw.capabilities ?? 0) : 0);
  }

  private giProfile(raw: Record<string, number>, name: string, capabilities: number): GpuInstanceProfileInfo {
    return {
      id: raw.id ?? 0,
      isP2pSupported: raw.isP2pSupported !== undefined ? raw.isP2pSupported === 1 : (capabilities & 1) === 1,
      sliceCount: raw.sliceCount ?? 0,
      instanceCount: raw.instanceCount ?? 0,
      multiprocessorCount: raw.multiprocessorCount ?? 0,
      copyEngineCount: raw.copyEngineCount ?? 0,
      decoderCount: raw.decoderCount ?? 0,
      encoderCount: raw.encoderCount ?? 0,
      jpegCount: raw.jpegCount ?? 0,
      ofaCount: raw.ofaCount ?? 0,
      memorySizeMiB: asNumber(raw.memorySizeMB ?? 0),
      name,
      capabilities,
    };
  }

  /** Every placement the profile allows, whatever is in use (start/size in memory slices). */
  gpuInstancePossiblePlacements(device: DeviceHandle, profileId: number): Placement[] {
    return this.placements("nvmlDeviceGetGpuInstancePossiblePlacements_v2", device, profileId);
  }

  private placements(symbol: string, owner: bigint, profileId: number): Placement[] {
    const count = [0];
    this.call(symbol, owner, profileId, null, count);
    const n = count[0] as number;
    if (n === 0) return [];
    const size = koffi.sizeof(nvmlStructs.placement);
    const buffer = Buffer.alloc(n * size);
    this.call(symbol, owner, profileId, buffer, count);
    const result: Placement[] = [];
    for (let i = 0; i < (count[0] as number); i++) {
      result.push({ start: buffer.readUInt32LE(i * size), size: buffer.readUInt32LE(i * size + 4) });
    }
    return result;
  }

  gpuInstanceRemainingCapacity(device: DeviceHandle, profileId: number): number {
    return this.readUint("nvmlDeviceGetGpuInstanceRemainingCapacity", device, profileId);
  }

  /** The driver picks the placement; prefer createGpuInstanceWithPlacement. */
  createGpuInstance(device: DeviceHandle, profileId: number): GpuInstanceHandle {
    return this.readHandle("nvmlDeviceCreateGpuInstance", device, profileId);
  }

  createGpuInstanceWithPlacement(
    device: DeviceHandle,
    profileId: number,
    placement: Placement,
  ): GpuInstanceHandle {
    return this.readHandle("nvmlDeviceCreateGpuInstanceWithPlacement", device, profileId, placement);
  }

  destroyGpuInstance(gpuInstance: GpuInstanceHandle): void {
    this.call("nvmlGpuInstanceDestroy", gpuInstance);
  }

  /** Existing GPU instances of a profile; `capacity` must be at least the profile's instanceCount. */
  gpuInstances(device: DeviceHandle, profileId: number, capacity: number): GpuInstanceHandle[] {
    return this.handles("nvmlDeviceGetGpuInstances", device, profileId, capacity) as GpuInstanceHandle[];
  }

  private handles(symbol: string, owner: bigint, profileId: number, capacity: number): bigint[] {
    const buffer = Buffer.alloc(Math.max(1, capacity) * 8);
    const count = [0];
    this.call(symbol, owner, profileId, buffer, count);
    const result: bigint[] = [];
    for (let i = 0; i < (count[0] as number); i++) result.push(buffer.readBigUInt64LE(i * 8));
    return result;
  }

  gpuInstanceById(device: DeviceHandle, id: number): GpuInstanceHandle {
    return this.readHandle("nvmlDeviceGetGpuInstanceById", device, id);
  }

  gpuInstanceInfo(gpuInstance: GpuInstanceHandle): GpuInstanceInfo {
    const out = {} as { device: bigint; id: number; profileId: number; placement: Placement };
    this.call("nvmlGpuInstanceGetInfo", gpuInstance, out);
    return {
      device: out.device as DeviceHandle,
      id: out.id,
      profileId: out.profileId,
      placement: { start: out.placement.start, size: out.placement.size },
    };
  }

  /** By compute-instance profile index (ID == index for compute instances); engine profile 0 (shared). */
  computeInstanceProfileInfo(gpuInstance: GpuInstanceHandle, index: number): ComputeInstanceProfileInfo {
    const out = {} as Record<string, number>;
    this.call("nvmlGpuInstanceGetComputeInstanceProfileInfo", gpuInstance, index, 0, out);
    return this.ciProfile(out, "", 0);
  }

  computeInstanceProfileInfoV(
    gpuInstance: GpuInstanceHandle,
    index: number,
    version: 2 | 3 = 3,
  ): ComputeInstanceProfileInfo {
    const type =
      version === 2 ? nvmlStructs.computeInstanceProfileInfoV2 : nvmlStructs.computeInstanceProfileInfoV3;
    const buffer = Buffer.alloc(koffi.sizeof(type));
    buffer.writeUInt32LE(
      version === 2
        ? nvmlStructVersions.computeInstanceProfileInfoV2
        : nvmlStructVersions.computeInstanceProfileInfoV3,
      0,
    );
    this.call("nvmlGpuInstanceGetComputeInstanceProfileInfoV", gpuInstance, index, 0, buffer);
    const raw = koffi.decode(buffer, type) as Record<string, number> & { name: string };
    return this.ciProfile(raw, raw.name, version === 3 ? (raw.capabilities ?? 0) : 0);
  }

  private ciProfile(
    raw: Record<string, number>,
    name: string,
    capabilities: number,
  ): ComputeInstanceProfileInfo {
    return {
      id: raw.id ?? 0,
      sliceCount: raw.sliceCount ?? 0,
      instanceCount: raw.instanceCount ?? 0,
      multiprocessorCount: raw.multiprocessorCount ?? 0,
      sharedCopyEngineCount: raw.sharedCopyEngineCount ?? 0,
      sharedDecoderCount: raw.sharedDecoderCount ?? 0,
      sharedEncoderCount: raw.sharedEncoderCount ?? 0,
      sharedJpegCount: raw.sharedJpegCount ?? 0,
      sharedOfaCount: raw.sharedOfaCount ?? 0,
      name,
      capabilities,
    };
  }

  computeInstanceRemainingCapacity(gpuInstance: GpuInstanceHandle, profileId: number): number {
    return this.readUint("nvmlGpuInstanceGetComputeInstanceRemainingCapacity", gpuInstance, profileId);
  }

  /** Placements in compute slices inside the GPU instance. */
  computeInstancePossiblePlacements(gpuInstance: GpuInstanceHandle, profileId: number): Placement[] {
    return this.placements("nvmlGpuInstanceGetComputeInstancePossiblePlacements", gpuInstance, profileId);
  }

  createComputeInstance(gpuInstance: GpuInstanceHandle, profileId: number): ComputeInstanceHandle {
    return this.readHandle("nvmlGpuInstanceCreateComputeInstance", gpuInstance, profileId);
  }

  createComputeInstanceWithPlacement(
    gpuInstance: GpuInstanceHandle,
    profileId: number,
    placement: Placement,
  ): ComputeInstanceHandle {
    return this.readHandle(
      "nvmlGpuInstanceCreateComputeInstanceWithPlacement",
      gpuInstance,
      profileId,
      placement,
    );
  }

  computeInstances(
    gpuInstance: GpuInstanceHandle,
    profileId: number,
    capacity: number,
  ): ComputeInstanceHandle[] {
    return this.handles(
      "nvmlGpuInstanceGetComputeInstances",
      gpuInstance,
      profileId,
      capacity,
    ) as ComputeInstanceHandle[];
  }

  computeInstanceById(gpuInstance: GpuInstanceHandle, id: number): ComputeInstanceHandle {
    return this.readHandle("nvmlGpuInstanceGetComputeInstanceById", gpuInstance, id);
  }

  computeInstanceInfo(computeInstance: ComputeInstanceHandle): ComputeInstanceInfo {
    const out = {} as {
      device: bigint;
      gpuInstance: bigint;
      id: number;
      profileId: number;
      placement: Placement;
    };
    this.call("nvmlComputeInstanceGetInfo_v2", computeInstance, out);
    return {
      device: out.device as DeviceHandle,
      gpuInstance: out.gpuInstance as GpuInstanceHandle,
      id: out.id,
      profileId: out.profileId,
      placement: { start: out.placement.start, size: out.placement.size },
    };
  }

  destroyComputeInstance(computeInstance: ComputeInstanceHandle): void {
    this.call("nvmlComputeInstanceDestroy", computeInstance);
  }

  // ---- 4.5 MIG device handles ----
  maxMigDeviceCount(device: DeviceHandle): number {
    return this.readUint("nvmlDeviceGetMaxMigDeviceCount", device);
  }

  /** NOT_FOUND for an empty slot. */
  migDeviceByIndex(device: DeviceHandle, index: number): DeviceHandle {
    return this.readHandle("nvmlDeviceGetMigDeviceHandleByIndex", device, index);
  }

  parentOfMigDevice(migDevice: DeviceHandle): DeviceHandle {
    return this.readHandle("nvmlDeviceGetDeviceHandleFromMigDeviceHandle", migDevice);
  }

  isMigDevice(device: DeviceHandle): boolean {
    return this.readUint("nvmlDeviceIsMigDeviceHandle", device) === 1;
  }

  gpuInstanceIdOf(migDevice: DeviceHandle): number {
    return this.readUint("nvmlDeviceGetGpuInstanceId", migDevice);
  }

  computeInstanceIdOf(migDevice: DeviceHandle): number {
    return this.readUint("nvmlDeviceGetComputeInstanceId", migDevice);
  }

  // ---- 4.6 topology / NVLink ----
  nvLinkActive(device: DeviceHandle, link: number): boolean {
    return this.readUint("nvmlDeviceGetNvLinkState", device, link) === 1;
  }

  nvLinkRemotePciInfo(device: DeviceHandle, link: number): PciInfo {
    const out = {} as RawPci;
    this.call("nvmlDeviceGetNvLinkRemotePciInfo_v2", device, link, out);
    return toPci(out);
  }

  /** nvmlGpuTopologyLevel_t (see TopologyLevel). */
  topologyCommonAncestor(a: DeviceHandle, b: DeviceHandle): number {
    return this.readUint("nvmlDeviceGetTopologyCommonAncestor", a, b);
  }

  /** nvmlGpuP2PStatus_t (see P2PStatus) for a P2PCaps index. */
  p2pStatus(a: DeviceHandle, b: DeviceHandle, caps: number): number {
    return this.readUint("nvmlDeviceGetP2PStatus", a, b, caps);
  }

  // ---- 4.7 events ----
  createEventSet(): EventSetHandle {
    return this.readHandle("nvmlEventSetCreate");
  }

  /** Registers event types (see EventType); unsupported types raise NOT_SUPPORTED but the rest stay registered. */
  registerEvents(device: DeviceHandle, eventTypes: bigint, set: EventSetHandle): void {
    this.call("nvmlDeviceRegisterEvents", device, eventTypes, set);
  }

  supportedEventTypes(device: DeviceHandle): bigint {
    const out: (number | bigint)[] = [0];
    this.call("nvmlDeviceGetSupportedEventTypes", device, out);
    return BigInt(out[0] ?? 0);
  }

  /** Blocks the thread up to `timeoutMs`; null on timeout. Prefer waitForEventAsync in a server. */
  waitForEvent(set: EventSetHandle, timeoutMs: number): XidEvent | null {
    const out = {} as RawEvent;
    const code = this.fn("nvmlEventSetWait_v2")(set, out, timeoutMs) as number;
    return this.eventResult(code, out);
  }

  /** Waits on koffi's worker thread, so the event loop keeps running; null on timeout. */
  async waitForEventAsync(set: EventSetHandle, timeoutMs: number): Promise<XidEvent | null> {
    // Made once: the Xid watcher waits again every second for as long as the agent runs.
    this.eventWait ??= promisify(this.fn("nvmlEventSetWait_v2").async as (...args: unknown[]) => void) as (
      ...args: unknown[]
    ) => Promise<number>;
    const out = {} as RawEvent;
    const code = await this.eventWait(set, out, timeoutMs);
    return this.eventResult(code, out);
  }

  private eventResult(code: number, out: RawEvent): XidEvent | null {
    if (code === NvmlReturn.ERROR_TIMEOUT) return null;
    this.check("nvmlEventSetWait_v2", code);
    return {
      device: out.device as DeviceHandle,
      eventType: BigInt(out.eventType),
      eventData: BigInt(out.eventData),
      gpuInstanceId: migId(out.gpuInstanceId),
      computeInstanceId: migId(out.computeInstanceId),
    };
  }

  freeEventSet(set: EventSetHandle): void {
    this.call("nvmlEventSetFree", set);
  }
}

interface RawEvent {
  device: bigint;
  eventType: number | bigint;
  eventData: number | bigint;
  gpuInstanceId: number;
  computeInstanceId: number;
}
