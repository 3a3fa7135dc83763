/** One entry of a cpio archive in the kernel's "newc" format (what the initramfs unpacker reads). */
export type CpioEntry =
  | { kind: "directory"; path: string; mode?: number }
  | { kind: "file"; path: string; data: Uint8Array | string; mode?: number }
  | { kind: "symlink"; path: string; target: string }
  | { kind: "charDevice"; path: string; major: number; minor: number; mode?: number };

const typeBits = { directory: 0o040000, file: 0o100000, symlink: 0o120000, charDevice: 0o020000 } as const;
const defaultMode = { directory: 0o755, file: 0o644, symlink: 0o777, charDevice: 0o600 } as const;

/**
 * Writes a newc archive: per entry a 110-byte ASCII header (magic `070701`, thirteen 8-digit hex fields), the
 * NUL-terminated name and the data, each padded to 4 bytes; a `TRAILER!!!` entry ends it. Owners are root and
 * times zero so that the same inputs give the same bytes.
 */
export function writeCpioNewc(entries: readonly CpioEntry[]): Buffer {
  const chunks: Buffer[] = [];
  let ino = 1;
  const push = (name: string, mode: number, data: Buffer, rdev: [number, number], nlink: number) => {
    const nameBytes = Buffer.from(`${name}\0`, "utf8");
    const fields = [ino++, mode, 0, 0, nlink, 0, data.length, 0, 0, rdev[0], rdev[1], nameBytes.length, 0];
    const header = `070701${fields.map((f) => f.toString(16).padStart(8, "0")).join("")}`;
    chunks.push(Buffer.from(header, "ascii"), nameBytes, padding(header.length + nameBytes.length), data);
    chunks.push(padding(data.length));
  };
  for (const entry of entries) {
    const name = entry.path.replace(/^\/+/, "");
    if (name === "" || name.split("/").includes("..")) {
      throw new Error(`cpio entry "${entry.path}" must be a path inside the archive`);
    }
    const mode = typeBits[entry.kind] | (("mode" in entry && entry.mode) || defaultMode[entry.kind]);
    switch (entry.kind) {
      case "directory":
        push(name, mode, Buffer.alloc(0), [0, 0], 2);
        break;
      case "file":
        push(name, mode, Buffer.from(entry.data), [0, 0], 1);
        break;
      case "symlink":
        push(name, mode, Buffer.from(entry.target, "utf8"), [0, 0], 1);
        break;
      case "charDevice":
        push(name, mode, Buffer.alloc(0), [entry.major, entry.minor], 1);
        break;
    }
  }
  push("TRAILER!!!", 0, Buffer.alloc(0), [0, 0], 1);
  return Buffer.concat(chunks);
}

function padding(length: number): Buffer {
  return Buffer.alloc((4 - (length % 4)) % 4);
}
