import { type Command, Option } from "commander";
import { DEFAULT_DEVICE_PLUGIN_DIR } from "../../proto/k8s/DevicePluginApi.ts";
import {
  type DevicePluginConfig,
  defaultDevicePluginConfig,
  deviceListStrategies,
  loadDevicePluginConfig,
  parseDevicePluginConfig,
} from "./DevicePluginConfig.ts";
import { DevicePluginManager } from "./DevicePluginManager.ts";
import { followInventoryFile, readInventoryFile } from "./InventoryFile.ts";
import { MemorySliceInventory } from "./MemorySliceInventory.ts";
import { consoleLog } from "./PluginLog.ts";
import { namingSchemes } from "./ResourceNaming.ts";
import { XidHealthInventory } from "./XidHealthInventory.ts";

/** The device-plugin flags as commander parses them; shared by `tessera device-plugin` and `tessera agent`. */
export interface DevicePluginFlags {
  kubeletDir?: string;
  devicePluginConfig?: string;
  naming?: string;
  deviceListStrategy?: string;
  mpsRoot?: string;
}

/**
 * Adds the device-plugin flags to a command. With `kubeletDirDefault` the plugin always runs (in that directory
 * unless told otherwise); without it, `--kubelet-dir` is what turns the plugin on.
 */
export function addDevicePluginOptions(command: Command, kubeletDirDefault?: string): Command {
  const kubeletDir = new Option(
    "--kubelet-dir <dir>",
    "kubelet device-plugin directory (holds kubelet.sock); serve the Kubernetes device plugin there",
  );
  if (kubeletDirDefault !== undefined) kubeletDir.default(kubeletDirDefault);
  return command
    .addOption(kubeletDir)
    .addOption(
      new Option("--device-plugin-config <file>", "device-plugin settings (YAML); flags override it"),
    )
    .addOption(
      new Option("--naming <scheme>", "resource names: nvidia-compatible or tessera's own").choices(
        namingSchemes,
      ),
    )
    .addOption(
      new Option("--device-list-strategy <strategy>", "how Allocate names the GPUs to the runtime").choices(
        deviceListStrategies,
      ),
    )
    .addOption(new Option("--mps-root <dir>", "host directory of the per-GPU MPS daemons (pipe dirs, shm)"));
}

/** Defaults, then the config file, then the flags. */
export function devicePluginConfigFromFlags(flags: DevicePluginFlags): DevicePluginConfig {
  const base = flags.devicePluginConfig
    ? loadDevicePluginConfig(flags.devicePluginConfig)
    : { ...defaultDevicePluginConfig };
  const overrides: Record<string, unknown> = { ...base };
  if (flags.kubeletDir !== undefined) overrides.kubeletDir = flags.kubeletDir;
  if (flags.naming !== undefined) overrides.naming = flags.naming;
  if (flags.deviceListStrategy !== undefined) overrides.deviceListStrategy = flags.deviceListStrategy;
  if (flags.mpsRoot !== undefined) overrides.mpsRoot = flags.mpsRoot;
  return parseDevicePluginConfig(overrides, "device-plugin flags");
}

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
      "serve the Kubernetes device plugin for the slices listed in an inventory file (the agent serves it itself with --kubelet-dir)",
    )
    .requiredOption(
      "--inventory <file>",
      "node inventory (JSON or YAML: gpus with their use); re-read when it changes",
    );
  addDevicePluginOptions(command, DEFAULT_DEVICE_PLUGIN_DIR).action(
    async (flags: DevicePluginFlags & { inventory: string }) => {
      try {
        await serveFromInventoryFile(flags);
      } catch (error) {
        console.error(`tessera device-plugin: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      }
    },
  );
}

async function serveFromInventoryFile(flags: DevicePluginFlags & { inventory: string }): Promise<void> {
  const config = devicePluginConfigFromFlags(flags);
  const inventory = new MemorySliceInventory(readInventoryFile(flags.inventory));
  const health = new XidHealthInventory(inventory, {
    ignoredXids: config.ignoredXids,
    recoveryMs: config.xidRecoverySeconds * 1000,
  });
  const manager = new DevicePluginManager({ inventory: health, config, log: consoleLog });
  const unfollow = followInventoryFile(flags.inventory, inventory, consoleLog);
  await manager.start();
  const resources = manager.status();
  consoleLog.info(
    `serving ${resources.length} resources in ${config.kubeletDir}: ${resources.map((r) => `${r.resourceName} (${r.devices})`).join(", ")}`,
  );
  const signal = await untilStopSignal();
  consoleLog.info(`${signal}: removing plugin sockets`);
  unfollow();
  await manager.stop();
  health.close();
}
