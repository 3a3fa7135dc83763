import { findGpuModelByName } from "../../proto/catalog/GpuCatalog.ts";
import type { GpuInventory } from "../../proto/generated/tessera/v1/GpuInventory.ts";
import type { GpuObserved } from "../../proto/generated/tessera/v1/GpuObserved.ts";
import type { MigPlacement } from "../../proto/generated/tessera/v1/MigPlacement.ts";
import { reconcileMig } from "../mig/MigReconciler.ts";
import type { DiscoveredGpu } from "../nvml/discoverHost.ts";
import { NodeNvml } from "../nvml/NodeNvml.ts";
import type { Nvml } from "../nvml/Nvml.ts";
import { NvmlError } from "../nvml/NvmlError.ts";
import { NvmlReturn } from "../nvml/nvmlReturnCodes.ts";
import type { DeviceHandle } from "../nvml/nvmlTypes.ts";
import type { GpuHost, GpuMode } from "./GpuHost.ts";

/**
 * The host's GPUs through the node's NVML session (the driver, or the stand-in library named by
 * TESSERA_NVML_LIBRARY), with each GPU's health from that session's Xid watching and NVML's answers.
 */
export class NvmlGpuHost implements GpuHost {
  private readonly nvml: Nvml;
  private readonly node: NodeNvml;
  /** Whether this host opened its own session (tools, tests) rather than sharing the agent's. */
  private readonly ownsSession: boolean;
  private readonly devices = new Map<string, DeviceHandle>();

  /** On the node's shared session, or (a library path or nothing) on a session of its own. */
  constructor(session?: NodeNvml | string) {
    this.ownsSession = !(session instanceof NodeNvml);
    this.node =
      session instanceof NodeNvml
        ? session
        : new NodeNvml({
            libraryPath: session,
            health: { recoveryMs: 300_000 },
            log: { warn: () => {}, error: () => {} },
          });
    this.nvml = this.node.nvml;
  }

  private discover(): DiscoveredGpu[] {
    return this.node.discover();
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

  /** A GPU's handle, looked up once: NVML's handles stay valid until the session is shut down. */
  private device(uuid: string): DeviceHandle {
    let device = this.devices.get(uuid);
    if (device === undefined) {
      device = this.nvml.deviceByUuid(uuid);
      this.devices.set(uuid, device);
    }
    return device;
  }

  /** Utilization, temperature and power; each is left out where NVML does not support it (MIG: no utilization). */
  private readings(
    uuid: string,
    migEnabled: boolean,
  ): Pick<GpuObserved, "utilizationPercent" | "utilizationUnsupported" | "temperatureC" | "powerMw"> {
    const device = this.device(uuid);
    let lost = false;
    const read = <T>(get: () => T): T | undefined => {
      try {
        return get();
      } catch (err) {
        if (!(err instanceof NvmlError)) throw err;
        if (err.code === NvmlReturn.ERROR_GPU_IS_LOST) lost = true;
        return undefined;
      }
    };
    // NVML answers NOT_SUPPORTED on every MIG-enabled GPU (fact sheet): not asked, not thrown each heartbeat.
    const utilization = migEnabled ? undefined : read(() => this.nvml.utilization(device));
    const temperatureC = read(() => this.nvml.temperature(device)) ?? 0;
    const powerMw = read(() => this.nvml.powerUsageMilliwatts(device)) ?? 0;
    this.node.health.setLost(uuid, lost ? "fallen off the bus (NVML: GPU is lost)" : null);
    return {
      utilizationPercent: utilization?.gpuPercent ?? 0,
      utilizationUnsupported: utilization === undefined,
      temperatureC,
      powerMw,
    };
  }

  observe(): GpuObserved[] {
    return this.discover().map((g): GpuObserved => {
      const onInstance = (gi: number) => g.processes.filter((p) => p.gpuInstanceId === gi).map((p) => p.pid);
      const memoryOn = (gi: number) =>
        g.processes.filter((p) => p.gpuInstanceId === gi).reduce((n, p) => n + (p.usedMemoryMiB ?? 0), 0);
      const readings = this.readings(g.uuid, g.mig.enabled);
      // Fields, not a spread: a spread's object grows its property store field by field (garbage per heartbeat).
      return {
        utilizationPercent: readings.utilizationPercent,
        utilizationUnsupported: readings.utilizationUnsupported,
        temperatureC: readings.temperatureC,
        powerMw: readings.powerMw,
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
          migDeviceIndex: i.migDeviceIndex ?? undefined,
        })),
        memoryUsedMib: g.processes.reduce((n, p) => n + (p.usedMemoryMiB ?? 0), 0),
        health: this.node.health.healthOf(g.uuid),
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
    try {
      reconcileMig(this.nvml, [
        {
          gpuIndex,
          migEnabled: mode === "mig",
          instances: layout.map((p) => ({ profile: p.profile ?? "", start: p.start ?? 0 })),
        },
      ]);
    } finally {
      this.node.invalidate();
    }
  }

  /** Closes NVML when the session is this host's own; a shared one is closed by its owner. */
  close(): void {
    if (this.ownsSession) void this.node.close();
  }
}
