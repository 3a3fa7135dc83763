import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The Alibaba GPU trace folder: $TESSERA_TRACES, else `../shared/traces/alibaba-gpu-v2023` beside the repo. */
export function traceDirectory(): string {
  const dir =
    process.env.TESSERA_TRACES ??
    resolve(
      dirname(fileURLToPath(import.meta.url)),
      "..",
      "..",
      "..",
      "shared",
      "traces",
      "alibaba-gpu-v2023",
    );
  if (!existsSync(join(dir, "openb_node_list_gpu_node.csv"))) {
    throw new Error(
      `trace folder ${dir} lacks openb_node_list_gpu_node.csv; set TESSERA_TRACES to the trace folder`,
    );
  }
  return dir;
}
