import { type Command, Option } from "commander";
import {
  type DevicePluginConfig,
  defaultDevicePluginConfig,
  deviceListStrategies,
  loadDevicePluginConfig,
  parseDevicePluginConfig,
} from "./DevicePluginConfig.ts";
import { namingSchemes } from "./ResourceNaming.ts";

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
    .addOption(
      new Option(
        "--mps-root <dir>",
        "host directory of the per-GPU MPS daemons (pipe dirs, shm); an agent without --kubelet-dir uses <data-dir>/mps by default",
      ),
    );
}

/** Defaults, then the config file, then the flags. */
export async function devicePluginConfigFromFlags(flags: DevicePluginFlags): Promise<DevicePluginConfig> {
  const base = flags.devicePluginConfig
    ? await loadDevicePluginConfig(flags.devicePluginConfig)
    : { ...defaultDevicePluginConfig };
  const overrides: Record<string, unknown> = { ...base };
  if (flags.kubeletDir !== undefined) overrides.kubeletDir = flags.kubeletDir;
  if (flags.naming !== undefined) overrides.naming = flags.naming;
  if (flags.deviceListStrategy !== undefined) overrides.deviceListStrategy = flags.deviceListStrategy;
  if (flags.mpsRoot !== undefined) overrides.mpsRoot = flags.mpsRoot;
  return parseDevicePluginConfig(overrides, "device-plugin flags");
}
