// The compiled build under dist/ (tsconfig.build.json), and whether it still matches the sources. Plain JavaScript:
// bin/tessera.js reads it before it knows whether it may run the build or must compile the sources itself.
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
export const distDir = join(repositoryRoot, "dist");
const stampInDist = "build-stamp";
/** Written by bin/build.js when tsc succeeded, with the mtime of the moment the build started. */
export const buildStamp = join(distDir, stampInDist);
/** What the build compiles; an edit to any of it makes the build stale. */
const sourceDirs = ["bin", "scheduler", "node-agent", "plugins", "proto"];
const configFiles = ["package.json", "tsconfig.json", "tsconfig.build.json"];

function newerThan(file, stampMs) {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs > stampMs;
}

/**
 * The compiled CLI's URL when dist/ was built after the last change to any source file (TypeScript or JSON
 * under the compiled folders) or build setting; undefined when there is no build or it is older, so a developer
 * editing sources never runs stale JavaScript.
 */
export function freshCompiledCli(root = repositoryRoot) {
  const stampMs = statSync(join(root, "dist", stampInDist), { throwIfNoEntry: false })?.mtimeMs;
  if (stampMs === undefined) return undefined;
  for (const file of configFiles) if (newerThan(join(root, file), stampMs)) return undefined;
  for (const dir of sourceDirs) {
    const path = join(root, dir);
    if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|json)$/.test(entry.name) || /\.(test|testkit)\.ts$/.test(entry.name))
        continue;
      if (newerThan(join(entry.parentPath ?? entry.path, entry.name), stampMs)) return undefined;
    }
  }
  return pathToFileURL(join(root, "dist", "bin", "cli.js")).href;
}
