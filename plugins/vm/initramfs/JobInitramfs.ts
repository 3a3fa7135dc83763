import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { GuestConsole } from "../GuestConsole.ts";
import { shellQuote } from "../ShellWords.ts";
import type { VmJobSpec } from "../VmJobSpec.ts";
import { type CpioEntry, writeCpioNewc } from "./CpioNewcWriter.ts";

export interface JobInitramfsInput {
  /** The job's command as argv; it runs under the guest's busybox shell with the job's environment. */
  command: readonly string[];
  env: Readonly<Record<string, string>>;
  /** Path of a static busybox on this host. */
  busybox: string;
  /** The markers the init prints (see GuestConsole). */
  readyMarker: string;
  exitMarkerPrefix: string;
  /** A root filesystem archive (cpio newc, optionally compressed) the command runs in, from `--image`. */
  image?: Buffer;
}

const guestPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/tessera/bin";

/**
 * The init the guest kernel starts: mounts the pseudo file systems, says it is ready, runs the job's command
 * with the console as its output, prints the exit marker and powers the VM off. `poweroff -f` does not return;
 * should it fail, the kernel panics when init exits and `panic=-1` with QEMU's `-no-reboot` ends the VM anyway.
 */
export function initScript(input: Pick<JobInitramfsInput, "readyMarker" | "exitMarkerPrefix">): string {
  return `#!/tessera/bin/busybox sh
/tessera/bin/busybox mount -t proc proc /proc
/tessera/bin/busybox --install -s /tessera/bin
export PATH=${guestPath}
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t tmpfs tmpfs /tmp
echo '${input.readyMarker}'
cd /
sh /tessera/job </dev/null
status=$?
echo "${input.exitMarkerPrefix}$status"
sync
poweroff -f
`;
}

/**
 * The guest's initramfs: the user's root filesystem archive when there is one, followed by the agent's own
 * archive (the kernel unpacks concatenated archives in order, so ours adds `/init` and `/tessera` on top).
 */
export function buildJobInitramfs(input: JobInitramfsInput): Buffer {
  const env = Object.entries(input.env)
    .filter(([name]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    .map(([name, value]) => `export ${name}=${shellQuote(value)}\n`)
    .join("");
  const job = `${env}${input.command.map(shellQuote).join(" ")}\n`;
  const entries: CpioEntry[] = [
    ...["dev", "proc", "sys", "tmp", "root", "tessera", "tessera/bin"].map(
      (path): CpioEntry => ({ kind: "directory", path }),
    ),
    { kind: "charDevice", path: "dev/console", major: 5, minor: 1 },
    { kind: "charDevice", path: "dev/null", major: 1, minor: 3, mode: 0o666 },
    { kind: "file", path: "tessera/bin/busybox", data: readFileSync(input.busybox), mode: 0o755 },
    { kind: "file", path: "tessera/job", data: job },
    { kind: "file", path: "init", data: initScript(input), mode: 0o755 },
  ];
  const ours = writeCpioNewc(entries);
  if (!input.image) return ours;
  // Archives must start on a 4-byte boundary; the kernel skips the zero padding between them.
  const pad = Buffer.alloc((4 - (input.image.length % 4)) % 4);
  return Buffer.concat([input.image, pad, ours]);
}

/** Builds a job's initramfs into `workDir/initramfs.cpio` and returns its path. */
export async function writeJobInitramfs(
  spec: VmJobSpec,
  workDir: string,
  busybox: string,
  guest: GuestConsole,
): Promise<string> {
  let image: Buffer | undefined;
  if (spec.image !== undefined) {
    try {
      image = await readFile(spec.image);
    } catch (error) {
      throw new Error(
        `--image ${spec.image}: ${(error as Error).message}; give a root filesystem archive (cpio newc)`,
      );
    }
  }
  const path = join(workDir, "initramfs.cpio");
  const input = { command: spec.command, env: spec.env, busybox, readyMarker: guest.readyMarker };
  await writeFile(
    path,
    buildJobInitramfs({ ...input, exitMarkerPrefix: guest.exitMarkerPrefix, ...(image ? { image } : {}) }),
  );
  return path;
}
