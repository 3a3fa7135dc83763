import { findGpuModel, findMigProfile } from "../../proto/catalog/GpuCatalog.ts";
import type { GpuInventory__Output } from "../../proto/generated/tessera/v1/GpuInventory.ts";
import type { GpuObserved__Output } from "../../proto/generated/tessera/v1/GpuObserved.ts";
import type { UtilizationSample } from "./UtilizationSample.ts";

/**
 * The NVML readings in one agent report, as utilization samples: one per GPU, and one per MIG instance (memory
 * only: NVML has no per-instance utilization).
 */
export function samplesFromObserved(
  node: string,
  inventory: readonly GpuInventory__Output[],
  observed: readonly GpuObserved__Output[],
  at: number,
): UtilizationSample[] {
  const samples: UtilizationSample[] = [];
  for (const gpu of observed) {
    const known = inventory.find((g) => g.uuid === gpu.uuid);
    const model = known ? findGpuModel(known.model) : undefined;
    samples.push({
      at,
      node,
      gpuUuid: gpu.uuid,
      utilizationPercent: gpu.utilizationUnsupported || gpu.migEnabled ? null : gpu.utilizationPercent,
      memoryUsedMiB: gpu.memoryUsedMib,
      memoryTotalMiB: known?.memoryMib ?? 0,
      temperatureC: gpu.temperatureC > 0 ? gpu.temperatureC : null,
      powerW: gpu.powerMw > 0 ? gpu.powerMw / 1000 : null,
    });
    for (const instance of gpu.instances) {
      if (!instance.uuid) continue;
      const profile = model ? findMigProfile(model, instance.profile) : undefined;
      samples.push({
        at,
        node,
        gpuUuid: gpu.uuid,
        migUuid: instance.uuid,
        utilizationPercent: null,
        memoryUsedMiB: instance.memoryUsedMib,
        memoryTotalMiB: profile?.memoryMiB ?? 0,
      });
    }
  }
  return samples;
}
