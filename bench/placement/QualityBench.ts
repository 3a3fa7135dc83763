import { join } from "node:path";
import { type PolicyName, policyNames } from "../../scheduler/engine/PolicyRegistry.ts";
import { replayFgd } from "../../scheduler/simulator/FgdReplay.ts";
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

export interface QualityOptions {
  traces: readonly string[];
  policies: readonly PolicyName[];
  seeds: readonly number[];
  migFleet: boolean;
  log: (line: string) => void;
}

export interface QualityCell {
  trace: string;
  policy: PolicyName;
  seeds: number[];
  allocationAt100: number[];
  allocationFinal: number[];
  meanAt100: number;
  meanFinal: number;
  sdAt100: number;
  /** The FGD authors' mean at arrived 100% for this trace and policy, when they published one. */
  publishedAt100: number | null;
  /** The FGD authors' mean for FGD on this trace, the figure Tessera must reach. */
  publishedFgdAt100: number | null;
  meanWallSeconds: number;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function sd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
}

/** Every policy on every trace, mean over seeds, next to the FGD authors' figures. */
export function runQualityBench(o: QualityOptions): QualityCell[] {
  const dir = traceDirectory();
  const nodes = readTraceNodes(join(dir, "openb_node_list_gpu_node.csv"));
  const published = publishedAllocation(dir);
  const cells: QualityCell[] = [];
  const total = o.traces.length * o.policies.length * o.seeds.length;
  let done = 0;
  const started = performance.now();
  for (const trace of o.traces) {
    const pods = readTracePods(join(dir, `openb_pod_list_${trace}.csv`));
    for (const policy of o.policies) {
      const at100: number[] = [];
      const final: number[] = [];
      let wall = 0;
      for (const seed of o.seeds) {
        const r = replayFgd({ nodes, pods, policy, seed, tune: 1.3, migFleet: o.migFleet });
        at100.push(r.allocationRatioAt100);
        final.push(r.allocationRatioFinal);
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
        meanAt100: mean(at100),
        meanFinal: mean(final),
        sdAt100: sd(at100),
        publishedAt100: (label ? published.get(trace)?.get(label) : undefined) ?? null,
        publishedFgdAt100: published.get(trace)?.get(publishedPolicyLabels.fgd!) ?? null,
        meanWallSeconds: wall / o.seeds.length,
      };
      cells.push(cell);
      const elapsed = (performance.now() - started) / 1000;
      o.log(
        `[${done}/${total}] ${trace} ${policy}: ${cell.meanAt100.toFixed(2)}% at arrived 100%` +
          (cell.publishedAt100 !== null ? ` (published ${cell.publishedAt100.toFixed(2)}%)` : "") +
          `, ${elapsed.toFixed(0)} s elapsed, ~${((elapsed / done) * (total - done)).toFixed(0)} s left`,
      );
    }
  }
  return cells;
}

/** A Markdown table: one row per trace, ours per policy, the authors' FGD and best baseline, Tessera's margin. */
export function qualityTable(cells: readonly QualityCell[]): string {
  const traces = [...new Set(cells.map((c) => c.trace))];
  const policies = policyNames.filter((p) => cells.some((c) => c.policy === p));
  const get = (t: string, p: string): QualityCell | undefined =>
    cells.find((c) => c.trace === t && c.policy === p);
  const header = ["trace", ...policies.map((p) => `${p}`), "FGD (published)", "tessera - FGD (published)"];
  const lines = [
    `| ${header.join(" | ")} |`,
    `|${header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
  ];
  for (const t of traces) {
    const row = [t, ...policies.map((p) => get(t, p)?.meanAt100.toFixed(2) ?? "")];
    const fgdPub = cells.find((c) => c.trace === t)?.publishedFgdAt100 ?? null;
    const tes = get(t, "tessera");
    row.push(fgdPub !== null ? fgdPub.toFixed(2) : "");
    row.push(tes && fgdPub !== null ? (tes.meanAt100 - fgdPub).toFixed(2) : "");
    lines.push(`| ${row.join(" | ")} |`);
  }
  return lines.join("\n");
}
