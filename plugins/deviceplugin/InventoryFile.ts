import { readFileSync, unwatchFile, watchFile } from "node:fs";
import { parse } from "yaml";
import type { MemorySliceInventory } from "./MemorySliceInventory.ts";
import type { PluginLog } from "./PluginLog.ts";
import { sharedUse } from "./SharedSplit.ts";
import type { GpuUse, InventoryGpu, MigInstance, NodeInventory, SliceHealth } from "./SliceInventory.ts";

/**
 * A node inventory written as a file (JSON or YAML, the shape of NodeInventory), for running the device plugin
 * without an agent: a test, a demo, or a host whose layout another tool manages. Rewriting the file is a layout
 * change.
 */
class InventoryError extends Error {}

type Fields = Record<string, unknown>;

function fail(where: string, message: string): never {
  throw new InventoryError(`${where}: ${message}`);
}

function object(value: unknown, where: string): Fields {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(where, "expected a mapping");
  return value as Fields;
}

function string(fields: Fields, key: string, where: string): string {
  const value = fields[key];
  if (typeof value !== "string" || value === "") fail(where, `${key} must be a non-empty string`);
  return value;
}

function integer(fields: Fields, key: string, where: string, min: number, fallback?: number): number {
  const value = fields[key] ?? fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    fail(where, `${key} must be an integer of at least ${min}, got ${JSON.stringify(fields[key])}`);
  }
  return value;
}

function health(fields: Fields, where: string): SliceHealth {
  const value = fields.health ?? "Healthy";
  if (value !== "Healthy" && value !== "Unhealthy") fail(where, `health must be Healthy or Unhealthy`);
  return value;
}

function use(raw: unknown, where: string, memoryMiB: number): GpuUse {
  const fields = object(raw ?? { mode: "whole" }, `${where}.use`);
  const at = `${where}.use`;
  switch (fields.mode) {
    case "whole":
      return { mode: "whole" };
    case "mig": {
      if (!Array.isArray(fields.instances)) fail(at, "instances must be a list");
      const instances = fields.instances.map((item, i): MigInstance => {
        const f = object(item, `${at}.instances[${i}]`);
        const w = `${at}.instances[${i}]`;
        return {
          uuid: string(f, "uuid", w),
          profile: string(f, "profile", w),
          gpuInstanceId: integer(f, "gpuInstanceId", w, 0),
          computeInstanceId: integer(f, "computeInstanceId", w, 0, 0),
          health: health(f, w),
        };
      });
      return { mode: "mig", instances };
    }
    case "shared": {
      const optional = (
        key: "memoryMiBPerReplica" | "computePercentPerReplica" | "maxReplicasPerContainer",
      ) => (fields[key] === undefined ? undefined : integer(fields, key, at, 1));
      return sharedUse(memoryMiB, {
        replicas: integer(fields, "replicas", at, 1),
        memoryMiBPerReplica: optional("memoryMiBPerReplica"),
        computePercentPerReplica: optional("computePercentPerReplica"),
        maxReplicasPerContainer: optional("maxReplicasPerContainer"),
      });
    }
    case "vfio":
      return { mode: "vfio", iommuGroup: integer(fields, "iommuGroup", at, 0) };
    default:
      fail(at, `mode is ${JSON.stringify(fields.mode)}; use whole, mig, shared or vfio`);
  }
}

export function parseNodeInventory(raw: unknown, source: string): NodeInventory {
  const root = object(raw, source);
  if (!Array.isArray(root.gpus)) fail(source, "gpus must be a list");
  const gpus = root.gpus.map((item, i): InventoryGpu => {
    const where = `${source}: gpus[${i}]`;
    const f = object(item, where);
    const memoryMiB = integer(f, "memoryMiB", where, 1);
    const peers = object(f.nvlinkPeers ?? {}, `${where}.nvlinkPeers`);
    for (const [peer, links] of Object.entries(peers)) {
      if (typeof links !== "number" || links < 0) fail(where, `nvlinkPeers.${peer} must be a link count`);
    }
    const numa = f.numaNode ?? null;
    if (numa !== null && (typeof numa !== "number" || !Number.isInteger(numa) || numa < 0)) {
      fail(where, "numaNode must be a non-negative integer or null");
    }
    return {
      uuid: string(f, "uuid", where),
      index: integer(f, "index", where, 0, i),
      model: string(f, "model", where),
      memoryMiB,
      pciBusId: string(f, "pciBusId", where),
      numaNode: numa,
      nvlinkPeers: peers as Record<string, number>,
      health: health(f, where),
      use: use(f.use, where, memoryMiB),
    };
  });
  return { gpus };
}

export function readInventoryFile(path: string): NodeInventory {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`cannot read inventory ${path}: ${(error as Error).message}`);
  }
  try {
    return parseNodeInventory(parse(text), path);
  } catch (error) {
    if (error instanceof InventoryError) throw error;
    throw new Error(`inventory ${path} is not valid YAML or JSON: ${(error as Error).message}`);
  }
}

/** Re-reads the file when it changes and pushes it into `inventory`; a bad edit is logged and ignored. */
export function followInventoryFile(
  path: string,
  inventory: MemorySliceInventory,
  log: PluginLog,
  intervalMs = 500,
): () => void {
  const reread = () => {
    try {
      inventory.set(readInventoryFile(path));
      log.info(`inventory ${path} changed; re-advertising`);
    } catch (error) {
      log.error(`${(error as Error).message}; keeping the previous inventory`);
    }
  };
  watchFile(path, { interval: intervalMs }, (current, previous) => {
    if (current.mtimeMs !== previous.mtimeMs || current.ino !== previous.ino) reread();
  });
  return () => unwatchFile(path);
}
