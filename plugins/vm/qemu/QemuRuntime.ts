import { spawn, spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { GuestConsole } from "../GuestConsole.ts";
import { buildJobInitramfs, shellQuote } from "../initramfs/JobInitramfs.ts";
import { findStaticBusybox } from "../initramfs/StaticBusybox.ts";
import type { VmJobSpec } from "../VmJobSpec.ts";
import type { Accelerator, RunningVm, VmExit, VmIo, VmRuntime, VmRuntimeInfo } from "../VmRuntime.ts";
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
    return [qemuBinary, ...args]
      .map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : shellQuote(word)))
      .join(" ");
  }

  async start(spec: VmJobSpec, io: VmIo): Promise<RunningVm> {
    const { kernel, busybox, choice } = await this.prepare();
    if (spec.gpus.length > 0 && choice.accelerator !== "kvm") {
      throw new Error(`GPU passthrough needs KVM, and this node has none: ${choice.detail}`);
    }
    const guest = new GuestConsole(io.onLine);
    const image = spec.image === undefined ? undefined : await readImage(spec.image);
    const initrd = join(io.workDir, "initramfs.cpio");
    await writeFile(
      initrd,
      buildJobInitramfs({
        command: spec.command,
        env: spec.env,
        busybox,
        readyMarker: guest.readyMarker,
        exitMarkerPrefix: guest.exitMarkerPrefix,
        ...(image ? { image } : {}),
      }),
    );
    const startedMs = Date.now();
    const args = qemuArguments(spec, {
      accelerator: choice.accelerator,
      kernel,
      initrd,
      tscKhz: this.tscKhz,
    });
    const child = spawn(qemuBinary, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let stopping = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => guest.write(chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const exited = new Promise<VmExit>((resolve) => {
      child.on("error", (error) => {
        resolve({ exitStatus: null, reason: `cannot start ${qemuBinary}: ${error.message}`, bootMs: null });
      });
      child.on("close", (code, signal) => {
        guest.end();
        const bootMs = guest.readyAtMs === undefined ? null : guest.readyAtMs - startedMs;
        if (guest.exitStatus !== undefined) {
          resolve({ exitStatus: guest.exitStatus, reason: "", bootMs });
          return;
        }
        const qemuSaid = stderr.trim().split("\n").slice(-3).join(" / ");
        const reason = stopping
          ? "the VM was stopped"
          : `the VM ended (QEMU ${signal ? `killed by ${signal}` : `exit ${code}`}) before the guest reported an exit status${
              qemuSaid
                ? `: ${qemuSaid}`
                : bootMs === null
                  ? "; the guest did not boot"
                  : "; did the guest kernel panic?"
            }`;
        resolve({ exitStatus: null, reason, bootMs });
      });
    });
    const grace = this.options.stopGraceMs ?? 3000;
    return {
      pid: child.pid ?? 0,
      exited,
      stop: async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        stopping = true;
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), grace);
        await exited;
        clearTimeout(timer);
      },
    };
  }

  private prepare(): Promise<Prepared> {
    this.prepared ??= (async () => {
      const found = spawnSync(qemuBinary, ["--version"], { encoding: "utf8" });
      if (found.error || found.status !== 0) {
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

async function readImage(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new Error(
      `--image ${path}: ${(error as Error).message}; give a root filesystem archive (cpio newc)`,
    );
  }
}
