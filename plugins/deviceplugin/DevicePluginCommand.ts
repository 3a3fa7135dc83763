import type { Command } from "commander";
import { defaultMpsControlBinary } from "../../node-agent/mps/MpsControlBinary.ts";
import { DEFAULT_DEVICE_PLUGIN_DIR } from "../../proto/k8s/DevicePluginConstants.ts";
import { podResourcesSocketPath } from "../../proto/k8s/podresources/PodResourcesApi.ts";
import type { AllocationSink } from "./AllocationSink.ts";
import type { DevicePluginConfig } from "./DevicePluginConfig.ts";
import {
  addDevicePluginOptions,
  type DevicePluginFlags,
  devicePluginConfigFromFlags,
} from "./DevicePluginFlags.ts";
import { DevicePluginManager, type ResourceStatus } from "./DevicePluginManager.ts";
import { followInventoryFile, readInventoryFile } from "./InventoryFile.ts";
import { KubeletAllocationTable } from "./KubeletAllocationTable.ts";
import { MemorySliceInventory } from "./MemorySliceInventory.ts";
import { startNvmlDevicePlugin } from "./NvmlDevicePlugin.ts";
import { allocationLog, consoleLog } from "./PluginLog.ts";
import { PluginMpsDaemons, sharedGpuLimits } from "./PluginMpsDaemons.ts";
import { PodResourcesReleaser } from "./PodResourcesReleaser.ts";
import { XidHealthInventory } from "./XidHealthInventory.ts";

/** Resolves when the process is told to stop (SIGINT, SIGTERM). */
function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

export function registerDevicePluginCommands(program: Command): void {
  const command = program
    .command("device-plugin")
    .description(
      "serve the Kubernetes device plugin on its own, for the GPUs NVML shows or those an inventory file lists " +
        "(the agent serves it itself with --kubelet-dir)",
    )
    .option(
      "--inventory <file>",
      "node inventory (JSON or YAML: gpus with their use), re-read when it changes; default: the GPUs from NVML",
    )
    .option(
      "--mps-control <PATH>",
      `NVIDIA's MPS control daemon, run once per shared GPU (default: ${defaultMpsControlBinary} on PATH; without it shared replicas are time-sliced)`,
    );
  addDevicePluginOptions(command, DEFAULT_DEVICE_PLUGIN_DIR).action(
    async (flags: DevicePluginFlags & { inventory?: string; mpsControl?: string }) => {
      try {
        const config = await devicePluginConfigFromFlags(flags);
        // Before the plugin starts: without a daemon its shared replicas are announced as time-sliced.
        const mps = PluginMpsDaemons.create({
          config,
          log: consoleLog,
          ...(flags.mpsControl !== undefined ? { binary: flags.mpsControl } : {}),
        });
        await (flags.inventory
          ? serveFromInventoryFile(config, flags.inventory, mps)
          : serveFromNvml(config, mps));
      } catch (error) {
        console.error(`tessera device-plugin: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      }
    },
  );
}

function announce(resources: ResourceStatus[], config: DevicePluginConfig): void {
  consoleLog.info(
    `serving ${resources.length} resources in ${config.kubeletDir}: ${resources.map((r) => `${r.resourceName} (${r.devices})`).join(", ")}`,
  );
}

/**
 * What the kubelet holds (so that a daemon in use outlives its GPU's sharing and this process), fed by Allocate
 * and released by the kubelet's pod-resources List.
 */
function kubeletHolds(config: DevicePluginConfig): {
  table: KubeletAllocationTable;
  sink: AllocationSink;
  releaser: PodResourcesReleaser;
} {
  const table = new KubeletAllocationTable();
  const logged = allocationLog((line) => console.log(line));
  const releaser = new PodResourcesReleaser({
    socket: podResourcesSocketPath(config.kubeletDir),
    table,
    log: consoleLog,
  });
  const sink: AllocationSink = {
    reportAllocation(allocation) {
      logged.reportAllocation(allocation);
      table.reportAllocation(allocation);
    },
    advertised(ids) {
      table.advertised(ids);
      void releaser.check();
    },
  };
  return { table, sink, releaser };
}

async function serveFromInventoryFile(
  config: DevicePluginConfig,
  file: string,
  mps: PluginMpsDaemons | undefined,
): Promise<void> {
  // Listen for the stop signal first: the kubelet may use the plugin before start() returns.
  const stopped = untilStopSignal();
  const inventory = new MemorySliceInventory(readInventoryFile(file));
  const health = new XidHealthInventory(inventory, {
    ignoredXids: config.ignoredXids,
    recoveryMs: config.xidRecoverySeconds * 1000,
  });
  const holds = kubeletHolds(config);
  const manager = new DevicePluginManager({ inventory: health, config, log: consoleLog, sink: holds.sink });
  try {
    await manager.start();
  } catch (error) {
    health.close();
    throw error;
  }
  const unfollow = followInventoryFile(file, inventory, consoleLog);
  announce(manager.status(), config);
  holds.releaser.start();
  mps?.start(() => sharedGpuLimits(inventory.current()), holds.table);
  const signal = await stopped;
  consoleLog.info(`${signal}: removing plugin sockets`);
  unfollow();
  mps?.stop(holds.table);
  holds.releaser.stop();
  await manager.stop();
  health.close();
}

/** Without a scheduler: MIG GPUs as NVML shows them, shared where a sharing rule says, the rest whole. */
async function serveFromNvml(config: DevicePluginConfig, mps: PluginMpsDaemons | undefined): Promise<void> {
  const stopped = untilStopSignal();
  const holds = kubeletHolds(config);
  const plugin = await startNvmlDevicePlugin({
    config,
    desired: () => undefined,
    log: consoleLog,
    sink: holds.sink,
  });
  announce(plugin.status(), config);
  holds.releaser.start();
  mps?.start(() => plugin.sharedGpus(), holds.table);
  const signal = await stopped;
  consoleLog.info(`${signal}: removing plugin sockets`);
  mps?.stop(holds.table);
  holds.releaser.stop();
  await plugin.stop();
}
