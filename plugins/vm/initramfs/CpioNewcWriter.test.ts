import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeCpioNewc } from "./CpioNewcWriter.ts";

// GNU cpio is the independent reader: what it extracts is what the kernel's unpacker would see.
function extract(archive: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "tessera-cpio-"));
  writeFileSync(join(dir, "a.cpio"), archive);
  execFileSync("sh", ["-c", "mkdir out && cd out && cpio -id --quiet --no-absolute-filenames < ../a.cpio"], {
    cwd: dir,
  });
  return join(dir, "out");
}

describe("writeCpioNewc", () => {
  it("writes files, directories and symlinks that GNU cpio extracts byte for byte", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_.-]{0,12}$/), { minLength: 1, maxLength: 6 }),
        fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 6, maxLength: 6 }),
        (names, contents) => {
          const archive = writeCpioNewc([
            { kind: "directory", path: "d" },
            ...names.map((name, i) => ({
              kind: "file" as const,
              path: `d/${name}`,
              data: contents[i]!,
              mode: 0o750,
            })),
            { kind: "symlink", path: "link", target: `d/${names[0]}` },
          ]);
          expect(archive.length % 4).toBe(0);
          const out = extract(archive);
          try {
            names.forEach((name, i) => {
              expect(new Uint8Array(readFileSync(join(out, "d", name)))).toEqual(contents[i]);
              expect(statSync(join(out, "d", name)).mode & 0o777).toBe(0o750);
            });
            expect(readlinkSync(join(out, "link"))).toBe(`d/${names[0]}`);
          } finally {
            rmSync(join(out, ".."), { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it("lists character devices with their numbers and ends with the trailer", () => {
    const archive = writeCpioNewc([{ kind: "charDevice", path: "dev/console", major: 5, minor: 1 }]);
    const listing = execFileSync("cpio", ["-tv", "--quiet"], { input: archive, encoding: "utf8" });
    expect(listing).toMatch(/^crw-------.* 5,\s+1 .*dev\/console$/m);
    expect(archive.includes(Buffer.from("TRAILER!!!\0"))).toBe(true);
  });

  it("refuses paths that would leave the archive", () => {
    expect(() => writeCpioNewc([{ kind: "file", path: "../etc/passwd", data: "x" }])).toThrow(
      "must be a path inside the archive",
    );
  });
});
