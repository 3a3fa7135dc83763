import { gpuModels } from "../../proto/catalog/GpuCatalog.ts";

/** What a resource name in a quota counts. */
export type ResourceKind = "gpu-equivalents" | "gpu-model" | "mig-profile" | "cpu" | "memory";

const modelIds = new Set(gpuModels.map((m) => m.id));
const profileNames = new Set(gpuModels.flatMap((m) => m.mig?.profiles.map((p) => p.name) ?? []));

export function resourceKind(name: string): ResourceKind | undefined {
  if (name === "gpus") return "gpu-equivalents";
  if (name === "cpu") return "cpu";
  if (name === "memory") return "memory";
  if (modelIds.has(name)) return "gpu-model";
  if (profileNames.has(name)) return "mig-profile";
  return undefined;
}

export function knownResourceNamesHint(): string {
  return `gpus, cpu, memory, a GPU model (${[...modelIds].join(", ")}) or a MIG profile (e.g. 3g.40gb)`;
}

const memoryUnits: Readonly<Record<string, number>> = {
  Ki: 1 / 1024,
  Mi: 1,
  Gi: 1024,
  Ti: 1024 * 1024,
};

/**
 * Parses an amount as written in the config: numbers for every kind (memory in MiB), `500m` for CPU,
 * `64Gi`/`64GiB` for memory. Returns a reason instead when the value cannot be an amount of that kind.
 */
export function parseAmount(kind: ResourceKind, value: unknown): number | string {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return `must be a number >= 0, got ${value}`;
    if ((kind === "gpu-model" || kind === "mig-profile") && !Number.isInteger(value)) {
      return `counts whole ${kind === "gpu-model" ? "GPUs" : "MIG instances"}, so it must be an integer, got ${value}`;
    }
    return value;
  }
  if (typeof value === "string") {
    if (kind === "cpu") {
      const milli = /^(\d+)m$/.exec(value);
      if (milli) return Number(milli[1]) / 1000;
      return `CPU is cores (e.g. 8) or millicores (e.g. 500m), got "${value}"`;
    }
    if (kind === "memory") {
      const quantity = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti)B?$/.exec(value);
      if (quantity) return Number(quantity[1]) * (memoryUnits[quantity[2] ?? "Mi"] ?? 1);
      return `memory is MiB (e.g. 4096) or a quantity like 64Gi or 64GiB, got "${value}"`;
    }
  }
  return `must be a number >= 0, got ${JSON.stringify(value)}`;
}
