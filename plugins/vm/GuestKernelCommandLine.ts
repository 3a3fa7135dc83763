import type { Accelerator } from "./VmRuntime.ts";

/**
 * The guest kernel's command line for the agent's initramfs: serial console (the job's log), quiet boot,
 * `panic=-1` so that a crashed guest ends the VM, and under TCG the host TSC rate (see qemu/HostTsc.ts).
 */
export function guestKernelCommandLine(opts: {
  pci: boolean;
  accelerator: Accelerator;
  tscKhz?: number;
}): string {
  const args = ["console=ttyS0", "quiet", "loglevel=3", "panic=-1", "rdinit=/init"];
  if (!opts.pci) args.push("pci=off");
  if (opts.accelerator === "tcg" && opts.tscKhz !== undefined) {
    args.push(`tsc_early_khz=${opts.tscKhz}`, "tsc=reliable");
  }
  return args.join(" ");
}
