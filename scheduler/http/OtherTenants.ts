import type { FastifyRequest } from "fastify";
import type { IdleAllocation } from "../finops/IdleDetector.ts";
import type { UsageReport } from "../finops/UsageReport.ts";
import type { UtilizationResult } from "../finops/UtilizationHistory.ts";
import type { FleetJob, FleetNode, FleetSlice } from "../readmodel/FleetReadModel.ts";
import type { JobAccess } from "./JobAccess.ts";

/**
 * What a user who is not an admin sees of other tenants' work: capacity and occupancy, never which job, whose,
 * or how much a tenant used. Every read that reaches beyond the caller's own jobs goes through one of these.
 */
export type SeesTenant = (tenant: string) => boolean;

/** The caller's tenant check; undefined when it sees every tenant (no access control, an admin, a public route). */
export function tenantFilter(access: JobAccess | undefined, request: FastifyRequest): SeesTenant | undefined {
  if (!access || access.seesEveryTenant(request)) return undefined;
  return (tenant) => access.sees(request, tenant);
}

/** Nodes with other tenants' slices marked `otherTenant` and their job ids left out (of slice ids too). */
export function nodesSeenBy(
  nodes: readonly FleetNode[],
  jobs: readonly FleetJob[],
  sees: SeesTenant,
): FleetNode[] {
  const tenantOf = new Map(jobs.map((j) => [j.id, j.tenant]));
  const seen = (slice: FleetSlice, n: number): FleetSlice => {
    // A shared MIG instance's share jobs are each anonymous on their own; the caller's own stay named.
    if (slice.shares) return { ...slice, shares: slice.shares.map(seen) };
    if (slice.jobId === undefined || sees(tenantOf.get(slice.jobId) ?? "")) return slice;
    const { jobId, ...rest } = slice;
    // A share's id names its job (`.../share-<job id>`): another tenant's becomes `.../share-other-<n>`.
    return { ...rest, id: slice.id.replaceAll(jobId, `other-${n}`), otherTenant: true };
  };
  return nodes.map((node) => ({
    ...node,
    gpus: node.gpus.map((gpu) => ({ ...gpu, slices: gpu.slices.map(seen) })),
  }));
}

/** The caller's tenants' rows of a usage and cost report. */
export function usageSeenBy(report: UsageReport, sees: SeesTenant): UsageReport {
  return {
    ...report,
    rows: report.rows.filter((r) => sees(r.tenant)),
    tenants: report.tenants.filter((r) => sees(r.tenant)),
  };
}

export function idleSeenBy(idle: readonly IdleAllocation[], sees: SeesTenant): IdleAllocation[] {
  return idle.filter((i) => sees(i.tenant));
}

/** Per-tenant utilization series of the caller's tenants only; the other groupings name no tenant. */
export function utilizationSeenBy(result: UtilizationResult, sees: SeesTenant): UtilizationResult {
  if (result.groupBy !== "tenant") return result;
  return { ...result, series: result.series.filter((s) => sees(s.labels.tenant ?? "")) };
}

/** The label value that stands for any tenant the caller may not see (no tenant name has parentheses). */
export const otherTenantLabel = "(other)";

const labelValue = (name: string) => new RegExp(`([{,]${name}=")((?:[^"\\\\]|\\\\.)*)(")`);

/**
 * Prometheus text as a non-admin may read it: a device series held by another tenant's job keeps its value with
 * `tenant="(other)"` and an empty `job`; other series naming another tenant (idle counts) are left out.
 */
export function metricsSeenBy(text: string, sees: SeesTenant): string {
  const tenant = labelValue("tenant");
  const job = labelValue("job");
  const lines: string[] = [];
  for (const line of text.split("\n")) {
    const owner = line.startsWith("#") ? undefined : tenant.exec(line)?.[2];
    if (owner === undefined || owner === "" || sees(owner)) {
      lines.push(line);
      continue;
    }
    if (!job.test(line)) continue;
    lines.push(line.replace(tenant, `$1${otherTenantLabel}$3`).replace(job, "$1$3"));
  }
  return lines.join("\n");
}
