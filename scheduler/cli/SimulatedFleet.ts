import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gpuModel } from "../../proto/catalog/GpuCatalog.ts";

/** One simulated node: a name and its GPUs by catalog id, all NVLink peers when `nvlink` is set. */
export interface SimulatedNode {
  name: string;
  models: string[];
  mig?: boolean;
  nvlink?: boolean;
}

/** The default `tessera up` fleet: H100, A100 and L4 nodes, four GPUs each. */
export const defaultSimulatedFleet: readonly SimulatedNode[] = [
  { name: "h100-0", models: Array(4).fill("H100-SXM5-80GB"), mig: true, nvlink: true },
  { name: "a100-0", models: Array(4).fill("A100-SXM4-40GB"), nvlink: true },
  { name: "l4-0", models: Array(4).fill("L4-24GB") },
];

/** `h100:2,a100:1,l4:1` -> that many 4-GPU nodes of each kind. */
export function parseFleetSpec(text: string): SimulatedNode[] {
  const kinds: Record<string, { model: string; mig?: boolean; nvlink?: boolean }> = {
    h100: { model: "H100-SXM5-80GB", mig: true, nvlink: true },
    h200: { model: "H200-141GB", mig: true, nvlink: true },
    a100: { model: "A100-SXM4-40GB", nvlink: true },
    "a100-80": { model: "A100-80GB", nvlink: true },
    a30: { model: "A30-24GB" },
    l4: { model: "L4-24GB" },
    t4: { model: "T4-16GB" },
  };
  const nodes: SimulatedNode[] = [];
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([a-z0-9-]+):(\d+)$/.exec(part);
    const kind = m ? kinds[m[1]!] : undefined;
    if (!m || !kind) {
      throw new Error(
        `--fleet "${part}": expected KIND:COUNT with KIND one of ${Object.keys(kinds).join(", ")}`,
      );
    }
    for (let i = 0; i < Number(m[2]); i++) {
      nodes.push({
        name: `${m[1]}-${i}`,
        models: Array(4).fill(kind.model),
        mig: kind.mig,
        nvlink: kind.nvlink,
      });
    }
  }
  if (nodes.length === 0) throw new Error("--fleet names no nodes");
  return nodes;
}

/** A stable GPU UUID per node and index, so that restarts see the same GPUs and nodes never collide. */
function gpuUuid(node: string, index: number): string {
  const h = createHash("sha256").update(`${node}/${index}`).digest("hex");
  return `GPU-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * Writes a node's stand-in fleet file under `dir` and returns the environment its agent needs: the fleet and
 * the state file of the stand-in NVML library (one each, so agents never share GPUs).
 */
export function writeSimulatedNode(
  dir: string,
  node: SimulatedNode,
): { fleetFile: string; stateFile: string } {
  mkdirSync(dir, { recursive: true });
  const gpus = node.models.map((model, index) => {
    gpuModel(model);
    return {
      model,
      uuid: gpuUuid(node.name, index),
      ...(node.mig ? { mig: true } : {}),
      ...(node.nvlink && node.models.length > 1
        ? { nvlinkPeers: node.models.map((_, j) => j).filter((j) => j !== index) }
        : {}),
    };
  });
  const fleetFile = join(dir, "fleet.json");
  writeFileSync(fleetFile, `${JSON.stringify({ gpus }, null, 2)}\n`);
  return { fleetFile, stateFile: join(dir, "nvml-state.json") };
}
