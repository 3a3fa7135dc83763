import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freshCompiledCli } from "./CompiledBuild.cjs";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sources = ["package.json", "scheduler/cli/Jobs.ts", "scheduler/cli/Up.ts"];

/**
 * A repository whose build bundles `jobs` from Jobs.ts and everything else from both sources, with every source
 * saved at `sourceSeconds` and the build stamped at `stampSeconds` (file times in epoch seconds).
 */
function repository(sourceSeconds: number, stampSeconds: number | undefined): string {
  const root = mkdtempSync(join(tmpdir(), "tessera-build-"));
  dirs.push(root);
  mkdirSync(join(root, "scheduler", "cli"), { recursive: true });
  for (const file of sources) {
    writeFileSync(join(root, file), "");
    utimesSync(join(root, file), sourceSeconds, sourceSeconds);
  }
  if (stampSeconds !== undefined) {
    mkdirSync(join(root, "dist", "cli"), { recursive: true });
    const manifest = {
      commands: { jobs: "Jobs.cjs" },
      bundles: {
        "Jobs.cjs": { sources: ["package.json", "scheduler/cli/Jobs.ts"], hash: "1111" },
        "all.cjs": { sources, hash: "2222" },
      },
    };
    writeFileSync(join(root, "dist", "cli", "manifest.json"), JSON.stringify(manifest));
    writeFileSync(join(root, "dist", "build-stamp"), "");
    utimesSync(join(root, "dist", "build-stamp"), stampSeconds, stampSeconds);
  }
  return root;
}

const touch = (root: string, file: string, seconds: number) => utimesSync(join(root, file), seconds, seconds);

describe("freshCompiledCli", () => {
  it("runs a command's own bundle, with a code cache of its own, when the build started after its sources' last change", () => {
    const root = repository(1000, 2000);
    const cli = join(root, "dist", "cli");
    expect(freshCompiledCli("jobs", root)).toEqual({
      bundle: join(cli, "Jobs.cjs"),
      codeCache: join(cli, "code-cache", "1111-jobs.v8"),
    });
  });

  it("runs the bundle of every command for a command line that names no known command", () => {
    const root = repository(1000, 2000);
    const all = join(root, "dist", "cli", "all.cjs");
    expect(freshCompiledCli(undefined, root)?.bundle).toBe(all);
    expect(freshCompiledCli("nosuch", root)).toEqual({
      bundle: all,
      codeCache: join(root, "dist", "cli", "code-cache", "2222-other.v8"),
    });
    expect(freshCompiledCli("toString", root)?.bundle).toBe(all);
  });

  it("runs the sources when there is no build, or a source of the command's bundle changed after it or is gone", () => {
    expect(freshCompiledCli("jobs", repository(1000, undefined))).toBeUndefined();
    expect(freshCompiledCli("jobs", repository(3000, 2000))).toBeUndefined();
    const edited = repository(1000, 2000);
    touch(edited, "package.json", 3000);
    expect(freshCompiledCli("jobs", edited)).toBeUndefined();
    const removed = repository(1000, 2000);
    rmSync(join(removed, "scheduler", "cli", "Jobs.ts"));
    expect(freshCompiledCli("jobs", removed)).toBeUndefined();
    const noManifest = repository(1000, 2000);
    rmSync(join(noManifest, "dist", "cli", "manifest.json"));
    expect(freshCompiledCli("jobs", noManifest)).toBeUndefined();
  });

  it("looks only at the sources of the bundle a command runs", () => {
    const root = repository(1000, 2000);
    touch(root, "scheduler/cli/Up.ts", 3000);
    expect(freshCompiledCli("jobs", root)).toBeDefined();
    expect(freshCompiledCli(undefined, root)).toBeUndefined();
  });
});
