import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// This module is proto/SourceTree.ts in the sources and dist/proto/SourceTree.js in the compiled build: the
// build reads the same files that are not TypeScript (.proto, C sources, dashboard assets) from the sources.
const here = dirname(fileURLToPath(import.meta.url));
const root = import.meta.url.endsWith(".js") ? join(here, "..", "..") : join(here, "..");

/** A file of the repository that is not compiled (a .proto, a C source, a dashboard asset), by its path in it. */
export function sourceTreePath(...segments: string[]): string {
  return join(root, ...segments);
}
