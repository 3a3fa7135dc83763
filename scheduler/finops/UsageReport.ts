import type { Database } from "better-sqlite3";
import type { AllocationLedger } from "./AllocationLedger.ts";
import type { CostModel } from "./CostModel.ts";

const HOUR_MS = 3_600_000;

export interface UsageRow {
  tenant: string;
  model: string;
  gpuHours: number;
  idleGpuHours: number;
  /** Null when the model has no configured price. */
  cost: number | null;
  idleCost: number | null;
}

export interface UsageReport {
  from: number;
  to: number;
  currency: string;
  /** One row per tenant and GPU model, sorted by tenant then model. */
  rows: UsageRow[];
  /** The rows summed per tenant (model `*`). */
  tenants: UsageRow[];
  /** Models that were used in the period but have no price in the config. */
  unpricedModels: string[];
}

interface IdleSpan {
  allocation_id: number;
  since: number;
  ended_at: number | null;
  tenant: string;
  model_id: string;
  profile: string;
  share: number;
  alloc_end: number | null;
}

const overlapHours = (start: number, end: number, from: number, to: number) =>
  Math.max(0, Math.min(end, to) - Math.max(start, from)) / HOUR_MS;

/** Rounds away float noise (1e-9 GPU-hours is 3.6 microseconds) without hiding real differences. */
const tidy = (value: number) => Math.round(value * 1e9) / 1e9;

/**
 * GPU-hours, cost and idle cost per tenant and model over [from, to): allocation time weighted by the slice's
 * share of its GPU, and the part of it that fell inside idle episodes.
 */
export function buildUsageReport(
  db: Database,
  ledger: AllocationLedger,
  cost: CostModel,
  from: number,
  to: number,
  now: number,
): UsageReport {
  if (!(to > from)) throw new RangeError(`"to" (${new Date(to).toISOString()}) must be after "from"`);
  const rows = new Map<string, UsageRow>();
  const unpriced = new Set<string>();
  const row = (tenant: string, model: string) => {
    const key = `${tenant}\u0000${model}`;
    let entry = rows.get(key);
    if (!entry) {
      entry = { tenant, model, gpuHours: 0, idleGpuHours: 0, cost: 0, idleCost: 0 };
      rows.set(key, entry);
    }
    return entry;
  };
  const end = Math.min(to, now);
  for (const a of ledger.overlapping(from, end)) {
    const hours = overlapHours(a.startedAt, a.endedAt ?? now, from, end);
    const entry = row(a.tenant, a.modelId);
    entry.gpuHours += hours * a.share;
    const hourly = cost.hourlyCost(a.modelId, a.profile, a.share);
    if (hourly === null) unpriced.add(a.modelId);
    else if (entry.cost !== null) entry.cost += hours * hourly;
  }
  const idle = db
    .prepare(
      `SELECT e.allocation_id, e.since, e.ended_at, l.tenant, l.model_id, l.profile, l.share, l.ended_at AS alloc_end
       FROM idle_episode e JOIN allocation_ledger l ON l.id = e.allocation_id
       WHERE e.since < ? AND (e.ended_at IS NULL OR e.ended_at > ?)`,
    )
    .all(end, from) as IdleSpan[];
  for (const span of idle) {
    const spanEnd = Math.min(span.ended_at ?? now, span.alloc_end ?? now);
    const hours = overlapHours(span.since, spanEnd, from, end);
    const entry = row(span.tenant, span.model_id);
    entry.idleGpuHours += hours * span.share;
    const hourly = cost.hourlyCost(span.model_id, span.profile, span.share);
    if (hourly !== null && entry.idleCost !== null) entry.idleCost += hours * hourly;
  }
  for (const entry of rows.values()) {
    if (unpriced.has(entry.model)) {
      entry.cost = null;
      entry.idleCost = null;
    }
  }
  const sorted = [...rows.values()]
    .map((r) => ({
      ...r,
      gpuHours: tidy(r.gpuHours),
      idleGpuHours: tidy(r.idleGpuHours),
      cost: r.cost === null ? null : tidy(r.cost),
      idleCost: r.idleCost === null ? null : tidy(r.idleCost),
    }))
    .sort((x, y) => x.tenant.localeCompare(y.tenant) || x.model.localeCompare(y.model));
  const tenants = new Map<string, UsageRow>();
  for (const r of sorted) {
    const total = tenants.get(r.tenant) ?? {
      ...r,
      model: "*",
      gpuHours: 0,
      idleGpuHours: 0,
      cost: 0,
      idleCost: 0,
    };
    total.gpuHours = tidy(total.gpuHours + r.gpuHours);
    total.idleGpuHours = tidy(total.idleGpuHours + r.idleGpuHours);
    total.cost = total.cost === null || r.cost === null ? null : tidy(total.cost + r.cost);
    total.idleCost =
      total.idleCost === null || r.idleCost === null ? null : tidy(total.idleCost + r.idleCost);
    tenants.set(r.tenant, total);
  }
  return {
    from,
    to,
    currency: cost.settings.currency,
    rows: sorted,
    tenants: [...tenants.values()],
    unpricedModels: [...unpriced].sort(),
  };
}

const csvField = (value: string | number | null) => {
  const text = value === null ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The report's rows as CSV (RFC 4180), one line per tenant and model; blank cost means "no price". */
export function usageReportCsv(report: UsageReport): string {
  const header = ["tenant", "model", "gpu_hours", "idle_gpu_hours", "cost", "idle_cost", "currency"];
  const lines = report.rows.map((r) =>
    [r.tenant, r.model, r.gpuHours, r.idleGpuHours, r.cost, r.idleCost, report.currency]
      .map(csvField)
      .join(","),
  );
  return `${[header.join(","), ...lines].join("\r\n")}\r\n`;
}
