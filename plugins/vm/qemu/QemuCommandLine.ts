import { guestKernelCommandLine } from "../GuestKernelCommandLine.ts";
import type { VmJobSpec } from "../VmJobSpec.ts";
import type { Accelerator } from "../VmRuntime.ts";

export const qemuBinary = process.env.TESSERA_QEMU ?? "qemu-system-x86_64";

export interface QemuBoot {
  accelerator: Accelerator;
  kernel: string;
  initrd: string;
  /** The host TSC rate for TCG guests (see HostTsc.ts); ignored under KVM, which has kvmclock. */
  tscKhz?: number;
}

/**
 * QEMU's arguments for a job: direct kernel boot of the agent's initramfs with the serial console on stdio.
 * A GPU-less job gets a MicroVM (`-M microvm`: no PCI, no firmware, fastest boot); GPUs need PCI, so a job with
 * GPUs gets `q35` with one `vfio-pci` device per GPU. `-no-reboot` turns the guest's reboot or panic into exit.
 */
export function qemuArguments(spec: VmJobSpec, boot: QemuBoot): string[] {
  const microvm = spec.gpus.length === 0;
  const accel =
    boot.accelerator === "kvm" ? ["-accel", "kvm", "-cpu", "host"] : ["-accel", "tcg,thread=multi"];
  return [
    "-name",
    `tessera-${spec.jobId},debug-threads=on`,
    "-M",
    microvm ? "microvm" : "q35",
    ...accel,
    "-smp",
    String(spec.vcpus),
    "-m",
    `${spec.memoryMiB}M`,
    "-nodefaults",
    "-no-user-config",
    "-display",
    "none",
    "-serial",
    "stdio",
    "-no-reboot",
    "-kernel",
    boot.kernel,
    "-initrd",
    boot.initrd,
    "-append",
    guestKernelCommandLine({ pci: !microvm, accelerator: boot.accelerator, ...tsc(boot) }),
    ...spec.gpus.flatMap((gpu) => ["-device", `vfio-pci,host=${gpu.address}`]),
  ];
}

function tsc(boot: QemuBoot): { tscKhz?: number } {
  return boot.tscKhz === undefined ? {} : { tscKhz: boot.tscKhz };
}
