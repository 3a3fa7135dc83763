import tQuantile from "@stdlib/stats-base-dists-t-quantile";

/** Mean of per-seed differences a - b with a 95% confidence interval (Student's t, n - 1 degrees of freedom). */
export interface PairedDifference {
  seeds: number;
  mean: number;
  sd: number;
  ciLow: number;
  ciHigh: number;
  /** Whether the interval excludes zero. */
  significant: boolean;
}

export function pairedDifference(a: readonly number[], b: readonly number[]): PairedDifference {
  if (a.length !== b.length || a.length < 2)
    throw new Error(
      `a paired difference needs two equally long series of >= 2 seeds, got ${a.length} and ${b.length}`,
    );
  const d = a.map((x, i) => x - b[i]!);
  const n = d.length;
  const mean = d.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const half = tQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
  const ciLow = mean - half;
  const ciHigh = mean + half;
  return { seeds: n, mean, sd, ciLow, ciHigh, significant: ciLow > 0 || ciHigh < 0 };
}
