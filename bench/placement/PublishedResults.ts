import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The FGD authors' policy labels in `analysis_allo_discrete.csv`, by our policy names. */
export const publishedPolicyLabels: Readonly<Record<string, string>> = {
  random: "01-Random",
  "dot-product": "02-DotProd",
  "gpu-clustering": "03-GpuClustering",
  "gpu-packing": "04-GpuPacking",
  "best-fit": "05-BestFit",
  fgd: "06-FGD",
};

/**
 * Mean GPU allocation (percent) at arrived workload `percent` over the authors' seeds, per trace and policy,
 * from their cached results (`fgd-simulator-expected-results/analysis_allo_discrete.csv`).
 */
export function publishedAllocation(traceDir: string, percent = 100): Map<string, Map<string, number>> {
  const text = readFileSync(
    join(traceDir, "fgd-simulator-expected-results", "analysis_allo_discrete.csv"),
    "utf8",
  );
  const [header, ...rows] = text.trim().split(/\r?\n/);
  const columns = header!.split(",");
  const col = columns.indexOf(String(percent));
  const sums = new Map<string, Map<string, { sum: number; n: number }>>();
  for (const row of rows) {
    const cells = row.split(",");
    const trace = cells[0]!.replace(/^openb_pod_list_/, "");
    const policy = cells[1]!;
    const v = Number(cells[col]);
    if (!Number.isFinite(v)) continue;
    const byPolicy = sums.get(trace) ?? new Map<string, { sum: number; n: number }>();
    const acc = byPolicy.get(policy) ?? { sum: 0, n: 0 };
    acc.sum += v;
    acc.n++;
    byPolicy.set(policy, acc);
    sums.set(trace, byPolicy);
  }
  const out = new Map<string, Map<string, number>>();
  for (const [trace, byPolicy] of sums) {
    out.set(trace, new Map([...byPolicy].map(([p, { sum, n }]) => [p, sum / n])));
  }
  return out;
}
