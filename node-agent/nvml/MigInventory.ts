import { computeInstanceProfileIndexBySlices, findGpuModelByName } from "../../proto/catalog/GpuCatalog.ts";
import { computeInstanceProfileName, gpuInstanceProfileName } from "./migProfileName.ts";
import type { Nvml } from "./Nvml.ts";
import { NvmlError, NvmlReturn, nvmlOptional } from "./NvmlError.ts";
import {
  COMPUTE_INSTANCE_PROFILE_COUNT,
  type ComputeInstanceHandle,
  type DeviceHandle,
  GPU_INSTANCE_PROFILE_COUNT,
  type GpuInstanceHandle,
  type Placement,
} from "./nvmlTypes.ts";

/** A GPU-instance profile of one GPU, as NVML reports it. */
export interface MigProfileInfo {
  /** NVIDIA's spelling, e.g. `3g.40gb`. */
  name: string;
  /** Profile ID (create/placement calls). */
  id: number;
  /** Profile index (NVML_GPU_INSTANCE_PROFILE_*). */
  index: number;
  computeSlices: number;
  memorySlices: number;
  memoryMiB: number;
  maxInstances: number;
  placements: Placement[];
}

/** One compute instance (a MIG device) and its GPU instance; a GPU instance without any has nulls. */
export interface MigInstance {
  /** MIG device profile: `3g.40gb`, or `1c.3g.40gb` for a compute instance smaller than its GPU instance. */
  profile: string;
  gpuInstanceProfile: string;
  gpuInstanceProfileId: number;
  /** Placement of the GPU instance, in memory slices. */
  start: number;
  size: number;
  gpuInstanceId: number;
  computeInstanceId: number | null;
  computeInstanceProfileId: number | null;
  /** Compute slices of the compute instance and where they start inside the GPU instance. */
  computeSlices: number;
  computeStart: number | null;
  uuid: string | null;
  /**
   * The MIG device's index in nvmlDeviceGetMigDeviceHandleByIndex (its slot; slots may have gaps), which NVIDIA's
   * toolkit names it by (`GPU:index` in CDI); null for a GPU instance without a compute instance.
   */
  migDeviceIndex: number | null;
}

function skippable(error: unknown): boolean {
  return (
    NvmlError.isCode(error, NvmlReturn.ERROR_NOT_SUPPORTED) ||
    NvmlError.isCode(error, NvmlReturn.ERROR_INVALID_ARGUMENT)
  );
}

/**
 * The GPU's MIG profiles, by walking profile indices as mig-parted does and skipping the ones this GPU lacks.
 * Needs MIG mode on. The v1 getter exists in every MIG-capable driver; names are derived, not read.
 */
export function readMigProfiles(nvml: Nvml, device: DeviceHandle): MigProfileInfo[] {
  const totalBytes = nvml.memoryInfo(device).totalBytes;
  const profiles: MigProfileInfo[] = [];
  for (let index = 0; index < GPU_INSTANCE_PROFILE_COUNT; index++) {
    let info: ReturnType<Nvml["gpuInstanceProfileInfo"]>;
    try {
      info = nvml.gpuInstanceProfileInfo(device, index);
    } catch (error) {
      if (skippable(error)) continue;
      throw error;
    }
    const placements = nvml.gpuInstancePossiblePlacements(device, info.id);
    profiles.push({
      name: gpuInstanceProfileName(index, info.sliceCount, info.memorySizeMiB, totalBytes),
      id: info.id,
      index,
      computeSlices: info.sliceCount,
      memorySlices: placements[0]?.size ?? 0,
      memoryMiB: info.memorySizeMiB,
      maxInstances: info.instanceCount,
      placements,
    });
  }
  return profiles;
}

/** Compute-instance profile ID for a full-size compute instance of `slices` compute slices. */
export function fullComputeInstanceProfileId(
  nvml: Nvml,
  gpuInstance: GpuInstanceHandle,
  slices: number,
): number {
  const index = computeInstanceProfileIndexBySlices[slices];
  if (index === undefined) throw new Error(`no compute-instance profile for ${slices} compute slices`);
  return nvml.computeInstanceProfileInfo(gpuInstance, index).id;
}

/** A compute instance with its profile's size and where it starts inside its GPU instance. */
export interface ComputeInstanceEntry {
  handle: ComputeInstanceHandle;
  id: number;
  profileId: number;
  slices: number;
  start: number;
}

/** Compute instances of one GPU instance, by id. */
export function readComputeInstances(nvml: Nvml, gpuInstance: GpuInstanceHandle): ComputeInstanceEntry[] {
  const result: ComputeInstanceEntry[] = [];
  for (let index = 0; index < COMPUTE_INSTANCE_PROFILE_COUNT; index++) {
    let profile: ReturnType<Nvml["computeInstanceProfileInfo"]>;
    try {
      profile = nvml.computeInstanceProfileInfo(gpuInstance, index);
    } catch (error) {
      if (skippable(error)) continue;
      throw error;
    }
    for (const handle of nvml.computeInstances(gpuInstance, profile.id, profile.instanceCount)) {
      const info = nvml.computeInstanceInfo(handle);
      result.push({
        handle,
        id: info.id,
        profileId: info.profileId,
        slices: profile.sliceCount,
        start: info.placement.start,
      });
    }
  }
  return result.sort((a, b) => a.id - b.id);
}

/** MIG devices' UUIDs and slots by `${gpuInstanceId}/${computeInstanceId}`, from the GPU's MIG device handles. */
function migDevices(nvml: Nvml, device: DeviceHandle): Map<string, { uuid: string; index: number }> {
  const devices = new Map<string, { uuid: string; index: number }>();
  const max = nvml.maxMigDeviceCount(device);
  for (let i = 0; i < max; i++) {
    let mig: DeviceHandle;
    try {
      mig = nvml.migDeviceByIndex(device, i);
    } catch (error) {
      if (NvmlError.isCode(error, NvmlReturn.ERROR_NOT_FOUND) || skippable(error)) continue;
      throw error;
    }
    devices.set(`${nvml.gpuInstanceIdOf(mig)}/${nvml.computeInstanceIdOf(mig)}`, {
      uuid: nvml.uuid(mig),
      index: i,
    });
  }
  return devices;
}

/** The profile whose one placement spans every memory slice of the GPU (7g.80gb on an H100), if any. */
function wholeGpuProfile(profiles: readonly MigProfileInfo[]): MigProfileInfo | undefined {
  let slices = 0;
  for (const profile of profiles)
    for (const placement of profile.placements) slices = Math.max(slices, placement.start + placement.size);
  return profiles.find(
    (p) => p.placements.length === 1 && p.placements[0]?.start === 0 && p.placements[0].size === slices,
  );
}

/** Every GPU instance and compute instance on a GPU in MIG mode, ordered by placement. */
export function readMigInstances(
  nvml: Nvml,
  device: DeviceHandle,
  profiles: MigProfileInfo[],
): MigInstance[] {
  // A whole-GPU instance still fits only where no GPU instance exists: one NVML call says so for an empty GPU,
  // where asking each profile for its instances takes one call per profile (the idle agent's heartbeat). A driver
  // that cannot say gets the walk.
  const whole = wholeGpuProfile(profiles);
  if (whole && (nvmlOptional(() => nvml.gpuInstanceRemainingCapacity(device, whole.id)) ?? 0) > 0) return [];
  // Read only when a compute instance needs its UUID: an empty slot costs NVML a NOT_FOUND each time.
  let devices: Map<string, { uuid: string; index: number }> | undefined;
  const instances: MigInstance[] = [];
  for (const profile of profiles) {
    for (const gi of nvml.gpuInstances(device, profile.id, profile.maxInstances)) {
      const info = nvml.gpuInstanceInfo(gi);
      const base = {
        gpuInstanceProfile: profile.name,
        gpuInstanceProfileId: profile.id,
        start: info.placement.start,
        size: info.placement.size,
        gpuInstanceId: info.id,
      };
      const cis = readComputeInstances(nvml, gi);
      if (cis.length === 0) {
        instances.push({
          ...base,
          profile: profile.name,
          computeInstanceId: null,
          computeInstanceProfileId: null,
          computeSlices: 0,
          computeStart: null,
          uuid: null,
          migDeviceIndex: null,
        });
      }
      if (cis.length > 0) devices ??= migDevices(nvml, device);
      for (const ci of cis) {
        const migDevice = devices?.get(`${info.id}/${ci.id}`);
        instances.push({
          ...base,
          profile: computeInstanceProfileName(ci.slices, profile.computeSlices, profile.name),
          computeInstanceId: ci.id,
          computeInstanceProfileId: ci.profileId,
          computeSlices: ci.slices,
          computeStart: ci.start,
          uuid: migDevice?.uuid ?? null,
          migDeviceIndex: migDevice?.index ?? null,
        });
      }
    }
  }
  return instances.sort(
    (a, b) =>
      a.start - b.start || a.gpuInstanceId - b.gpuInstanceId || (a.computeStart ?? 0) - (b.computeStart ?? 0),
  );
}

/**
 * The catalog's profiles for a GPU by its NVML name: NVML only reports profiles while MIG mode is on, and a plan
 * must be checked before the mode is touched.
 */
export function catalogMigProfiles(nvmlName: string): MigProfileInfo[] {
  const model = findGpuModelByName(nvmlName);
  return (model?.mig?.profiles ?? []).map((p) => ({
    name: p.name,
    id: p.id,
    index: p.index,
    computeSlices: p.computeSlices,
    memorySlices: p.memorySlices,
    memoryMiB: p.memoryMiB,
    maxInstances: p.maxInstances,
    placements: p.placementStarts.map((start) => ({ start, size: p.memorySlices })),
  }));
}
