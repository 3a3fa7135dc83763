import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { KubeletHolds } from "../../node-agent/agent/KubeletHolds.ts";
import { defaultMpsControlBinary, resolveMpsControl } from "../../node-agent/mps/MpsControlBinary.ts";
import type { MpsLimits } from "../../node-agent/mps/MpsControlDaemon.ts";
import { MpsSupervisor } from "../../node-agent/mps/MpsSupervisor.ts";
import type { DevicePluginConfig } from "./DevicePluginConfig.ts";
import type { PluginLog } from "./PluginLog.ts";
import type { NodeInventory } from "./SliceInventory.ts";

/** The GPUs an inventory splits into shared replicas, with one replica's limits (its daemon's defaults). */
export function sharedGpuLimits(inventory: NodeInventory): Map<string, MpsLimits> {
  const shared = new Map<string, MpsLimits>();
  for (const gpu of inventory.gpus) {
    if (gpu.use.mode !== "shared") continue;
    shared.set(gpu.uuid, {
      activeThreadPercentage: gpu.use.computePercentPerReplica,
      pinnedMemoryMiB: gpu.use.memoryMiBPerReplica,
    });
  }
  return shared;
}

export interface PluginMpsDaemonsOptions {
  config: DevicePluginConfig;
  /** `--mps-control`: a path or a name on PATH; absent, NVIDIA's `nvidia-cuda-mps-control` where installed. */
  binary?: string;
  log: PluginLog;
  /** How often dead daemons are restarted and the wanted set is re-read (default 1 s). */
  checkMs?: number;
}

/**
 * The MPS control daemons of `tessera device-plugin` run on its own (no agent): one per GPU it splits into shared
 * replicas, in `<mpsRoot>/<GPU uuid>` where Allocate mounts them from, kept by the agent's MpsSupervisor. A daemon
 * whose GPU is no longer shared stops unless a container still holds one of its replicas; on exit the daemons
 * with held replicas run on, and the next start adopts them.
 */
export class PluginMpsDaemons {
  private readonly supervisor: MpsSupervisor;
  private timer: NodeJS.Timeout | undefined;
  private problems = "";

  private constructor(
    private readonly options: PluginMpsDaemonsOptions,
    binary: string,
  ) {
    // Pods get <mpsRoot>/shm as /dev/shm, which MPS clients share with their server.
    mkdirSync(join(options.config.mpsRoot, "shm"), { recursive: true });
    this.supervisor = new MpsSupervisor({
      binary,
      root: options.config.mpsRoot,
      log: (line) => options.log.info(line),
    });
  }

  /**
   * The daemons for this plugin, or undefined where no control daemon is installed: then the config says
   * `time-sliced` (Allocate mounts nothing and tells containers their memory is not isolated). A `--mps-control`
   * that cannot run is an error.
   */
  static create(options: PluginMpsDaemonsOptions): PluginMpsDaemons | undefined {
    // Set so in the config file: no daemons, whatever is installed.
    if (options.config.shareIsolation === "time-sliced") return undefined;
    const binary = resolveMpsControl(options.binary ?? defaultMpsControlBinary);
    if (options.binary !== undefined && !binary)
      throw new Error(`--mps-control ${options.binary}: not an executable file (or not on PATH)`);
    if (!binary) {
      options.config.shareIsolation = "time-sliced";
      options.log.info(
        `no ${defaultMpsControlBinary} (--mps-control): shared replicas are time-sliced; GPU memory is not isolated between them`,
      );
      return undefined;
    }
    return new PluginMpsDaemons(options, binary);
  }

  /** Converges now and then every `checkMs`, from the plugin's shared GPUs and what containers hold. */
  start(sharedGpus: () => ReadonlyMap<string, MpsLimits>, holds: KubeletHolds): void {
    const check = () => this.check(sharedGpus(), holds);
    check();
    this.timer = setInterval(check, this.options.checkMs ?? 1000);
  }

  private check(wanted: ReadonlyMap<string, MpsLimits>, holds: KubeletHolds): void {
    for (const dead of this.supervisor.restartDead()) this.options.log.warn(`${dead.message}; started again`);
    const problems = [
      ...this.supervisor.converge(wanted, this.held(holds)),
      ...this.supervisor.limitServers(new Map()),
    ]
      .map((p) => p.message)
      .join("\n");
    // Said once per change, not every second.
    if (problems && problems !== this.problems) this.options.log.error(problems);
    this.problems = problems;
  }

  private held(holds: KubeletHolds): Set<string> {
    return new Set(holds.current().flatMap((h) => [...h.gpuUuids]));
  }

  /** Stops the checks and the daemons no container uses, and gives their root up. */
  stop(holds: KubeletHolds): void {
    clearInterval(this.timer);
    this.supervisor.converge(new Map(), this.held(holds));
    this.supervisor.release();
  }
}
