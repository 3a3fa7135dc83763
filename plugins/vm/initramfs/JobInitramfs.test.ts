import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shellQuote } from "../ShellWords.ts";
import { writeCpioNewc } from "./CpioNewcWriter.ts";
import { buildJobInitramfs } from "./JobInitramfs.ts";
import { findStaticBusybox, isStaticElf } from "./StaticBusybox.ts";

const markers = { readyMarker: "TESSERA-n ready", exitMarkerPrefix: "TESSERA-n exit " };

describe("shellQuote", () => {
  it("passes any word through a POSIX shell unchanged", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: "grapheme" }).filter((w) => !w.includes("\0")),
          { maxLength: 4 },
        ),
        (words) => {
          const script = `printf '%s\\0' ${words.map(shellQuote).join(" ")}`;
          const out = execFileSync("/bin/sh", ["-c", words.length === 0 ? "true" : script], {
            encoding: "utf8",
          });
          expect(words.length === 0 ? [] : out.split("\0").slice(0, -1)).toEqual(words);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("buildJobInitramfs", () => {
  it("holds the init, the static busybox and the job script with its environment", () => {
    const busybox = findStaticBusybox();
    const archive = buildJobInitramfs({
      command: ["sh", "-c", 'echo "$GREETING"; exit 3'],
      env: { GREETING: "it's here", "BAD-NAME": "dropped" },
      busybox,
      ...markers,
    });
    const dir = mkdtempSync(join(tmpdir(), "tessera-initramfs-"));
    try {
      writeFileSync(join(dir, "a.cpio"), archive);
      execFileSync("sh", ["-c", "mkdir out && cd out && cpio -id --quiet < ../a.cpio"], { cwd: dir });
      const init = readFileSync(join(dir, "out/init"), "utf8");
      expect(init.startsWith("#!/tessera/bin/busybox sh\n")).toBe(true);
      expect(init).toContain("echo 'TESSERA-n ready'");
      expect(init).toContain('echo "TESSERA-n exit $status"');
      const job = readFileSync(join(dir, "out/tessera/job"), "utf8");
      expect(job).toBe(`export GREETING='it'\\''s here'\n'sh' '-c' 'echo "$GREETING"; exit 3'\n`);
      // The job script runs as written: the same shell semantics as inside the guest.
      const run = (() => {
        try {
          return execFileSync("/bin/sh", [join(dir, "out/tessera/job")], { encoding: "utf8" });
        } catch (error) {
          return `${(error as { stdout: string }).stdout}status=${(error as { status: number }).status}`;
        }
      })();
      expect(run).toBe("it's here\nstatus=3");
      expect(readFileSync(join(dir, "out/tessera/bin/busybox")).equals(readFileSync(busybox))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("puts the user's image first so that the agent's init lands on top of it", () => {
    const image = writeCpioNewc([
      { kind: "file", path: "init", data: "theirs" },
      { kind: "file", path: "etc/os-release", data: "ID=custom\n" },
    ]).subarray(0, -2); // an unaligned image length must still leave our archive 4-byte aligned
    const archive = buildJobInitramfs({
      command: ["true"],
      env: {},
      busybox: findStaticBusybox(),
      image,
      ...markers,
    });
    expect(archive.subarray(0, image.length).equals(image)).toBe(true);
    const ours = archive.indexOf(Buffer.from("070701"), image.length);
    expect(ours % 4).toBe(0);
  });
});

describe("findStaticBusybox", () => {
  it("accepts Debian's busybox-static and refuses a dynamically linked program", () => {
    expect(isStaticElf(readFileSync(findStaticBusybox()))).toBe(true);
    expect(isStaticElf(readFileSync("/bin/ls"))).toBe(false);
    expect(() => findStaticBusybox("/bin/ls")).toThrow("is dynamically linked");
    expect(() => findStaticBusybox("/nonexistent/busybox")).toThrow("install Debian's busybox-static");
  });
});
