import type { MpsLimits } from "../../node-agent/mps/MpsControlDaemon.ts";
import { NodeNvml } from "../../node-agent/nvml/NodeNvml.ts";
import { SysfsTree } from "../../node-agent/vfio/SysfsTree.ts";
import type { DesiredState__Output } from "../../proto/generated/tessera/v1/DesiredState.ts";
import { AgentSliceInventory } from "./AgentSliceInventory.ts";
import type { AllocationSink } from "./AllocationSink.ts";
import type { DevicePluginConfig } from "./DevicePluginConfig.ts";
import { DevicePluginManager, type ResourceStatus } from "./DevicePluginManager.ts";
import type { PluginLog } from "./PluginLog.ts";
import { sharedGpuLimits } from "./PluginMpsDaemons.ts";
import { scanVfioGpus } from "./VfioGpuScan.ts";
import { XidHealthInventory } from "./XidHealthInventory.ts";

export interface NvmlDevicePluginOptions {
  config: DevicePluginConfig;
  /** The agent's latest desired state from the scheduler; always undefined without a scheduler. */
  desired: () => DesiredState__Output | undefined;
  log: PluginLog;
  sink?: AllocationSink;
  /** The node process's NVML session (the agent's); without it the plugin opens and owns one. */
  session?: NodeNvml;
  /** NVML library of a session the plugin opens itself (default: TESSERA_NVML_LIBRARY or the driver's). */
  nvmlLibrary?: string;
  /** How often NVML and the desired state are re-read (a MIG change shows up within this). */
  refreshMs?: number;
  sysfsRoot?: string;
}

export interface NvmlDevicePlugin {
  /** Re-reads now, e.g. right after the agent applied a new desired state. */
  refresh(): Promise<void>;
  status(): ResourceStatus[];
  /** The GPUs it hands out as shared replicas, with one replica's MPS limits: the agent runs their daemons. */
  sharedGpus(): Map<string, MpsLimits>;
  stop(): Promise<void>;
}

/**
 * The device plugin over NVML, as the agent runs it (`tessera agent --kubelet-dir DIR`, with the scheduler's
 * desired state) or on its own (`tessera device-plugin`, without): slices from NVML, health from NVML's Xid
 * events, one plugin server per resource in the kubelet's directory. In the agent, NVML discovery and Xid
 * watching are the agent's session, shared with its GPU host.
 */
export async function startNvmlDevicePlugin(options: NvmlDevicePluginOptions): Promise<NvmlDevicePlugin> {
  const { config, log } = options;
  const session =
    options.session ??
    new NodeNvml({
      libraryPath: options.nvmlLibrary,
      health: { ignoredXids: config.ignoredXids, recoveryMs: config.xidRecoverySeconds * 1000 },
      log,
    });
  const ownsSession = options.session === undefined;
  const sysfs = new SysfsTree(options.sysfsRoot);
  const slices = new AgentSliceInventory(
    {
      discover: () => session.discover(),
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
  const manager = new DevicePluginManager({ inventory: health, config, log, sink: options.sink });
  const closeSession = async () => {
    if (ownsSession) await session.close();
  };
  try {
    await manager.start();
  } catch (error) {
    health.close();
    await closeSession();
    throw error;
  }
  const unsubscribe = session.subscribeXids(health);
  session.watchXids();
  const timer = setInterval(() => void refresh(), options.refreshMs ?? 2000);
  return {
    refresh,
    status: () => manager.status(),
    sharedGpus: () => sharedGpuLimits(slices.current()),
    async stop() {
      clearInterval(timer);
      unsubscribe();
      await manager.stop();
      health.close();
      await closeSession();
    },
  };
}
