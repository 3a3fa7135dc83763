import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe("proto/generated", () => {
  it("(types and static codecs) is what `npm run proto` makes from proto/tessera/v1 (regenerate with `npm run proto`)", () => {
    const script = (
      JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }
    ).scripts.proto!;
    const [typesCommand, staticCommand] = script.split(" && ");
    const out = mkdtempSync(join(tmpdir(), "tessera-proto-"));
    try {
      const args = typesCommand!
        .split(/\s+/)
        .slice(1)
        .map((a) => (a.startsWith("--outDir=") ? `--outDir=${out}` : a));
      execFileSync(join(root, "node_modules", ".bin", "proto-loader-gen-types"), args, {
        cwd: root,
        stdio: "pipe",
      });
      expect(staticCommand).toBe("node bin/static-codecs.js");
      execFileSync(process.execPath, [join(root, "bin", "static-codecs.js"), join(out, "static")], {
        cwd: root,
        stdio: "pipe",
      });
      const generated = join(root, "proto", "generated");
      const expected = files(out)
        .map((f) => relative(out, f))
        .sort();
      expect(
        files(generated)
          .map((f) => relative(generated, f))
          .sort(),
      ).toEqual(expected);
      for (const f of expected) {
        expect(readFileSync(join(generated, f), "utf8"), f).toBe(readFileSync(join(out, f), "utf8"));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
