#!/usr/bin/env node
// The single `tessera` CLI. Sources are TypeScript, run through tsx's loader so that `npm ci` is the only
// install step and there is no build output to keep in sync.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./cli.ts");
await main(process.argv);
