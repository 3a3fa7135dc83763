import { table } from "../cli/JobFormat.ts";
import { renderLineChart } from "../simulator/SvgLineChart.ts";
import type { PlanOutcome } from "./CapacityPlan.ts";

const pct = (value: number) => `${value.toFixed(1)}%`;
const seconds = (s: number) =>
  s < 120 ? `${Math.round(s)}s` : s < 7200 ? `${(s / 60).toFixed(1)}m` : `${(s / 3600).toFixed(1)}h`;

/** The options side by side: fleet size, queueing delay and allocation. */
export function capacityPlanTable(outcomes: readonly PlanOutcome[]): string {
  return table(
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
      "IDLE GPU-H",
    ],
    outcomes.map(({ label, replay: r }) => [
      label,
      `${r.gpus}`,
      `${r.podsPlaced}/${r.podsOffered}`,
      `${r.podsFailed}`,
      `${r.podsQueued}`,
      seconds(r.queueingDelaySeconds.mean),
      seconds(r.queueingDelaySeconds.p50),
      seconds(r.queueingDelaySeconds.p95),
      seconds(r.queueingDelaySeconds.p99),
      seconds(r.queueingDelaySeconds.max),
      pct(r.allocationRatioMean),
      r.gpuHoursIdle.toFixed(0),
    ]),
  );
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
