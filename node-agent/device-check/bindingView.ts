import { discoverWith } from "../nvml/discoverHost.ts";
import { readMigProfiles } from "../nvml/MigInventory.ts";
import { Nvml } from "../nvml/Nvml.ts";
import { NvmlError } from "../nvml/NvmlError.ts";
import { computeModeNames, type GpuView, type HostView, normalizeBusId } from "./hostView.ts";
import { readOnlyNvml } from "./readOnlyNvml.ts";

function optional<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof NvmlError) return null;
    throw error;
  }
}

/** What Tessera's binding reports, through a read-only wrapper. */
export function bindingView(libraryPath?: string): HostView {
  let opened: Nvml;
  try {
    opened = Nvml.open(libraryPath);
  } catch (error) {
    return { source: "tessera", gpus: [], error: (error as Error).message };
  }
  const nvml = readOnlyNvml(opened);
  try {
    const host = discoverWith(nvml);
    const gpus = host.gpus.map((gpu): GpuView => {
      const device = nvml.deviceByIndex(gpu.index);
      const migMode = optional(() => nvml.migMode(device));
      const mode = optional(() => nvml.computeMode(device));
      const profiles = gpu.mig.enabled ? readMigProfiles(nvml, device) : [];
      const power = optional(() => nvml.powerUsageMilliwatts(device));
      return {
        index: gpu.index,
        uuid: gpu.uuid,
        name: gpu.name,
        serial: gpu.serial,
        pciBusId: normalizeBusId(gpu.pciBusId),
        memoryTotalMiB: gpu.memoryMiB,
        minorNumber: nvml.minorNumber(device),
        computeCapability: gpu.computeCapability,
        migCurrent: migMode?.current ?? null,
        migPending: migMode?.pending ?? null,
        temperatureC: optional(() => nvml.temperature(device)),
        powerW: power === null ? null : power / 1000,
        computeMode: mode === null ? null : (computeModeNames[mode] ?? String(mode)),
        migDevices: gpu.mig.instances
          .filter((i) => i.uuid !== null)
          .map((i) => `${i.profile}=${i.uuid}`)
          .sort(),
        migProfiles: profiles
          .map(
            (p) =>
              `${p.id}:${p.index}:${p.computeSlices}:${p.maxInstances}:${p.memoryMiB}@` +
              `${p.placements.map((q) => q.start).join(",")}/${p.memorySlices}`,
          )
          .sort(),
        gpuInstances: [
          ...new Set(
            gpu.mig.instances.map(
              (i) => `gi${i.gpuInstanceId}:profile${i.gpuInstanceProfileId}@${i.start}/${i.size}`,
            ),
          ),
        ].sort(),
      };
    });
    return {
      source: "tessera",
      driverVersion: host.driverVersion,
      cudaDriverVersion: host.cudaDriverVersion,
      gpus,
    };
  } finally {
    opened.close();
  }
}
