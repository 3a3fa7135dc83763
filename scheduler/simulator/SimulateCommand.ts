import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { isPolicyName, type PolicyName, policyNames } from "../engine/PolicyRegistry.ts";
import { fgdCeilingAt100 } from "./AllocationCeiling.ts";
import { curvePointAt, type FgdReplayResult, replayFgd } from "./FgdReplay.ts";
import { runQueuedSimulation } from "./QueuedSimulation.ts";
import { renderLineChart } from "./SvgLineChart.ts";
import { replayTimeline, type TimelineReplayResult } from "./TimelineReplay.ts";
import { isMigLayoutName, migLayouts } from "./TraceFleet.ts";
import { readTraceNodes, readTracePods, TraceInputError } from "./TraceReader.ts";

export interface SimulateOptions {
  nodes: string;
  pods: string;
  method: string;
  policy: string;
  seed: string;
  tune: string;
  json?: string;
  plot?: string;
  migFleet?: boolean;
  migLayout?: string;
}

function parseNumber(flag: string, raw: string, check: (n: number) => boolean, what: string): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || !check(n)) throw new TraceInputError(`${flag} must be ${what}, got "${raw}"`);
  return n;
}

function progressReporter(label: string): (done: number, total: number) => void {
  return (done, total) => {
    const line = `${label}: ${done}/${total} pods (${Math.round((done * 100) / total)}%)`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? "\n" : ""}`);
    else process.stderr.write(`${line}\n`);
  };
}

function pct(v: number): string {
  return `${v.toFixed(2)}%`;
}

/** The FGD-method result with the offline ceiling beside it. */
export type FgdSimulateResult = FgdReplayResult & { upperBoundAt100: number };

function fgdTable(r: FgdSimulateResult): string {
  const at = (k: number): string => {
    const p = curvePointAt(r.curve, k);
    return p && p.arrivedPercent === k
      ? `${pct(p.allocationPercent)} allocated, frag rate ${pct(p.fragRatePercent)}`
      : "not reached";
  };
  return [
    `policy ${r.policy}, seed ${r.seed}, tune ${r.tune}${r.migFleet ? `, MIG fleet${r.migLayout ? ` (static ${r.migLayout})` : ""}` : ""}: ${r.gpus} GPUs`,
    `pods offered ${r.podsOffered} (trace ${r.podsInTrace}), placed ${r.podsPlaced}, failed ${r.podsFailed}` +
      (r.migFleet ? `, MIG repartitions ${r.repartitions}` : ""),
    `GPU allocation at arrived 100%: ${pct(r.allocationRatioAt100)} (${((r.gpus * (100 - r.allocationRatioAt100)) / 100).toFixed(0)} GPUs unallocated)`,
    `GPU allocation at the end (arrived ${r.curve.at(-1)?.arrivedPercent ?? 0}%): ${pct(r.allocationRatioFinal)}`,
    `upper bound at arrived 100% (offline LP over the same arrivals): ${pct(r.upperBoundAt100)}`,
    `frag rate at arrived 100%: ${pct(r.fragRateAt100)}`,
    ...[50, 80, 90, 100, 120].map((k) => `  arrived ${k}%: ${at(k)}`),
    `wall ${r.wallSeconds.toFixed(2)} s, ${Math.round(r.decisionsPerSecond)} decisions/s`,
  ].join("\n");
}

function timelineTable(r: TimelineReplayResult): string {
  const d = r.queueingDelaySeconds;
  return [
    `policy ${r.policy}, seed ${r.seed}${r.migFleet ? ", MIG fleet" : ""}: ${r.gpus} GPUs, timeline replay`,
    `pods ${r.podsOffered}, placed ${r.podsPlaced}, waited ${r.podsQueued}, never placed ${r.podsFailed}`,
    `queueing delay (s): mean ${d.mean.toFixed(0)}, p50 ${d.p50}, p95 ${d.p95}, p99 ${d.p99}, max ${d.max}`,
    `GPU allocation: time-weighted mean ${pct(r.allocationRatioMean)}, at the last arrival ${pct(r.allocationRatioFinal)}`,
    `GPU-hours unallocated ${r.gpuHoursUnallocated.toFixed(0)}, allocated ${r.gpuHoursAllocated.toFixed(0)}`,
    `wall ${r.wallSeconds.toFixed(2)} s, ${Math.round(r.decisionsPerSecond)} decisions/s`,
  ].join("\n");
}

/** Runs `tessera simulate`; returns the result written to --json. */
export async function runSimulate(o: SimulateOptions): Promise<FgdSimulateResult | TimelineReplayResult> {
  if (!isPolicyName(o.policy)) {
    throw new TraceInputError(`unknown --policy "${o.policy}"; use one of ${policyNames.join(", ")}`);
  }
  const policy: PolicyName = o.policy;
  const seed = parseNumber("--seed", o.seed, Number.isInteger, "an integer");
  const nodes = readTraceNodes(o.nodes);
  if (!nodes.some((n) => n.gpus > 0)) {
    throw new TraceInputError(
      `${o.nodes}: no node has a GPU (the gpu column is 0 or the list is empty); list GPU nodes`,
    );
  }
  const pods = readTracePods(o.pods);
  const migFleet = o.migFleet ?? false;
  const migLayout = o.migLayout;
  if (migLayout !== undefined && !isMigLayoutName(migLayout))
    throw new TraceInputError(
      `unknown --mig-layout "${migLayout}"; use one of ${Object.keys(migLayouts).join(", ")}`,
    );
  if (migLayout !== undefined && !migFleet) throw new TraceInputError("--mig-layout needs --mig-fleet");
  const onProgress = progressReporter(`simulate ${policy}`);
  let result: FgdSimulateResult | TimelineReplayResult;
  if (o.method === "fgd") {
    const tune = parseNumber("--tune", o.tune, (n) => n > 0, "a number > 0");
    const replay = replayFgd({
      nodes,
      pods,
      policy,
      seed,
      tune,
      migFleet,
      onProgress,
      ...(migLayout ? { migLayout } : {}),
    });
    process.stderr.write("simulate: solving the offline LP bound at arrived 100%\n");
    const ceiling = await fgdCeilingAt100({ nodes, pods, seed, tune, migFleet });
    process.stderr.write(
      `simulate: LP bound ${pct(ceiling.upperBoundPercent)} (${ceiling.podTypes} pod types, ${ceiling.nodeTypes} node types, ${ceiling.solveSeconds.toFixed(1)} s)\n`,
    );
    result = { ...replay, upperBoundAt100: ceiling.upperBoundPercent };
    process.stdout.write(`${fgdTable(result)}\n`);
  } else if (o.method === "timeline") {
    if (migLayout !== undefined) throw new TraceInputError("--mig-layout works with --method fgd only");
    result = replayTimeline({ nodes, pods, policy, seed, migFleet, onProgress, podsFile: o.pods });
    process.stdout.write(`${timelineTable(result)}\n`);
  } else {
    throw new TraceInputError(`unknown --method "${o.method}"; use fgd or timeline`);
  }
  if (o.json)
    writeFileSync(o.json, `${JSON.stringify({ nodes: o.nodes, pods: o.pods, ...result }, null, 2)}\n`);
  if (o.plot) writeFileSync(o.plot, plotOf(result));
  return result;
}

function plotOf(r: FgdSimulateResult | TimelineReplayResult): string {
  if (r.method === "fgd") {
    return renderLineChart({
      title: `GPU allocation vs arrived workload (${r.policy}, seed ${r.seed})`,
      xLabel: "arrived workload (% of GPU capacity)",
      yLabel: "percent of GPU capacity",
      x: [0, Math.max(100, r.curve.at(-1)?.arrivedPercent ?? 0)],
      y: [0, 100],
      series: [
        { name: "allocated", points: r.curve.map((p) => [p.arrivedPercent, p.allocationPercent] as const) },
        {
          name: "arrived (ideal)",
          points: r.curve.map((p) => [p.arrivedPercent, Math.min(100, p.arrivedPercent)] as const),
        },
        { name: "frag rate", points: r.curve.map((p) => [p.arrivedPercent, p.fragRatePercent] as const) },
      ],
    });
  }
  const t0 = r.curve[0]?.timeSeconds ?? 0;
  return renderLineChart({
    title: `GPU allocation over time (${r.policy})`,
    xLabel: "days since the first arrival",
    yLabel: "percent of GPU capacity",
    y: [0, 100],
    series: [
      {
        name: "allocated",
        points: r.curve.map((p) => [(p.timeSeconds - t0) / 86400, p.allocationPercent] as const),
      },
    ],
  });
}

export function registerSimulateCommands(program: Command): void {
  program
    .command("simulate")
    .description("replay a GPU cluster trace (Alibaba GPU v2023 format) through the placement engine")
    .requiredOption("--nodes <file>", "node list CSV (sn,cpu_milli,memory_mib,gpu,model)")
    .requiredOption(
      "--pods <file>",
      "pod list CSV (name,cpu_milli,memory_mib,num_gpu,gpu_milli[,gpu_spec,...])",
    )
    .option("--method <method>", "fgd (the FGD paper's method) or timeline (arrivals and departures)", "fgd")
    .option("--policy <name>", `placement policy: ${policyNames.join(", ")}`, "tessera")
    .option("--seed <n>", "seed for shuffling, clones and tie-breaking", "42")
    .option(
      "--tune <ratio>",
      "with --method fgd: append clones until the GPU request is this x capacity",
      "1.3",
    )
    .option("--json <file>", "write the result (figures and curve) as JSON")
    .option("--plot <file>", "write an SVG plot of allocation")
    .option(
      "--queues <file>",
      "with --method timeline: replay through these queues (see docs/queueing.md), next to FIFO",
    )
    .option(
      "--mig-fleet",
      "replace every GPU by an H100 in MIG mode; shares map to the smallest fitting profile",
    )
    .option(
      "--mig-layout <name>",
      "with --mig-fleet and --method fgd: every GPU keeps a static mig-parted layout (all-balanced, all-1g.10gb)",
    )
    .action(async (options: SimulateOptions & { queues?: string }) => {
      try {
        if (options.queues) runQueuedSimulation({ ...options, queues: options.queues });
        else await runSimulate(options);
      } catch (e) {
        if (e instanceof TraceInputError) {
          process.stderr.write(`tessera simulate: ${e.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw e;
      }
    });
}
