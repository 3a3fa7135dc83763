import type { GpuHost, GpuMode } from "../../node-agent/agent/GpuHost.ts";
import { findGpuModel } from "../../proto/catalog/GpuCatalog.ts";
import type { GpuInventory } from "../../proto/generated/tessera/v1/GpuInventory.ts";
import type { GpuObserved } from "../../proto/generated/tessera/v1/GpuObserved.ts";
import type { MigInstance } from "../../proto/generated/tessera/v1/MigInstance.ts";
import type { MigPlacement } from "../../proto/generated/tessera/v1/MigPlacement.ts";

interface MemoryGpu {
  inventory: GpuInventory;
  migEnabled: boolean;
  instances: MigInstance[];
}

/**
 * An in-memory GpuHost for in-process tests of the agent protocol; the cross-process tests use the stand-in
 * NVML library through the real binding instead. `busy` marks instances that have processes on them; `failing`
 * makes every layout change of a GPU fail with the given error (as NVML refuses one while something outside
 * Tessera holds the GPU).
 */
export class MemoryGpuHost implements GpuHost {
  readonly gpus: MemoryGpu[];
  readonly busy = new Set<string>();
  readonly failing = new Map<string, string>();
  applied = 0;

  constructor(node: string, models: string[]) {
    this.gpus = models.map((id, index) => {
      const model = findGpuModel(id);
      if (!model) throw new Error(`unknown model ${id}`);
      return {
        inventory: {
          uuid: `GPU-${node}-${index}`,
          index,
          name: model.name,
          model: model.id,
          memoryMib: model.memoryMiB,
          pciBusId: `0000:${(index + 1).toString(16).padStart(2, "0")}:00.0`,
          migCapable: model.mig !== null,
          nvlinkPeers: [],
        },
        migEnabled: false,
        instances: [],
      };
    });
  }

  inventory(): GpuInventory[] {
    return this.gpus.map((g) => g.inventory);
  }

  observe(): GpuObserved[] {
    return this.gpus.map((g) => ({
      uuid: g.inventory.uuid,
      migEnabled: g.migEnabled,
      instances: g.instances,
      health: "ok",
    }));
  }

  apply(gpuUuid: string, mode: GpuMode, layout: readonly MigPlacement[]): void {
    const gpu = this.gpus.find((g) => g.inventory.uuid === gpuUuid);
    if (!gpu) throw new Error(`no GPU ${gpuUuid}`);
    const failure = this.failing.get(gpuUuid);
    if (failure) throw new Error(`GPU ${gpuUuid}: ${failure}`);
    const wanted = mode === "mig" ? layout : [];
    const key = (i: { profile?: string; start?: number }) => `${i.profile}@${i.start}`;
    const doomed = gpu.instances.filter((i) => !wanted.some((w) => key(w) === key(i)));
    const blocked = doomed.find((i) => this.busy.has(i.uuid ?? ""));
    if (blocked) throw new Error(`GPU ${gpuUuid}: instance ${key(blocked)} has running processes`);
    gpu.migEnabled = mode === "mig";
    gpu.instances = gpu.instances.filter((i) => !doomed.includes(i));
    for (const w of wanted) {
      if (gpu.instances.some((i) => key(i) === key(w))) continue;
      gpu.instances.push({
        profile: w.profile,
        start: w.start,
        size: w.size,
        gpuInstanceId: gpu.instances.length + 1,
        computeInstanceId: 0,
        uuid: `MIG-${gpuUuid.slice(4)}-${w.profile}-${w.start}`,
        pids: [],
      });
      this.applied++;
    }
  }

  close(): void {}
}
