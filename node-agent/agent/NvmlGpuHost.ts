import { findGpuModelByName } from "../../proto/catalog/GpuCatalog.ts";
import type { GpuInventory } from "../../proto/generated/tessera/v1/GpuInventory.ts";
import type { GpuObserved } from "../../proto/generated/tessera/v1/GpuObserved.ts";
import type { MigPlacement } from "../../proto/generated/tessera/v1/MigPlacement.ts";
import { reconcileMig } from "../mig/MigReconciler.ts";
import { type DiscoveredGpu, discoverWith } from "../nvml/discoverHost.ts";
import { Nvml } from "../nvml/Nvml.ts";
import { NvmlError } from "../nvml/NvmlError.ts";
import type { GpuHost, GpuMode } from "./GpuHost.ts";

/** The host's GPUs through the NVML binding (the driver, or the stand-in library named by TESSERA_NVML_LIBRARY). */
export class NvmlGpuHost implements GpuHost {
  private readonly nvml: Nvml;

  constructor(libraryPath?: string) {
    this.nvml = Nvml.open(libraryPath);
  }

  private discover(): DiscoveredGpu[] {
    return discoverWith(this.nvml).gpus;
  }

  inventory(): GpuInventory[] {
    const gpus = this.discover();
    return gpus.map((g) => ({
      uuid: g.uuid,
      index: g.index,
      name: g.name,
      model: g.model ?? findGpuModelByName(g.name)?.id ?? "",
      memoryMib: g.memoryMiB,
      pciBusId: g.pciBusId,
      migCapable: g.mig.capable,
      nvlinkPeers: g.nvlinkPeers
        .map((p) => (p.gpuIndex === null ? undefined : gpus[p.gpuIndex]?.uuid))
        .filter((u): u is string => u !== undefined),
    }));
  }

  /** Utilization, temperature and power; each is left out where NVML does not support it (MIG: no utilization). */
  private readings(
    uuid: string,
  ): Pick<GpuObserved, "utilizationPercent" | "utilizationUnsupported" | "temperatureC" | "powerMw"> {
    const device = this.nvml.deviceByUuid(uuid);
    const read = <T>(get: () => T): T | undefined => {
      try {
        return get();
      } catch (err) {
        if (err instanceof NvmlError) return undefined;
        throw err;
      }
    };
    const utilization = read(() => this.nvml.utilization(device));
    return {
      utilizationPercent: utilization?.gpuPercent ?? 0,
      utilizationUnsupported: utilization === undefined,
      temperatureC: read(() => this.nvml.temperature(device)) ?? 0,
      powerMw: read(() => this.nvml.powerUsageMilliwatts(device)) ?? 0,
    };
  }

  observe(): GpuObserved[] {
    return this.discover().map((g) => {
      const onInstance = (gi: number) => g.processes.filter((p) => p.gpuInstanceId === gi).map((p) => p.pid);
      const memoryOn = (gi: number) =>
        g.processes.filter((p) => p.gpuInstanceId === gi).reduce((n, p) => n + (p.usedMemoryMiB ?? 0), 0);
      return {
        ...this.readings(g.uuid),
        uuid: g.uuid,
        migEnabled: g.mig.enabled,
        instances: g.mig.instances.map((i) => ({
          profile: i.gpuInstanceProfile,
          start: i.start,
          size: i.size,
          gpuInstanceId: i.gpuInstanceId,
          computeInstanceId: i.computeInstanceId ?? 0,
          uuid: i.uuid ?? "",
          pids: onInstance(i.gpuInstanceId),
          memoryUsedMib: memoryOn(i.gpuInstanceId),
        })),
        memoryUsedMib: g.processes.reduce((n, p) => n + (p.usedMemoryMiB ?? 0), 0),
        health: "ok",
        pids: g.processes.filter((p) => p.gpuInstanceId === null).map((p) => p.pid),
      };
    });
  }

  /** Through the MIG reconciler, which changes only what differs and never destroys a busy instance. */
  apply(gpuUuid: string, mode: GpuMode, layout: readonly MigPlacement[]): void {
    const device = this.nvml.deviceByUuid(gpuUuid);
    const gpuIndex = this.nvml.deviceIndex(device);
    if (mode !== "mig") {
      // GPUs without MIG, or with MIG already off, have nothing to change.
      let enabled = false;
      try {
        enabled = this.nvml.migMode(device).current;
      } catch (err) {
        if (!(err instanceof NvmlError)) throw err;
      }
      if (!enabled) return;
    }
    reconcileMig(this.nvml, [
      {
        gpuIndex,
        migEnabled: mode === "mig",
        instances: layout.map((p) => ({ profile: p.profile ?? "", start: p.start ?? 0 })),
      },
    ]);
  }

  close(): void {
    this.nvml.close();
  }
}
