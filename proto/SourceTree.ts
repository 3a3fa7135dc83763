import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// This module is proto/SourceTree.ts in the sources, dist/proto/SourceTree.js in tsc's build and part of
// dist/cli/tessera.cjs in the CLI bundle (which stands for every module's URL): each two folders below the
// repository. The build reads the same files that are not TypeScript (.proto, C sources, dashboard assets) from
// the sources.
const here = dirname(fileURLToPath(import.meta.url));
const root = /\.c?js$/.test(import.meta.url) ? join(here, "..", "..") : join(here, "..");

/** A file of the repository that is not compiled (a .proto, a C source, a dashboard asset), by its path in it. */
export function sourceTreePath(...segments: string[]): string {
  return join(root, ...segments);
}
