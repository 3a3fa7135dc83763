import { readFileSync } from "node:fs";
import { findGpuModel } from "../../proto/catalog/GpuCatalog.ts";

/** GPU models that appear in the Alibaba GPU trace v2023 (G1-G3 are undisclosed internal models). */
export const traceGpuModels: ReadonlySet<string> = new Set([
  "P100",
  "T4",
  "V100M16",
  "V100M32",
  "A10",
  "G1",
  "G2",
  "G3",
]);

export interface TraceNode {
  name: string;
  cpuMilli: number;
  memoryMiB: number;
  gpus: number;
  model: string;
  line: number;
}

export interface TracePod {
  name: string;
  cpuMilli: number;
  memoryMiB: number;
  numGpu: number;
  gpuMilli: number;
  /** Allowed models, or null when any model will do. */
  gpuSpec: string[] | null;
  creationTime: number | null;
  deletionTime: number | null;
  scheduledTime: number | null;
  /** `LS`, `BE`, `Burstable` or `Guaranteed`; null when the file has no qos column. */
  qos: string | null;
  line: number;
}

/** A CSV error that names the file, the line and what is wrong. */
export class TraceInputError extends Error {}

interface Table {
  file: string;
  header: string[];
  rows: { line: number; cells: string[] }[];
}

function readTable(file: string, required: readonly string[]): Table {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new TraceInputError(`${file}: cannot read: ${(e as Error).message}`);
  }
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? "").split(",").map((h) => h.trim());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new TraceInputError(
      `${file}:1: missing column(s) ${missing.join(", ")}; the header must name ${required.join(", ")}`,
    );
  }
  const rows: Table["rows"] = [];
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === "") continue;
    const cells = raw.split(",");
    if (cells.length !== header.length) {
      throw new TraceInputError(`${file}:${i + 1}: ${cells.length} fields, the header has ${header.length}`);
    }
    rows.push({ line: i + 1, cells });
  }
  return { file, header, rows };
}

class RowReader {
  private readonly index: Map<string, number>;

  constructor(private readonly table: Table) {
    this.index = new Map(table.header.map((h, i) => [h, i]));
  }

  has(column: string): boolean {
    return this.index.has(column);
  }

  text(row: Table["rows"][number], column: string): string {
    const i = this.index.get(column);
    return i === undefined ? "" : row.cells[i]!.trim();
  }

  /** A non-negative integer; `optional` columns may be empty. */
  /** An integer 0..`max` (absurd sizes such as gpu=1e30 are refused before they cost memory). */
  integer(row: Table["rows"][number], column: string, optional = false, max = 1_000_000_000): number | null {
    const raw = this.text(row, column);
    if (raw === "" && optional) return null;
    const v = Number(raw);
    if (raw === "" || !Number.isInteger(v)) {
      throw new TraceInputError(`${this.table.file}:${row.line}: ${column} must be an integer, got "${raw}"`);
    }
    if (v < 0) throw new TraceInputError(`${this.table.file}:${row.line}: ${column} must be >= 0, got ${v}`);
    if (v > max) {
      throw new TraceInputError(
        `${this.table.file}:${row.line}: ${column} must be <= ${max}, got ${raw.slice(0, 40)}`,
      );
    }
    return v;
  }
}

function knownModel(model: string): boolean {
  return traceGpuModels.has(model) || findGpuModel(model) !== undefined;
}

/** More GPUs than any server holds: a node list or pod asking for more is a mistake, not a fleet. */
const maxGpusPerNode = 64;

export function readTraceNodes(file: string): TraceNode[] {
  const table = readTable(file, ["sn", "cpu_milli", "memory_mib", "gpu", "model"]);
  const r = new RowReader(table);
  const names = new Set<string>();
  return table.rows.map((row) => {
    const where = `${file}:${row.line}`;
    const name = r.text(row, "sn");
    if (!name) throw new TraceInputError(`${where}: sn (node name) is empty`);
    if (names.has(name)) throw new TraceInputError(`${where}: node ${name} appears twice`);
    names.add(name);
    const gpus = r.integer(row, "gpu", false, maxGpusPerNode)!;
    const model = r.text(row, "model");
    if (gpus > 0 && !knownModel(model)) {
      throw new TraceInputError(
        `${where}: unknown GPU model "${model}"; expected one of ${[...traceGpuModels].join(", ")} or a catalog id`,
      );
    }
    return {
      name,
      cpuMilli: r.integer(row, "cpu_milli")!,
      memoryMiB: r.integer(row, "memory_mib")!,
      gpus,
      model,
      line: row.line,
    };
  });
}

export function readTracePods(file: string): TracePod[] {
  const table = readTable(file, ["name", "cpu_milli", "memory_mib", "num_gpu", "gpu_milli"]);
  const r = new RowReader(table);
  return table.rows.map((row) => {
    const where = `${file}:${row.line}`;
    const numGpu = r.integer(row, "num_gpu", false, maxGpusPerNode)!;
    const gpuMilli = r.integer(row, "gpu_milli")!;
    if (gpuMilli > 1000) throw new TraceInputError(`${where}: gpu_milli must be <= 1000, got ${gpuMilli}`);
    if (numGpu > 0 && gpuMilli === 0)
      throw new TraceInputError(`${where}: num_gpu is ${numGpu} but gpu_milli is 0`);
    if (numGpu === 0 && gpuMilli > 0)
      throw new TraceInputError(`${where}: gpu_milli is ${gpuMilli} but num_gpu is 0`);
    if (numGpu > 1 && gpuMilli !== 1000) {
      throw new TraceInputError(
        `${where}: a multi-GPU pod (num_gpu ${numGpu}) must ask for whole GPUs (gpu_milli 1000)`,
      );
    }
    const specText = r.text(row, "gpu_spec");
    const gpuSpec = specText === "" ? null : [...new Set(specText.split("|").map((m) => m.trim()))];
    for (const m of gpuSpec ?? []) {
      if (!knownModel(m)) throw new TraceInputError(`${where}: gpu_spec names unknown GPU model "${m}"`);
    }
    const creationTime = r.has("creation_time") ? r.integer(row, "creation_time", true) : null;
    const deletionTime = r.has("deletion_time") ? r.integer(row, "deletion_time", true) : null;
    if (creationTime !== null && deletionTime !== null && deletionTime < creationTime) {
      throw new TraceInputError(
        `${where}: deletion_time ${deletionTime} is before creation_time ${creationTime}`,
      );
    }
    return {
      name: r.text(row, "name") || `row-${row.line}`,
      cpuMilli: r.integer(row, "cpu_milli")!,
      memoryMiB: r.integer(row, "memory_mib")!,
      numGpu,
      gpuMilli,
      gpuSpec,
      creationTime,
      deletionTime,
      scheduledTime: r.has("scheduled_time") ? r.integer(row, "scheduled_time", true) : null,
      qos: r.has("qos") ? r.text(row, "qos") || null : null,
      line: row.line,
    };
  });
}
