import type { GpuView, HostView } from "./hostView.ts";

export interface ComparisonRow {
  scope: string;
  field: string;
  /** One cell per source, in the order of the views; undefined where a source does not report the field. */
  values: (string | undefined)[];
  status: "same" | "DIFF" | "only one source";
}

type Comparator = (a: unknown, b: unknown) => boolean;

const exact: Comparator = (a, b) => JSON.stringify(a) === JSON.stringify(b);
// Telemetry moves between two reads a few milliseconds apart; identity and layout must not.
const within =
  (absolute: number, relative: number): Comparator =>
  (a, b) =>
    typeof a === "number" && typeof b === "number"
      ? Math.abs(a - b) <= Math.max(absolute, relative * Math.max(Math.abs(a), Math.abs(b)))
      : exact(a, b);

const gpuFields: readonly [keyof GpuView, Comparator][] = [
  ["uuid", exact],
  ["name", exact],
  ["serial", exact],
  ["pciBusId", exact],
  ["memoryTotalMiB", exact],
  ["minorNumber", exact],
  ["computeCapability", exact],
  ["migCurrent", exact],
  ["migPending", exact],
  ["computeMode", exact],
  ["temperatureC", within(5, 0)],
  ["powerW", within(25, 0.2)],
  ["migDevices", exact],
  ["migProfiles", exact],
  ["gpuInstances", exact],
];

function cell(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? "(none)" : value.join(" ");
  return value === null ? "n/a" : String(value);
}

function row(scope: string, field: string, raw: unknown[], same: Comparator): ComparisonRow {
  const present = raw.filter((v) => v !== undefined);
  const agree = present.every((v) => same(v, present[0]));
  return {
    scope,
    field,
    values: raw.map(cell),
    status: present.length < 2 ? "only one source" : agree ? "same" : "DIFF",
  };
}

/** Lines up every field the sources report, GPU by GPU; a field counts as different when two sources disagree. */
export function compareViews(views: readonly HostView[]): ComparisonRow[] {
  const rows: ComparisonRow[] = [
    row(
      "host",
      "driverVersion",
      views.map((v) => v.driverVersion),
      exact,
    ),
    row(
      "host",
      "cudaDriverVersion",
      views.map((v) => v.cudaDriverVersion),
      exact,
    ),
    row(
      "host",
      "gpuCount",
      views.map((v) => (v.error ? undefined : v.gpus.length)),
      exact,
    ),
  ];
  const indices = [...new Set(views.flatMap((v) => v.gpus.map((g) => g.index)))].sort((a, b) => a - b);
  for (const index of indices) {
    const gpus = views.map((v) => v.gpus.find((g) => g.index === index));
    for (const [field, same] of gpuFields) {
      rows.push(
        row(
          `GPU ${index}`,
          field,
          gpus.map((g) => g?.[field]),
          same,
        ),
      );
    }
  }
  return rows;
}

/** A fixed-width table: field, one column per source, result. */
export function formatComparison(views: readonly HostView[], rows: readonly ComparisonRow[]): string {
  const header = ["", "field", ...views.map((v) => v.source), "result"];
  const body = rows.map((r) => [r.scope, r.field, ...r.values.map((v) => v ?? "-"), r.status]);
  const widths = header.map((_, i) =>
    Math.min(48, Math.max(...[header, ...body].map((line) => (line[i] ?? "").length))),
  );
  return [header, ...body]
    .map((line) => line.map((c, i) => (i === line.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join("  "))
    .join("\n");
}
