import { join } from "node:path";
import { type PolicyName, policyNames } from "../../scheduler/engine/PolicyRegistry.ts";
import { fgdCeilingAt100 } from "../../scheduler/simulator/AllocationCeiling.ts";
import { replayFgd } from "../../scheduler/simulator/FgdReplay.ts";
import { type PairedDifference, pairedDifference } from "../../scheduler/simulator/PairedDifference.ts";
import { readTraceNodes, readTracePods } from "../../scheduler/simulator/TraceReader.ts";
import { publishedAllocation, publishedPolicyLabels } from "./PublishedResults.ts";
import { traceDirectory } from "./TraceDirectory.ts";

/** The 17 pod lists of the FGD paper's runs. */
export const paperTraces = [
  "default",
  "cpu050",
  "cpu100",
  "cpu200",
  "cpu250",
  "gpushare40",
  "gpushare60",
  "gpushare80",
  "gpushare100",
  "gpuspec10",
  "gpuspec20",
  "gpuspec25",
  "gpuspec33",
  "multigpu20",
  "multigpu30",
  "multigpu40",
  "multigpu50",
] as const;

/**
 * Seeds for developing policies (42-61, the FGD authors' 42-51 and ten more) and the disjoint seeds that decide
 * whether a policy beats FGD (5001-5020, never looked at while developing).
 */
export const seedSets = {
  development: Array.from({ length: 20 }, (_, i) => 42 + i),
  deciding: Array.from({ length: 20 }, (_, i) => 5001 + i),
} as const;
export type SeedSet = keyof typeof seedSets;

export interface QualityOptions {
  traces: readonly string[];
  policies: readonly PolicyName[];
  seeds: readonly number[];
  migFleet: boolean;
  /** Also solve the offline LP bound at arrived 100% per trace and seed. */
  ceiling: boolean;
  log: (line: string) => void;
}

/** Per trace: the offline bound per seed and Tessera minus FGD paired over the seeds. */
export interface TraceSummary {
  trace: string;
  seeds: number[];
  upperBoundAt100: number[] | null;
  meanUpperBoundAt100: number | null;
  tesseraMinusFgd: PairedDifference | null;
}

export interface QualityCell {
  trace: string;
  policy: PolicyName;
  seeds: number[];
  allocationAt100: number[];
  allocationFinal: number[];
  /** GPUs re-carved or taken out of MIG mode per seed (MIG fleet only; 0 elsewhere). */
  repartitions: number[];
  meanRepartitions: number;
  meanAt100: number;
  meanFinal: number;
  sdAt100: number;
  /** The FGD authors' mean at arrived 100% for this trace and policy, when they published one. */
  publishedAt100: number | null;
  /** The FGD authors' mean for FGD on this trace, the figure Tessera must reach. */
  publishedFgdAt100: number | null;
  meanWallSeconds: number;
}

function signed(x: number): string {
  return `${x >= 0 ? "+" : ""}${x.toFixed(3)}`;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function sd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
}

/** Every policy on every trace, mean over seeds, next to the FGD authors' figures. */
export async function runQualityBench(
  o: QualityOptions,
): Promise<{ cells: QualityCell[]; traces: TraceSummary[] }> {
  const dir = traceDirectory();
  const nodes = readTraceNodes(join(dir, "openb_node_list_gpu_node.csv"));
  const published = publishedAllocation(dir);
  const cells: QualityCell[] = [];
  const summaries: TraceSummary[] = [];
  const total = o.traces.length * (o.policies.length + (o.ceiling ? 1 : 0)) * o.seeds.length;
  let done = 0;
  const started = performance.now();
  for (const trace of o.traces) {
    const pods = readTracePods(join(dir, `openb_pod_list_${trace}.csv`));
    for (const policy of o.policies) {
      const at100: number[] = [];
      const final: number[] = [];
      const repartitions: number[] = [];
      let wall = 0;
      for (const seed of o.seeds) {
        const r = replayFgd({ nodes, pods, policy, seed, tune: 1.3, migFleet: o.migFleet });
        at100.push(r.allocationRatioAt100);
        final.push(r.allocationRatioFinal);
        repartitions.push(r.repartitions);
        wall += r.wallSeconds;
        done++;
      }
      const label = publishedPolicyLabels[policy];
      const cell: QualityCell = {
        trace,
        policy,
        seeds: [...o.seeds],
        allocationAt100: at100,
        allocationFinal: final,
        repartitions,
        meanRepartitions: mean(repartitions),
        meanAt100: mean(at100),
        meanFinal: mean(final),
        sdAt100: sd(at100),
        publishedAt100: (label ? published.get(trace)?.get(label) : undefined) ?? null,
        publishedFgdAt100: published.get(trace)?.get(publishedPolicyLabels.fgd!) ?? null,
        meanWallSeconds: wall / o.seeds.length,
      };
      cells.push(cell);
      o.log(
        `[${done}/${total}] ${trace} ${policy}: ${cell.meanAt100.toFixed(2)}% at arrived 100%` +
          (cell.publishedAt100 !== null ? ` (published ${cell.publishedAt100.toFixed(2)}%)` : "") +
          (o.migFleet ? `, ${cell.meanRepartitions.toFixed(0)} repartitions` : "") +
          progress(),
      );
    }
    let bounds: number[] | null = null;
    if (o.ceiling) {
      bounds = [];
      for (const seed of o.seeds) {
        const c = await fgdCeilingAt100({ nodes, pods, seed, tune: 1.3, migFleet: o.migFleet });
        bounds.push(c.upperBoundPercent);
        done++;
        o.log(
          `[${done}/${total}] ${trace} LP bound, seed ${seed}: ${c.upperBoundPercent.toFixed(2)}%${progress()}`,
        );
      }
    }
    const fgd = cells.find((c) => c.trace === trace && c.policy === "fgd");
    const tessera = cells.find((c) => c.trace === trace && c.policy === "tessera");
    summaries.push({
      trace,
      seeds: [...o.seeds],
      upperBoundAt100: bounds,
      meanUpperBoundAt100: bounds ? mean(bounds) : null,
      tesseraMinusFgd:
        fgd && tessera && o.seeds.length >= 2
          ? pairedDifference(tessera.allocationAt100, fgd.allocationAt100)
          : null,
    });
  }
  return { cells, traces: summaries };

  function progress(): string {
    const elapsed = (performance.now() - started) / 1000;
    return `, ${elapsed.toFixed(0)} s elapsed, ~${((elapsed / done) * (total - done)).toFixed(0)} s left`;
  }
}

/**
 * A Markdown table: one row per trace, ours per policy, the offline bound, the authors' FGD, Tessera's margin over
 * it, and Tessera minus our FGD paired over the seeds with its 95% interval (* where it excludes zero).
 */
export function qualityTable(cells: readonly QualityCell[], summaries: readonly TraceSummary[] = []): string {
  const traces = [...new Set(cells.map((c) => c.trace))];
  const policies = policyNames.filter((p) => cells.some((c) => c.policy === p));
  const get = (t: string, p: string): QualityCell | undefined =>
    cells.find((c) => c.trace === t && c.policy === p);
  const header = [
    "trace",
    ...policies.map((p) => `${p}`),
    "LP bound",
    "FGD (published)",
    "tessera - FGD (published)",
    "tessera - fgd, 95% CI",
  ];
  const lines = [
    `| ${header.join(" | ")} |`,
    `|${header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
  ];
  for (const t of traces) {
    const row = [t, ...policies.map((p) => get(t, p)?.meanAt100.toFixed(2) ?? "")];
    const fgdPub = cells.find((c) => c.trace === t)?.publishedFgdAt100 ?? null;
    const tes = get(t, "tessera");
    row.push(fgdPub !== null ? fgdPub.toFixed(2) : "");
    const summary = summaries.find((x) => x.trace === t);
    row.splice(1 + policies.length, 0, summary?.meanUpperBoundAt100?.toFixed(2) ?? "");
    row.push(tes && fgdPub !== null ? (tes.meanAt100 - fgdPub).toFixed(2) : "");
    const d = summary?.tesseraMinusFgd;
    row.push(
      d ? `${signed(d.mean)} [${signed(d.ciLow)}, ${signed(d.ciHigh)}]${d.significant ? " *" : ""}` : "",
    );
    lines.push(`| ${row.join(" | ")} |`);
  }
  return lines.join("\n");
}
