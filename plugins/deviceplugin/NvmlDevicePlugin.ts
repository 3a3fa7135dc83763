import { discoverWith } from "../../node-agent/nvml/discoverHost.ts";
import { Nvml } from "../../node-agent/nvml/Nvml.ts";
import { SysfsTree } from "../../node-agent/vfio/SysfsTree.ts";
import type { DesiredState__Output } from "../../proto/generated/tessera/v1/DesiredState.ts";
import { AgentSliceInventory } from "./AgentSliceInventory.ts";
import type { AllocationSink } from "./AllocationSink.ts";
import type { DevicePluginConfig } from "./DevicePluginConfig.ts";
import { DevicePluginManager, type ResourceStatus } from "./DevicePluginManager.ts";
import { NvmlXidWatcher } from "./NvmlXidWatcher.ts";
import type { PluginLog } from "./PluginLog.ts";
import { scanVfioGpus } from "./VfioGpuScan.ts";
import { XidHealthInventory } from "./XidHealthInventory.ts";

export interface NvmlDevicePluginOptions {
  config: DevicePluginConfig;
  /** The agent's latest desired state from the scheduler; always undefined without a scheduler. */
  desired: () => DesiredState__Output | undefined;
  log: PluginLog;
  sink?: AllocationSink;
  /** NVML library (default: TESSERA_NVML_LIBRARY or the driver's). */
  nvmlLibrary?: string;
  /** How often NVML and the desired state are re-read (a MIG change shows up within this). */
  refreshMs?: number;
  sysfsRoot?: string;
}

export interface NvmlDevicePlugin {
  /** Re-reads now, e.g. right after the agent applied a new desired state. */
  refresh(): Promise<void>;
  status(): ResourceStatus[];
  stop(): Promise<void>;
}

/**
 * The device plugin over NVML, as the agent runs it (`tessera agent --kubelet-dir DIR`, with the scheduler's
 * desired state) or on its own (`tessera device-plugin`, without): slices from NVML, health from NVML's Xid
 * events, one plugin server per resource in the kubelet's directory.
 */
export async function startNvmlDevicePlugin(options: NvmlDevicePluginOptions): Promise<NvmlDevicePlugin> {
  const { config, log } = options;
  const nvml = Nvml.open(options.nvmlLibrary);
  const sysfs = new SysfsTree(options.sysfsRoot);
  const slices = new AgentSliceInventory(
    {
      discover: () => discoverWith(nvml).gpus,
      desired: options.desired,
      vfioGpus: () => scanVfioGpus(sysfs, config.vmGpus),
    },
    config.sharing,
    options.sysfsRoot,
  );
  const health = new XidHealthInventory(slices, {
    ignoredXids: config.ignoredXids,
    recoveryMs: config.xidRecoverySeconds * 1000,
  });
  let lastProblem: string | null = null;
  const refresh = async () => {
    try {
      await slices.refresh();
      if (lastProblem !== null) log.info("NVML answers again");
      lastProblem = null;
    } catch (error) {
      const problem = `cannot read the GPUs: ${(error as Error).message}`;
      if (problem !== lastProblem) log.error(`${problem}; advertising the last known devices`);
      lastProblem = problem;
    }
  };
  await refresh();
  const watcher = new NvmlXidWatcher(nvml, health, log);
  const manager = new DevicePluginManager({ inventory: health, config, log, sink: options.sink });
  try {
    await manager.start();
  } catch (error) {
    health.close();
    nvml.close();
    throw error;
  }
  watcher.start();
  const timer = setInterval(() => void refresh(), options.refreshMs ?? 2000);
  return {
    refresh,
    status: () => manager.status(),
    async stop() {
      clearInterval(timer);
      await watcher.stop();
      await manager.stop();
      health.close();
      nvml.close();
    },
  };
}
