// `node --import ./module-load-log.mjs`: prints `module-loaded URL` on stderr for every ES module the process
// loads (a CommonJS package's entry included), so a test can tell which of the project's modules a command loaded.
import { register } from "node:module";
import { isMainThread } from "node:worker_threads";

if (isMainThread) register(import.meta.url);

export async function load(url, context, next) {
  process.stderr.write(`module-loaded ${url}\n`);
  return next(url, context);
}
