import { join } from "node:path";
import { findGuestKernel } from "../qemu/GuestKernel.ts";
import type { VmJobSpec } from "../VmJobSpec.ts";
import type { RunningVm, VmRuntime, VmRuntimeInfo } from "../VmRuntime.ts";
import { libvirtDomainXml } from "./LibvirtDomainXml.ts";

/**
 * Renders the libvirt domain of a job (for `virsh create` on hosts run by libvirt). Tessera does not drive
 * libvirtd itself: the agent shows the domain it would define, and jobs run with the `qemu` runtime.
 */
export class LibvirtRuntime implements VmRuntime {
  readonly name = "libvirt";

  constructor(private readonly options: { kernel?: string } = {}) {}

  async probe(): Promise<VmRuntimeInfo> {
    return {
      runtime: this.name,
      runnable: false,
      detail:
        "renders libvirt domain XML only (`tessera vm render --vm-runtime libvirt`); run jobs with --vm-runtime qemu",
    };
  }

  render(spec: VmJobSpec, workDir: string): string {
    return libvirtDomainXml(spec, {
      kernel: this.options.kernel ?? findGuestKernel(),
      initrd: join(workDir, "initramfs.cpio"),
      consoleLog: join(workDir, "console.log"),
    });
  }

  async start(): Promise<RunningVm> {
    throw new Error((await this.probe()).detail);
  }
}
