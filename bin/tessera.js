#!/usr/bin/env node
// The single `tessera` CLI. It runs the compiled build under dist/ (`npm run build`, which `npm ci` runs: the CLI
// bundled into one file per group of commands, compiled through a V8 code cache) when that bundle is newer than
// every file it was made from; otherwise it compiles the TypeScript sources at start through tsx (about half a
// second slower, never stale), so a developer's edits take effect without a build. TESSERA_RUN_SOURCES=1 runs the
// sources even when the build is fresh (to compare the two, or to debug with source positions).
import { createRequire } from "node:module";

// CommonJS helpers: they load quicker than ES modules, and every command waits for them.
const require = createRequire(import.meta.url);
const { freshCompiledCli } = require("./CompiledBuild.cjs");

// The word bin/cli.ts's commandName picks: which commands the run loads.
const command = process.argv.slice(2).find((word) => !word.startsWith("-"));
// The agent is a daemon whose hot code is a heartbeat once a second: V8's optimizing compiler would map 3-4 MiB more
// of the node binary for it (a third of an idle agent's RSS above bare node's) and save it no measurable CPU (README,
// "Where the time goes"). Set before anything runs: later, start-up code has already brought the compiler in. An
// operator's own `node --opt bin/tessera.js agent` keeps the compiler, e.g. on a node with many busy jobs.
if (command === "agent" && !process.execArgv.includes("--opt"))
  require("node:v8").setFlagsFromString("--no-opt");
const compiled = process.env.TESSERA_RUN_SOURCES === "1" ? undefined : freshCompiledCli(command);
if (compiled) {
  const { requireWithCodeCache } = require("./CodeCachedScript.cjs");
  const { main } = requireWithCodeCache(compiled.bundle, compiled.codeCache);
  await main(process.argv);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  const { main } = await import("./cli.ts");
  await main(process.argv);
}
