import type { Database, Statement } from "better-sqlite3";
import type { FleetIndex } from "./FleetIndex.ts";
import type { UtilizationSample } from "./UtilizationSample.ts";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
/** Most points one query may return; beyond that the caller has to pick a coarser step. */
export const MAX_POINTS = 10_000;

export interface RetentionSettings {
  /** How long raw samples are kept, in milliseconds. */
  rawMs: number;
  minuteRollupMs: number;
  hourRollupMs: number;
}

export const defaultRetention: RetentionSettings = {
  rawMs: 2 * HOUR_MS,
  minuteRollupMs: 14 * 24 * HOUR_MS,
  hourRollupMs: 400 * 24 * HOUR_MS,
};

export const utilizationGroupings = ["gpu", "mig", "node", "model", "tenant"] as const;
export type UtilizationGrouping = (typeof utilizationGroupings)[number];

export interface UtilizationQuery {
  from: number;
  to: number;
  stepMs: number;
  groupBy: UtilizationGrouping;
  node?: string;
  model?: string;
  tenant?: string;
  gpu?: string;
}

export interface UtilizationPoint {
  /** Start of the step, milliseconds since the epoch. */
  t: number;
  /** Mean over the readings that had one; null where NVML gives none (MIG). */
  utilizationPercent: number | null;
  maxUtilizationPercent: number | null;
  /** Mean memory used per device reading. */
  memoryUsedMiB: number;
  maxMemoryUsedMiB: number;
  temperatureC: number | null;
  powerW: number | null;
  samples: number;
}

export interface UtilizationSeries {
  labels: Record<string, string>;
  points: UtilizationPoint[];
}

export type HistoryResolution = "raw" | "1m" | "1h";

export interface UtilizationResult {
  from: number;
  to: number;
  stepMs: number;
  groupBy: UtilizationGrouping;
  resolution: HistoryResolution;
  series: UtilizationSeries[];
}

const groupColumns: Record<UtilizationGrouping, readonly string[]> = {
  gpu: ["node", "gpu_uuid", "model_id"],
  mig: ["node", "gpu_uuid", "mig_uuid", "model_id", "profile"],
  node: ["node"],
  model: ["model_id"],
  tenant: ["tenant"],
};
const labelNames: Record<string, string> = {
  node: "node",
  gpu_uuid: "gpu",
  mig_uuid: "mig",
  model_id: "model",
  profile: "profile",
  tenant: "tenant",
};

/** The raw table read in the shape of a rollup, so one aggregate query serves every resolution. */
const rawAsRollup = `SELECT at AS bucket, node, gpu_uuid, mig_uuid, model_id, profile, tenant, job_id,
  1 AS samples, COALESCE(utilization, 0) AS utilization_sum, (utilization IS NOT NULL) AS utilization_samples,
  utilization AS utilization_max, memory_used_mib AS memory_used_sum, memory_used_mib AS memory_used_max,
  memory_total_mib, COALESCE(temperature_c, 0) AS temperature_sum, (temperature_c IS NOT NULL) AS temperature_samples,
  COALESCE(power_w, 0) AS power_sum, (power_w IS NOT NULL) AS power_samples
  FROM utilization_raw`;

/**
 * NVML samples in the store: raw readings for a short window, and 1-minute and 1-hour rollups kept up to date
 * as samples arrive (in the same transaction, so a crash never leaves a rollup behind its raw data).
 */
export class UtilizationHistory {
  private readonly insertRaw: Statement;
  private readonly upsertRollup: Statement;

  constructor(
    private readonly db: Database,
    readonly retention: RetentionSettings = defaultRetention,
  ) {
    this.insertRaw = db.prepare(
      `INSERT INTO utilization_raw VALUES (@at, @node, @gpu, @mig, @model, @profile, @tenant, @job,
       @utilization, @memoryUsed, @memoryTotal, @temperature, @power)`,
    );
    this.upsertRollup = db.prepare(
      `INSERT INTO utilization_rollup VALUES (@resolution, @bucket, @node, @gpu, @mig, @model, @profile, @tenant,
       @job, 1, COALESCE(@utilization, 0), @utilization IS NOT NULL, @utilization, @memoryUsed, @memoryUsed,
       @memoryTotal, COALESCE(@temperature, 0), @temperature IS NOT NULL, COALESCE(@power, 0), @power IS NOT NULL)
       ON CONFLICT (resolution_ms, bucket, gpu_uuid, mig_uuid, job_id) DO UPDATE SET
         samples = samples + 1,
         utilization_sum = utilization_sum + excluded.utilization_sum,
         utilization_samples = utilization_samples + excluded.utilization_samples,
         utilization_max = MAX(COALESCE(utilization_max, excluded.utilization_max), COALESCE(excluded.utilization_max, utilization_max)),
         memory_used_sum = memory_used_sum + excluded.memory_used_sum,
         memory_used_max = MAX(memory_used_max, excluded.memory_used_max),
         memory_total_mib = excluded.memory_total_mib,
         temperature_sum = temperature_sum + excluded.temperature_sum,
         temperature_samples = temperature_samples + excluded.temperature_samples,
         power_sum = power_sum + excluded.power_sum,
         power_samples = power_samples + excluded.power_samples`,
    );
  }

  /** Stores samples attributed to whoever held the GPU or MIG instance when they were taken. */
  record(samples: readonly UtilizationSample[], index: FleetIndex): void {
    this.db.transaction(() => {
      for (const sample of samples) {
        const who = index.attribute(sample);
        const owners = who.held.length > 0 ? who.held.map((h) => h.job) : [undefined];
        for (const job of owners) {
          const row = {
            at: sample.at,
            node: sample.node,
            gpu: sample.gpuUuid,
            mig: sample.migUuid ?? "",
            model: who.gpu?.modelId ?? "",
            profile: who.profile,
            tenant: job?.tenant ?? "",
            job: job?.id ?? "",
            utilization: sample.utilizationPercent,
            memoryUsed: sample.memoryUsedMiB,
            memoryTotal: sample.memoryTotalMiB,
            temperature: sample.temperatureC ?? null,
            power: sample.powerW ?? null,
          };
          this.insertRaw.run(row);
          for (const resolution of [MINUTE_MS, HOUR_MS]) {
            this.upsertRollup.run({ ...row, resolution, bucket: sample.at - (sample.at % resolution) });
          }
        }
      }
    })();
  }

  /** Drops what is older than the retention settings allow. */
  prune(now: number): void {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM utilization_raw WHERE at < ?").run(now - this.retention.rawMs);
      const dropRollup = this.db.prepare(
        "DELETE FROM utilization_rollup WHERE resolution_ms = ? AND bucket < ?",
      );
      dropRollup.run(MINUTE_MS, now - this.retention.minuteRollupMs);
      dropRollup.run(HOUR_MS, now - this.retention.hourRollupMs);
    })();
  }

  /** The finest resolution that still covers `from` and is not finer than the step needs. */
  resolutionFor(query: Pick<UtilizationQuery, "from" | "stepMs">, now: number): HistoryResolution {
    if (query.stepMs < MINUTE_MS && query.from >= now - this.retention.rawMs) return "raw";
    if (query.stepMs < HOUR_MS && query.from >= now - this.retention.minuteRollupMs) return "1m";
    return "1h";
  }

  query(query: UtilizationQuery, now: number): UtilizationResult {
    if (!(query.to > query.from)) {
      throw new RangeError(`"to" (${query.to}) must be after "from" (${query.from})`);
    }
    if (!(query.stepMs >= 1000)) throw new RangeError(`"step" must be at least 1s, got ${query.stepMs} ms`);
    const points = Math.ceil((query.to - query.from) / query.stepMs);
    if (points > MAX_POINTS) {
      throw new RangeError(
        `from/to/step asks for ${points} points per series; at most ${MAX_POINTS}: choose a larger step`,
      );
    }
    const resolution = this.resolutionFor(query, now);
    const source =
      resolution === "raw"
        ? rawAsRollup
        : `SELECT * FROM utilization_rollup WHERE resolution_ms = ${resolution === "1m" ? MINUTE_MS : HOUR_MS}`;
    const columns = groupColumns[query.groupBy];
    const filters = ["bucket >= @from", "bucket < @to"];
    if (query.groupBy === "mig") filters.push("mig_uuid <> ''");
    if (query.groupBy === "tenant") filters.push("tenant <> ''");
    if (query.node !== undefined) filters.push("node = @node");
    if (query.model !== undefined) filters.push("model_id = @model");
    if (query.tenant !== undefined) filters.push("tenant = @tenant");
    if (query.gpu !== undefined) filters.push("gpu_uuid = @gpu");
    const sql = `SELECT ${columns.join(", ")},
        CAST((bucket - @from) / @step AS INTEGER) AS step_index,
        SUM(samples) AS samples,
        SUM(utilization_sum) AS utilization_sum, SUM(utilization_samples) AS utilization_samples,
        MAX(utilization_max) AS utilization_max,
        SUM(memory_used_sum) AS memory_used_sum, MAX(memory_used_max) AS memory_used_max,
        SUM(temperature_sum) AS temperature_sum, SUM(temperature_samples) AS temperature_samples,
        SUM(power_sum) AS power_sum, SUM(power_samples) AS power_samples
      FROM (${source}) WHERE ${filters.join(" AND ")}
      GROUP BY ${columns.join(", ")}, step_index
      ORDER BY ${columns.join(", ")}, step_index`;
    const rows = this.db.prepare(sql).all({
      from: query.from,
      to: query.to,
      step: query.stepMs,
      node: query.node,
      model: query.model,
      tenant: query.tenant,
      gpu: query.gpu,
    }) as AggregateRow[];
    const series = new Map<string, UtilizationSeries>();
    for (const row of rows) {
      const labels = Object.fromEntries(columns.map((c) => [labelNames[c] ?? c, String(row[c])]));
      const key = JSON.stringify(labels);
      let entry = series.get(key);
      if (!entry) {
        entry = { labels, points: [] };
        series.set(key, entry);
      }
      entry.points.push(toPoint(row, query));
    }
    return {
      from: query.from,
      to: query.to,
      stepMs: query.stepMs,
      groupBy: query.groupBy,
      resolution,
      series: [...series.values()],
    };
  }
}

interface AggregateRow {
  [column: string]: string | number | null;
  step_index: number;
  samples: number;
  utilization_sum: number;
  utilization_samples: number;
  utilization_max: number | null;
  memory_used_sum: number;
  memory_used_max: number;
  temperature_sum: number;
  temperature_samples: number;
  power_sum: number;
  power_samples: number;
}

function toPoint(row: AggregateRow, query: UtilizationQuery): UtilizationPoint {
  const mean = (sum: number, n: number) => (n > 0 ? sum / n : null);
  return {
    t: query.from + row.step_index * query.stepMs,
    utilizationPercent: mean(row.utilization_sum, row.utilization_samples),
    maxUtilizationPercent: row.utilization_samples > 0 ? row.utilization_max : null,
    memoryUsedMiB: row.memory_used_sum / row.samples,
    maxMemoryUsedMiB: row.memory_used_max,
    temperatureC: mean(row.temperature_sum, row.temperature_samples),
    powerW: mean(row.power_sum, row.power_samples),
    samples: row.samples,
  };
}
