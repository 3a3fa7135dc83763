import type { IdleAllocation } from "../finops/IdleDetector.ts";
import type { UtilizationSample } from "../finops/UtilizationSample.ts";
import { table } from "../format/TextTable.ts";
import type { FleetJob, FleetNode, FleetSlice } from "../readmodel/FleetReadModel.ts";

export interface TopInput {
  nodes: FleetNode[];
  jobs: FleetJob[];
  samples: UtilizationSample[];
  idle: IdleAllocation[];
}

const blank = "-";
const round = (value: number | null | undefined, unit = "") =>
  value === null || value === undefined ? blank : `${Math.round(value)}${unit}`;

/** A text bar of `width` cells filled to `percent`. */
function bar(percent: number | null, width = 10): string {
  if (percent === null) return " ".repeat(width);
  const filled = Math.round((Math.min(100, Math.max(0, percent)) / 100) * width);
  return "#".repeat(filled) + ".".repeat(width - filled);
}

/**
 * `tessera top`: one line per GPU and per MIG instance with its latest NVML reading and who holds it (an instance
 * shared by MPS: `MPS:` and each share job).
 */
export function renderTop(input: TopInput, now = Date.now()): string {
  const jobs = new Map(input.jobs.map((j) => [j.id, j]));
  const samples = new Map(input.samples.map((s) => [`${s.gpuUuid}/${s.migUuid ?? ""}`, s]));
  const idle = new Map(input.idle.map((i) => [i.sliceId, i]));
  const rows: string[][] = [];
  for (const node of input.nodes) {
    for (const gpu of node.gpus) {
      const s = samples.get(`${gpu.uuid}/`);
      const holders =
        gpu.sharingMode === "mig" ? [] : gpu.slices.filter((x) => x.jobId !== undefined || x.otherTenant);
      rows.push([
        node.state === "Ready" ? node.name : `${node.name} (${node.state})`,
        `${gpu.index}`,
        gpu.modelId,
        gpu.sharingMode,
        `${bar(s?.utilizationPercent ?? null)} ${round(s?.utilizationPercent, "%")}`,
        s ? `${round(s.memoryUsedMiB)}/${round(s.memoryTotalMiB)}` : blank,
        round(s?.temperatureC, "C"),
        round(s?.powerW, "W"),
        holders.map((h) => holderText(h, jobs, idle.get(h.id), now)).join(", ") ||
          (gpu.sharingMode === "mig" ? "" : "free"),
      ]);
      if (gpu.sharingMode !== "mig") continue;
      for (const slice of gpu.slices) {
        const m = slice.migUuid === undefined ? undefined : samples.get(`${gpu.uuid}/${slice.migUuid}`);
        rows.push([
          "",
          "",
          `  ${slice.profile ?? "mig"}`,
          `@${slice.placementStart ?? "?"}`,
          "",
          m ? `${round(m.memoryUsedMiB)}/${round(m.memoryTotalMiB)}` : blank,
          "",
          "",
          slice.shares
            ? `MPS: ${slice.shares.map((x) => holderText(x, jobs, idle.get(x.id), now)).join(", ")}`
            : slice.jobId === undefined && !slice.otherTenant
              ? "free"
              : holderText(slice, jobs, idle.get(slice.id), now),
        ]);
      }
    }
  }
  const pending = input.jobs.filter((j) => j.state === "Pending").length;
  const gpus = input.nodes.reduce((n, node) => n + node.gpus.length, 0);
  const mig = rows.length - gpus;
  const header = `${input.nodes.length} nodes, ${gpus} GPUs, ${mig} MIG instances, ${pending} pending, ${input.idle.length} idle`;
  return `${header}\n\n${table(["NODE", "GPU", "MODEL", "MODE", "UTIL", "MEM MiB", "TEMP", "POWER", "HELD BY"], rows)}`;
}

function holderText(
  slice: FleetSlice,
  jobs: ReadonlyMap<string, FleetJob>,
  idle: IdleAllocation | undefined,
  now: number,
): string {
  if (slice.otherTenant) return "other tenant";
  const job = jobs.get(slice.jobId ?? "");
  if (!job) return "?";
  const base = `${job.name} (${job.tenant})`;
  return idle ? `${base} IDLE ${Math.round((now - idle.since) / 60_000)}m` : base;
}
