import { type Command, Option } from "commander";
import { DEFAULT_DEVICE_PLUGIN_DIR } from "../../proto/k8s/DevicePluginApi.ts";
import {
  type DevicePluginConfig,
  defaultDevicePluginConfig,
  deviceListStrategies,
  loadDevicePluginConfig,
  parseDevicePluginConfig,
} from "./DevicePluginConfig.ts";
import { DevicePluginManager, type ResourceStatus } from "./DevicePluginManager.ts";
import { followInventoryFile, readInventoryFile } from "./InventoryFile.ts";
import { MemorySliceInventory } from "./MemorySliceInventory.ts";
import { startNvmlDevicePlugin } from "./NvmlDevicePlugin.ts";
import { allocationLog, consoleLog } from "./PluginLog.ts";
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
