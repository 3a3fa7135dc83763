import { spawn } from "node:child_process";
import { constants } from "node:fs";
import { access, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GuestConsole } from "../GuestConsole.ts";
import { buildJobInitramfs } from "../initramfs/JobInitramfs.ts";
import type { Accelerator } from "../VmRuntime.ts";
import { qemuArguments, qemuBinary } from "./QemuCommandLine.ts";

export interface AcceleratorChoice {
  accelerator: Accelerator;
  /** Why, in one line: `KVM boots guests` or the reason KVM is not usable. */
  detail: string;
}

/**
 * KVM when it can really run this node's guests, otherwise TCG. An openable /dev/kvm is not enough: nested or
 * restricted hosts accept the device and then fail (or hang) once a vCPU runs. So the probe boots the real guest
 * kernel with a tiny init under KVM, with the arguments jobs use, and takes KVM only if it reports back in time.
 */
export async function probeAccelerator(opts: {
  kernel: string;
  busybox: string;
  devKvm?: string;
  timeoutMs?: number;
}): Promise<AcceleratorChoice> {
  const devKvm = opts.devKvm ?? "/dev/kvm";
  try {
    await access(devKvm, constants.R_OK | constants.W_OK);
  } catch (error) {
    return { accelerator: "tcg", detail: `${devKvm} is not usable (${(error as Error).message}); using TCG` };
  }
  const dir = await mkdtemp(join(tmpdir(), "tessera-kvm-probe-"));
  try {
    const guest = new GuestConsole(() => {});
    const initrd = join(dir, "initramfs.cpio");
    await writeFile(
      initrd,
      buildJobInitramfs({ command: ["true"], env: {}, busybox: opts.busybox, ...markers(guest) }),
    );
    const args = qemuArguments(
      { jobId: "kvm-probe", vcpus: 1, memoryMiB: 128, command: ["true"], env: {}, gpus: [] },
      { accelerator: "kvm", kernel: opts.kernel, initrd },
    );
    const result = await runWithTimeout(args, guest, opts.timeoutMs ?? 8000);
    if (guest.exitStatus === 0) return { accelerator: "kvm", detail: "KVM boots guests" };
    return { accelerator: "tcg", detail: `KVM could not boot a guest (${result}); using TCG` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function markers(guest: GuestConsole) {
  return { readyMarker: guest.readyMarker, exitMarkerPrefix: guest.exitMarkerPrefix };
}

function runWithTimeout(args: string[], guest: GuestConsole, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(qemuBinary, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => guest.write(chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve(`cannot run ${qemuBinary}: ${error.message}`);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      guest.end();
      const firstError = stderr
        .split("\n")
        .find((line) => /error|fail/i.test(line))
        ?.trim();
      if (signal === "SIGKILL") resolve(`no answer within ${timeoutMs} ms`);
      else resolve(firstError ?? `QEMU exited with ${code ?? signal}`);
    });
  });
}
