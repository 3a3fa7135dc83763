import { existsSync, readFileSync } from "node:fs";

const searchPath = ["/bin/busybox", "/usr/bin/busybox"];

/**
 * The static busybox the guest init runs on (Debian's `busybox-static`). A dynamically linked busybox would
 * not start in an initramfs that has no libc, so that is refused with the package to install.
 */
export function findStaticBusybox(explicit = process.env.TESSERA_BUSYBOX): string {
  const candidates = explicit ? [explicit] : searchPath;
  for (const path of candidates) {
    if (!existsSync(path)) continue;
    if (!isStaticElf(readFileSync(path))) {
      throw new Error(
        `${path} is dynamically linked and cannot run inside a VM without libc; install Debian's busybox-static ` +
          "(apt-get install busybox-static) or set TESSERA_BUSYBOX to a static busybox",
      );
    }
    return path;
  }
  throw new Error(
    `no busybox found (looked at ${candidates.join(", ")}); install Debian's busybox-static or set TESSERA_BUSYBOX`,
  );
}

/** True for a 64-bit little-endian ELF executable without a PT_INTERP program header (no dynamic loader). */
export function isStaticElf(bytes: Buffer): boolean {
  if (bytes.length < 64 || bytes.readUInt32BE(0) !== 0x7f454c46 || bytes[4] !== 2 || bytes[5] !== 1)
    return false;
  const phoff = Number(bytes.readBigUInt64LE(0x20));
  const phentsize = bytes.readUInt16LE(0x36);
  const phnum = bytes.readUInt16LE(0x38);
  const ptInterp = 3;
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    if (at + 4 > bytes.length) return false;
    if (bytes.readUInt32LE(at) === ptInterp) return false;
  }
  return true;
}
