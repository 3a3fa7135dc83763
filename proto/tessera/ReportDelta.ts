import type { Report, Report__Output } from "../generated/tessera/v1/Report.ts";

/**
 * A whole report goes out at least this often even when deltas would do: a safety net against any drift, and the
 * scheduler's utilization history and idle detection take a reading of an unchanged GPU from it (the latest
 * reading of a GPU counts for a minute).
 */
export const wholeReportEveryMs = 30_000;

/** A whole report as an agent builds it: every section present. */
export type WholeReport = Required<
  Pick<Report, "generation" | "gpus" | "jobs" | "errors" | "kubeletAllocations">
> &
  Pick<Report, "capabilities">;

/** The flags of a whole report, for code that builds a received report by hand (tests, simulations). */
export const wholeReportFlags = {
  delta: false,
  jobsChanged: false,
  errorsChanged: false,
  kubeletAllocationsChanged: false,
} as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What an agent sends when the scheduler holds `previous` from the same stream: only the GPUs and sections that
 * changed (see Report.delta in node.proto). A GPU gone from the observed state cannot be said in a delta, so then
 * the report goes whole.
 */
export function reportDelta(previous: WholeReport, current: WholeReport): Report {
  const before = new Map(previous.gpus.map((g) => [g.uuid, JSON.stringify(g)]));
  const uuids = new Set(current.gpus.map((g) => g.uuid));
  if ([...before.keys()].some((uuid) => !uuids.has(uuid))) return current;
  const delta: Report = {
    generation: current.generation,
    delta: true,
    gpus: current.gpus.filter((g) => before.get(g.uuid) !== JSON.stringify(g)),
  };
  if (!same(previous.jobs, current.jobs)) Object.assign(delta, { jobs: current.jobs, jobsChanged: true });
  if (!same(previous.errors, current.errors))
    Object.assign(delta, { errors: current.errors, errorsChanged: true });
  if (!same(previous.kubeletAllocations, current.kubeletAllocations)) {
    Object.assign(delta, { kubeletAllocations: current.kubeletAllocations, kubeletAllocationsChanged: true });
  }
  if (current.capabilities) delta.capabilities = current.capabilities;
  return delta;
}

/** Whether a report received after `previous` changes nothing: a heartbeat, which only renews the lease. */
export function changesNothing(previous: Report__Output, report: Report__Output): boolean {
  return (
    report.delta &&
    report.gpus.length === 0 &&
    !report.jobsChanged &&
    !report.errorsChanged &&
    !report.kubeletAllocationsChanged &&
    !report.capabilities &&
    report.generation === previous.generation
  );
}

/**
 * The whole report a received one stands for: itself when whole, else the delta applied to `previous`, the whole
 * report before it on the same stream. Capabilities stay only where this report carried them (they mean a change).
 */
export function wholeReport(previous: Report__Output | undefined, report: Report__Output): Report__Output {
  if (!report.delta) return report;
  if (!previous)
    throw new Error("a delta report arrived before any whole report on its stream; send a whole one first");
  const changed = new Map(report.gpus.map((g) => [g.uuid, g]));
  const known = new Set(previous.gpus.map((g) => g.uuid));
  return {
    generation: report.generation,
    gpus: [
      ...previous.gpus.map((g) => changed.get(g.uuid) ?? g),
      ...report.gpus.filter((g) => !known.has(g.uuid)),
    ],
    jobs: report.jobsChanged ? report.jobs : previous.jobs,
    errors: report.errorsChanged ? report.errors : previous.errors,
    kubeletAllocations: report.kubeletAllocationsChanged
      ? report.kubeletAllocations
      : previous.kubeletAllocations,
    capabilities: report.capabilities,
    ...wholeReportFlags,
  };
}
