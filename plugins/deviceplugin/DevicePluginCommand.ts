import type { Command } from "commander";
import { DEFAULT_DEVICE_PLUGIN_DIR } from "../../proto/k8s/DevicePluginConstants.ts";
import type { DevicePluginConfig } from "./DevicePluginConfig.ts";
import {
  addDevicePluginOptions,
  type DevicePluginFlags,
  devicePluginConfigFromFlags,
} from "./DevicePluginFlags.ts";
import { DevicePluginManager, type ResourceStatus } from "./DevicePluginManager.ts";
import { followInventoryFile, readInventoryFile } from "./InventoryFile.ts";
import { MemorySliceInventory } from "./MemorySliceInventory.ts";
import { startNvmlDevicePlugin } from "./NvmlDevicePlugin.ts";
import { allocationLog, consoleLog } from "./PluginLog.ts";
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
    );
  addDevicePluginOptions(command, DEFAULT_DEVICE_PLUGIN_DIR).action(
    async (flags: DevicePluginFlags & { inventory?: string }) => {
      try {
        const config = devicePluginConfigFromFlags(flags);
        await (flags.inventory ? serveFromInventoryFile(config, flags.inventory) : serveFromNvml(config));
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

async function serveFromInventoryFile(config: DevicePluginConfig, file: string): Promise<void> {
  // Listen for the stop signal first: the kubelet may use the plugin before start() returns.
  const stopped = untilStopSignal();
  const inventory = new MemorySliceInventory(readInventoryFile(file));
  const health = new XidHealthInventory(inventory, {
    ignoredXids: config.ignoredXids,
    recoveryMs: config.xidRecoverySeconds * 1000,
  });
  const manager = new DevicePluginManager({ inventory: health, config, log: consoleLog });
  try {
    await manager.start();
  } catch (error) {
    health.close();
    throw error;
  }
  const unfollow = followInventoryFile(file, inventory, consoleLog);
  announce(manager.status(), config);
  const signal = await stopped;
  consoleLog.info(`${signal}: removing plugin sockets`);
  unfollow();
  await manager.stop();
  health.close();
}

/** Without a scheduler: MIG GPUs as NVML shows them, shared where a sharing rule says, the rest whole. */
async function serveFromNvml(config: DevicePluginConfig): Promise<void> {
  const stopped = untilStopSignal();
  const plugin = await startNvmlDevicePlugin({
    config,
    desired: () => undefined,
    log: consoleLog,
    sink: allocationLog((line) => console.log(line)),
  });
  announce(plugin.status(), config);
  const signal = await stopped;
  consoleLog.info(`${signal}: removing plugin sockets`);
  await plugin.stop();
}
