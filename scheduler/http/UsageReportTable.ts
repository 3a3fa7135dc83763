import type { UsageReport } from "../finops/UsageReport.ts";
import { table } from "../format/TextTable.ts";

const hours = (h: number) => h.toFixed(2);

/** `tessera report`: GPU-hours, idle GPU-hours, cost and idle cost per tenant and model, then per tenant. */
export function renderUsageReport(report: UsageReport): string {
  const money = (value: number | null) =>
    value === null ? "no price" : `${value.toFixed(2)} ${report.currency}`;
  const idleShare = (r: { gpuHours: number; idleGpuHours: number }) =>
    r.gpuHours > 0 ? `${((r.idleGpuHours / r.gpuHours) * 100).toFixed(0)}%` : "-";
  const period = `${new Date(report.from).toISOString()} .. ${new Date(report.to).toISOString()}`;
  const rows = [...report.rows, ...report.tenants].map((r) => [
    r.tenant,
    r.model === "*" ? "(all)" : r.model,
    hours(r.gpuHours),
    hours(r.idleGpuHours),
    idleShare(r),
    money(r.cost),
    money(r.idleCost),
  ]);
  const lines = [
    `usage ${period}`,
    "",
    rows.length === 0
      ? "no allocations in this period"
      : table(["TENANT", "MODEL", "GPU-HOURS", "IDLE GPU-HOURS", "IDLE", "COST", "IDLE COST"], rows),
  ];
  if (report.unpricedModels.length > 0) {
    lines.push(
      "",
      `no price configured for ${report.unpricedModels.join(", ")} (set finops.cost.gpuHour in the file given to tessera up --config or tessera scheduler --config)`,
    );
  }
  return lines.join("\n");
}
