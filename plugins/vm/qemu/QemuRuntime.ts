import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { GuestConsole } from "../GuestConsole.ts";
import { writeJobInitramfs } from "../initramfs/JobInitramfs.ts";
import { findStaticBusybox } from "../initramfs/StaticBusybox.ts";
import { shellLine } from "../ShellWords.ts";
import type { VmJobSpec } from "../VmJobSpec.ts";
import { startVmProcess } from "../VmProcess.ts";
import type { Accelerator, RunningVm, VmIo, VmRuntime, VmRuntimeInfo } from "../VmRuntime.ts";
import { findGuestKernel } from "./GuestKernel.ts";
import { hostTscKhz } from "./HostTsc.ts";
import { type AcceleratorChoice, probeAccelerator } from "./QemuAcceleratorProbe.ts";
import { qemuArguments, qemuBinary } from "./QemuCommandLine.ts";

export interface QemuRuntimeOptions {
  /** Skips the KVM probe (`tcg` on hosts known to lack KVM, `kvm` where it is known to work). */
  accelerator?: Accelerator;
  kernel?: string;
  busybox?: string;
  /** Time between SIGTERM and SIGKILL when a VM is stopped. */
  stopGraceMs?: number;
}

interface Prepared {
  kernel: string;
  busybox: string;
  choice: AcceleratorChoice;
}

/** The default runtime: QEMU with direct kernel boot, a MicroVM without GPUs, q35 + vfio-pci with them. */
export class QemuRuntime implements VmRuntime {
  readonly name = "qemu";
  private prepared: Promise<Prepared> | undefined;
  private readonly tscKhz = hostTscKhz();

  constructor(private readonly options: QemuRuntimeOptions = {}) {}

  async probe(): Promise<VmRuntimeInfo> {
    try {
      const { kernel, choice } = await this.prepare();
      return {
        runtime: this.name,
        runnable: true,
        accelerator: choice.accelerator,
        detail: `${qemuBinary}, guest kernel ${kernel}, ${choice.accelerator}: ${choice.detail}`,
      };
    } catch (error) {
      return { runtime: this.name, runnable: false, detail: (error as Error).message };
    }
  }

  render(spec: VmJobSpec, workDir: string): string {
    const args = qemuArguments(spec, {
      accelerator: spec.gpus.length > 0 ? "kvm" : (this.options.accelerator ?? "kvm"),
      kernel: this.options.kernel ?? "VMLINUZ",
      initrd: join(workDir, "initramfs.cpio"),
      tscKhz: this.tscKhz,
    });
    return shellLine([qemuBinary, ...args]);
  }

  async start(spec: VmJobSpec, io: VmIo): Promise<RunningVm> {
    const { kernel, busybox, choice } = await this.prepare();
    if (spec.gpus.length > 0 && choice.accelerator !== "kvm") {
      throw new Error(`GPU passthrough needs KVM, and this node has none: ${choice.detail}`);
    }
    const guest = new GuestConsole(io.onLine);
    const initrd = await writeJobInitramfs(spec, io.workDir, busybox, guest);
    const args = qemuArguments(spec, {
      accelerator: choice.accelerator,
      kernel,
      initrd,
      tscKhz: this.tscKhz,
    });
    return startVmProcess({ binary: qemuBinary, args, guest, stopGraceMs: this.options.stopGraceMs ?? 3000 });
  }

  private prepare(): Promise<Prepared> {
    this.prepared ??= (async () => {
      // Asynchronous: the agent probes while it already serves its scheduler stream.
      try {
        await promisify(execFile)(qemuBinary, ["--version"]);
      } catch {
        throw new Error(`${qemuBinary} is not runnable; install Debian's qemu-system-x86`);
      }
      const kernel = this.options.kernel ?? findGuestKernel();
      const busybox = this.options.busybox ?? findStaticBusybox();
      const choice: AcceleratorChoice = this.options.accelerator
        ? { accelerator: this.options.accelerator, detail: "chosen by configuration" }
        : await probeAccelerator({ kernel, busybox });
      return { kernel, busybox, choice };
    })();
    // A failed preparation is not cached: installing the missing package fixes the next job without a restart.
    this.prepared.catch(() => {
      this.prepared = undefined;
    });
    return this.prepared;
  }
}
