#!/usr/bin/env node
// The single `tessera` CLI. It runs the compiled JavaScript under dist/ (`npm run build`, which `npm ci` runs) when
// that build is newer than every source; otherwise it compiles the TypeScript sources at start through tsx (about
// half a second slower, never stale), so a developer's edits take effect without a build. TESSERA_RUN_SOURCES=1
// runs the sources even when the build is fresh (to compare the two, or to debug with source positions).
import { freshCompiledCli } from "./CompiledBuild.js";

const compiled = process.env.TESSERA_RUN_SOURCES === "1" ? undefined : freshCompiledCli();
if (compiled) {
  const { main } = await import(compiled);
  await main(process.argv);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  const { main } = await import("./cli.ts");
  await main(process.argv);
}
