import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { GpuInventory } from "../../proto/generated/tessera/v1/GpuInventory.ts";
import { isVmJob, vmRunSpec } from "../../proto/tessera/VmJobWire.ts";
import type { JobLaunch } from "../executor/JobProcess.ts";
import { iommuGroupOf } from "../vfio/PciDevice.ts";

export interface VmJobLauncherOptions {
  /** `tessera agent --vm-runtime NAME`. */
  runtime: string;
  /** `tessera agent --sysfs-root DIR`. */
  sysfsRoot: string;
  dataDir: string;
  /** The `tessera` entry script the agent itself runs from. */
  cli: string;
}

/**
 * Turns the launch of a VM job into a launch of `tessera vm run`: that process passes the GPUs through, boots
 * the VM, writes the guest console to its stdout (the job's log) and exits with the guest's status, so the
 * executor supervises, logs, stops and adopts a VM job exactly like any other process.
 */
export class VmJobLauncher {
  /** What the agent's probe found (`kvm` or `tcg`), so each VM job does not probe again; unset until it ends. */
  private accelerator: string | undefined;

  constructor(private readonly options: VmJobLauncherOptions) {}

  /** The agent's VM runtime probe ended (it runs after the agent connected); undefined: nothing usable found. */
  probed(accelerator: string | undefined): void {
    this.accelerator = accelerator;
  }

  /** The inventory with each GPU's IOMMU group from sysfs, so the scheduler keeps groups whole for VMs. */
  withIommuGroups(inventory: GpuInventory[]): GpuInventory[] {
    return inventory.map((gpu) => {
      const group = gpu.pciBusId ? iommuGroupOf(this.options.sysfsRoot, gpu.pciBusId) : undefined;
      return group === undefined ? gpu : { ...gpu, iommuGroup: String(group) };
    });
  }

  /** The launch to run instead, or undefined when the assignment is not a VM job. */
  rewrite(
    launch: JobLaunch,
    /** The assignment's own environment: what the guest gets (not the agent's PATH, HOME, CUDA_*). */
    jobEnv: Readonly<Record<string, string>>,
    gpuPciAddresses: () => readonly string[],
  ): JobLaunch | undefined {
    if (!isVmJob(jobEnv)) return undefined;
    const spec = vmRunSpec(launch.jobId, launch.command, jobEnv, gpuPciAddresses());
    const dir = join(this.options.dataDir, "vm", `${launch.jobId}-${launch.attempt}`);
    mkdirSync(dir, { recursive: true });
    const specFile = join(dir, "spec.json");
    writeFileSync(specFile, `${JSON.stringify(spec, null, 2)}\n`);
    const { runtime, sysfsRoot, cli } = this.options;
    const accelerator = this.accelerator;
    return {
      ...launch,
      command: [
        process.execPath,
        cli,
        "vm",
        "run",
        "--spec",
        specFile,
        "--vm-runtime",
        runtime,
        "--sysfs-root",
        sysfsRoot,
        "--work-dir",
        dir,
        ...(accelerator ? ["--vm-accel", accelerator] : []),
      ],
      visibleDevices: spec.gpus.join(","),
      // /dev/kvm, VFIO and sysfs writes need the agent's own privileges, not the unprivileged job user.
      privileged: true,
    };
  }

  /**
   * One line about a VM job for `tessera job ID` (reported in place of the visible devices): runtime,
   * accelerator, boot time and the GPUs with their PCI addresses and IOMMU groups, from the runner's `vm.json`.
   */
  summary(jobId: string, attempt: number): string | undefined {
    let details: VmDetailsFile;
    try {
      const path = join(this.options.dataDir, "vm", `${jobId}-${attempt}`, "vm.json");
      details = JSON.parse(readFileSync(path, "utf8")) as VmDetailsFile;
    } catch {
      return undefined;
    }
    const accel = details.accelerator ? ` (${details.accelerator})` : "";
    const boot = details.bootMs === null ? details.state : `booted in ${details.bootMs} ms`;
    const gpus =
      details.gpus.length === 0
        ? "no GPUs"
        : `GPUs ${details.gpus.map((g) => `${g.address} (IOMMU group ${g.iommuGroup})`).join(", ")}`;
    return `vm ${details.runtime}${accel}, ${boot}, ${gpus}`;
  }
}

/** The part of `tessera vm run`'s vm.json (plugins/vm/VmJobRunner.ts) the agent reports. */
interface VmDetailsFile {
  runtime: string;
  accelerator?: string;
  state: string;
  bootMs: number | null;
  gpus: { address: string; iommuGroup: number }[];
}
