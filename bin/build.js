#!/usr/bin/env node
// `npm run build` (and `npm ci`/`npm install`, through the prepare script): compiles the sources to dist/ so that
// bin/tessera.js starts from JavaScript instead of compiling TypeScript at every start.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { buildStamp, distDir, repositoryRoot } from "./CompiledBuild.js";

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
} catch {
  // An install without dev dependencies: the CLI still works, compiling its sources at start.
  process.stderr.write(
    "tessera build: typescript is not installed; bin/tessera.js will run the sources (tsx)\n",
  );
  process.exit(0);
}
// The stamp carries the start time: a source saved while tsc runs is newer than it, so the build counts as stale.
const started = new Date();
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: repositoryRoot, stdio: "inherit" });
mkdirSync(distDir, { recursive: true });
// pbjs's static code is JavaScript (with a declaration beside it), which tsc does not copy.
for (const codec of ["tessera.js", "node.js"]) {
  const staticCode = join("proto", "generated", "static", codec);
  cpSync(join(repositoryRoot, staticCode), join(distDir, staticCode));
}
writeFileSync(buildStamp, `${started.toISOString()}\n`);
utimesSync(buildStamp, started, started);
