import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { freshCompiledCli } from "./CompiledBuild.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A repository with one source, one test and a build stamped at `stampSeconds` (file times in epoch seconds). */
function repository(sourceSeconds: number, stampSeconds: number | undefined): string {
  const root = mkdtempSync(join(tmpdir(), "tessera-build-"));
  dirs.push(root);
  mkdirSync(join(root, "scheduler", "cli"), { recursive: true });
  for (const file of ["scheduler/cli/Jobs.ts", "package.json"]) {
    writeFileSync(join(root, file), "");
    utimesSync(join(root, file), sourceSeconds, sourceSeconds);
  }
  if (stampSeconds !== undefined) {
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "dist", "build-stamp"), "");
    utimesSync(join(root, "dist", "build-stamp"), stampSeconds, stampSeconds);
  }
  return root;
}

describe("freshCompiledCli", () => {
  it("runs the build when it was started after the last source change", () => {
    const root = repository(1000, 2000);
    expect(freshCompiledCli(root)).toBe(pathToFileURL(join(root, "dist", "bin", "cli.js")).href);
  });

  it("runs the sources when there is no build, or a source or setting changed after it", () => {
    expect(freshCompiledCli(repository(1000, undefined))).toBeUndefined();
    expect(freshCompiledCli(repository(3000, 2000))).toBeUndefined();
    const edited = repository(1000, 2000);
    utimesSync(join(edited, "package.json"), 3000, 3000);
    expect(freshCompiledCli(edited)).toBeUndefined();
  });

  it("ignores tests, which the build does not compile", () => {
    const root = repository(1000, 2000);
    writeFileSync(join(root, "scheduler", "cli", "Jobs.test.ts"), "");
    expect(freshCompiledCli(root)).toBeDefined();
  });
});
