import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { GuestConsole } from "../GuestConsole.ts";
import { guestKernelCommandLine } from "../GuestKernelCommandLine.ts";
import { writeJobInitramfs } from "../initramfs/JobInitramfs.ts";
import { findStaticBusybox } from "../initramfs/StaticBusybox.ts";
import { findGuestKernel } from "../qemu/GuestKernel.ts";
import { shellLine } from "../ShellWords.ts";
import type { VmJobSpec } from "../VmJobSpec.ts";
import { startVmProcess } from "../VmProcess.ts";
import type { RunningVm, VmIo, VmRuntime, VmRuntimeInfo } from "../VmRuntime.ts";

export const cloudHypervisorBinary = process.env.TESSERA_CLOUD_HYPERVISOR ?? "cloud-hypervisor";

/**
 * Cloud Hypervisor's arguments: direct kernel boot of the agent's initramfs, serial console on stdout, and one
 * `--device path=/sys/bus/pci/devices/<address>/` per function of every GPU's IOMMU group (Cloud Hypervisor
 * wants all devices of a group bound to VFIO and passed together). It runs on KVM only.
 */
export function cloudHypervisorArguments(
  spec: VmJobSpec,
  boot: { kernel: string; initrd: string; sysfsRoot: string; apiSocket: string },
): string[] {
  const devices = spec.gpus.flatMap((gpu) =>
    gpu.groupDevices.length > 0 ? gpu.groupDevices : [gpu.address],
  );
  return [
    "--api-socket",
    `path=${boot.apiSocket}`,
    "--cpus",
    `boot=${spec.vcpus}`,
    "--memory",
    `size=${spec.memoryMiB}M`,
    "--kernel",
    boot.kernel,
    "--initramfs",
    boot.initrd,
    "--cmdline",
    guestKernelCommandLine({ pci: true, accelerator: "kvm" }),
    "--serial",
    "tty",
    "--console",
    "off",
    ...(devices.length > 0
      ? ["--device", ...devices.map((address) => `path=${join(boot.sysfsRoot, "bus/pci/devices", address)}/`)]
      : []),
  ];
}

export interface CloudHypervisorOptions {
  kernel?: string;
  busybox?: string;
  sysfsRoot?: string;
  stopGraceMs?: number;
}

/** Runs jobs with Cloud Hypervisor where its binary and KVM exist; elsewhere it only renders the command. */
export class CloudHypervisorRuntime implements VmRuntime {
  readonly name = "cloud-hypervisor";

  constructor(private readonly options: CloudHypervisorOptions = {}) {}

  async probe(): Promise<VmRuntimeInfo> {
    const version = spawnSync(cloudHypervisorBinary, ["--version"], { encoding: "utf8" });
    if (version.error || version.status !== 0) {
      return {
        runtime: this.name,
        runnable: false,
        detail: `${cloudHypervisorBinary} is not installed; \`tessera vm render --vm-runtime cloud-hypervisor\` shows the command it would run`,
      };
    }
    return { runtime: this.name, runnable: true, accelerator: "kvm", detail: version.stdout.trim() };
  }

  render(spec: VmJobSpec, workDir: string): string {
    return shellLine([cloudHypervisorBinary, ...cloudHypervisorArguments(spec, this.boot(workDir))]);
  }

  async start(spec: VmJobSpec, io: VmIo): Promise<RunningVm> {
    const guest = new GuestConsole(io.onLine);
    const busybox = this.options.busybox ?? findStaticBusybox();
    await writeJobInitramfs(spec, io.workDir, busybox, guest);
    const args = cloudHypervisorArguments(spec, this.boot(io.workDir));
    return startVmProcess({
      binary: cloudHypervisorBinary,
      args,
      guest,
      stopGraceMs: this.options.stopGraceMs ?? 3000,
    });
  }

  private boot(workDir: string) {
    return {
      kernel: this.options.kernel ?? findGuestKernel(),
      initrd: join(workDir, "initramfs.cpio"),
      sysfsRoot: this.options.sysfsRoot ?? "/sys",
      apiSocket: join(workDir, "cloud-hypervisor.sock"),
    };
  }
}
