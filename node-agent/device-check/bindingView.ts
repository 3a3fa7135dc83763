import { discoverWith } from "../nvml/discoverHost.ts";
import { readMigProfiles } from "../nvml/MigInventory.ts";
import { Nvml } from "../nvml/Nvml.ts";
import { nvmlOptional } from "../nvml/NvmlError.ts";
import { computeModeNames, type GpuView, type HostView, normalizeBusId } from "./hostView.ts";
import { readOnlyNvml } from "./readOnlyNvml.ts";

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
      const migMode = nvmlOptional(() => nvml.migMode(device));
      const mode = nvmlOptional(() => nvml.computeMode(device));
      const profiles = gpu.mig.capable ? readMigProfiles(nvml, device) : [];
      const power = nvmlOptional(() => nvml.powerUsageMilliwatts(device));
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
        temperatureC: nvmlOptional(() => nvml.temperature(device)),
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
