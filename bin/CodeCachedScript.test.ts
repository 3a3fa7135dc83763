import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const loader = pathToFileURL(join(import.meta.dirname, "CodeCachedScript.cjs")).href;

/**
 * A CommonJS module in Node's module wrapper, as bin/build.js writes the bundles, that uses what a module gets
 * (require, module, __filename) and exports a function.
 */
function scriptDir(): { file: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), "tessera-code-cache-"));
  dirs.push(dir);
  const file = join(dir, "bundle.cjs");
  writeFileSync(
    file,
    [
      "(function (exports, require, module, __filename, __dirname) {",
      'const { basename } = require("node:path");',
      "module.exports.answer = (n) => basename(__filename) + ': ' + n * 2;",
      "})",
    ].join("\n"),
  );
  return { file, cache: join(dir, "code-cache", "jobs.v8") };
}

/** Runs the file through requireWithCodeCache in a process of its own (the cache is written when it exits). */
function run(file: string, cache: string, exitCode = 0): string {
  const code = `const { requireWithCodeCache } = await import(${JSON.stringify(loader)});
    process.stdout.write(requireWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cache)}).answer(21));
    process.exitCode = ${exitCode};`;
  try {
    return execFileSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" });
  } catch (error) {
    if (exitCode === 0) throw error;
    return (error as { stdout: string }).stdout;
  }
}

describe("requireWithCodeCache", () => {
  it("runs the file as a CommonJS module and writes its code cache when the run succeeds", () => {
    const { file, cache } = scriptDir();
    expect(run(file, cache, 1)).toBe("bundle.cjs: 42");
    expect(existsSync(cache)).toBe(false);
    expect(run(file, cache)).toBe("bundle.cjs: 42");
    const written = statSync(cache);
    expect(written.size).toBeGreaterThan(0);
    // An accepted cache is read, not written again.
    expect(run(file, cache)).toBe("bundle.cjs: 42");
    expect(statSync(cache).mtimeMs).toBe(written.mtimeMs);
  });

  it("replaces a cache that V8 rejects", () => {
    const { file, cache } = scriptDir();
    run(file, cache);
    writeFileSync(cache, "not a code cache");
    expect(run(file, cache)).toBe("bundle.cjs: 42");
    expect(readFileSync(cache).toString()).not.toBe("not a code cache");
  });
});
