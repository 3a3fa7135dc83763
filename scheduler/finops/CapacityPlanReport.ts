import { table } from "../format/TextTable.ts";
import { renderLineChart } from "../simulator/SvgLineChart.ts";
import type { PlanOutcome } from "./CapacityPlan.ts";

const pct = (value: number) => `${value.toFixed(1)}%`;
const seconds = (s: number) =>
  s < 120 ? `${Math.round(s)}s` : s < 7200 ? `${(s / 60).toFixed(1)}m` : `${(s / 3600).toFixed(1)}h`;

/**
 * The options side by side: fleet size, queueing delay over all pods (a pod never placed counts until the replay
 * ends), allocation; then why pods were never placed.
 */
export function capacityPlanTable(outcomes: readonly PlanOutcome[]): string {
  const options = table(
    [
      "OPTION",
      "GPUS",
      "PLACED",
      "NEVER PLACED",
      "WAITED",
      "DELAY MEAN",
      "P50",
      "P95",
      "P99",
      "MAX",
      "MEAN ALLOCATION",
      "UNALLOCATED GPU-H",
    ],
    outcomes.map(({ label, replay: r }) => {
      const d = r.queueingDelayAllPodsSeconds;
      // A delay that includes never-placed pods is a lower bound: they would have waited longer still.
      const atLeast = r.podsFailed > 0 ? ">=" : "";
      return [
        label,
        `${r.gpus}`,
        `${r.podsPlaced}/${r.podsOffered}`,
        `${r.podsFailed}`,
        `${r.podsQueued}`,
        `${atLeast}${seconds(d.mean)}`,
        seconds(d.p50),
        seconds(d.p95),
        seconds(d.p99),
        `${atLeast}${seconds(d.max)}`,
        pct(r.allocationRatioMean),
        r.gpuHoursUnallocated.toFixed(0),
      ];
    }),
  );
  const notes = [
    "Delays are over all pods; a pod never placed counts from its arrival to the end of the replay.",
  ];
  for (const { label, replay: r } of outcomes) {
    if (r.neverPlaced.length === 0) continue;
    notes.push("", `${label}: ${r.podsFailed} pods never placed (they do not fit even the empty fleet):`);
    for (const group of r.neverPlaced.slice(0, 5)) {
      notes.push(`  ${group.pods} x ${group.request}: ${group.reason}`);
    }
    if (r.neverPlaced.length > 5) {
      const rest = r.neverPlaced.slice(5).reduce((n, g) => n + g.pods, 0);
      notes.push(`  ${rest} more pods of ${r.neverPlaced.length - 5} other shapes (see --json FILE)`);
    }
  }
  return `${options}\n\n${notes.join("\n")}`;
}

/** SVG plot: GPU allocation over the replay for every option. */
export function capacityPlanPlot(outcomes: readonly PlanOutcome[]): string {
  const t0 = Math.min(...outcomes.map((o) => o.replay.curve[0]?.timeSeconds ?? 0));
  return renderLineChart({
    title: "GPU allocation over the replayed workload, per fleet option",
    xLabel: "days since the first arrival",
    yLabel: "percent of the option's GPU capacity",
    y: [0, 100],
    series: outcomes.map((o) => ({
      name: `${o.label} (${o.gpus} GPUs)`,
      points: o.replay.curve.map((p) => [(p.timeSeconds - t0) / 86_400, p.allocationPercent] as const),
    })),
  });
}
