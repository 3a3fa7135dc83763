import type { Job__Output } from "../../proto/generated/tessera/v1/Job.ts";

interface Use {
  job: string;
  from: number;
  to: number;
  kind: string;
  migStart: number;
  migSize: number;
  milli: number;
}

/**
 * Every pair of job processes that ran at the same time on the same GPU (by the start and end times their
 * agents reported) must have held disjoint pieces: MIG instances on disjoint memory slices, shares adding up to at
 * most the whole GPU, and a whole GPU alone. Returns one sentence per violation.
 */
export function doubleBookings(jobs: readonly Job__Output[]): string[] {
  const byGpu = new Map<string, Use[]>();
  for (const j of jobs) {
    if (!j.startedUnixMs) continue;
    const to = j.finishedUnixMs || Number.POSITIVE_INFINITY;
    for (const a of j.allocations) {
      const uses = byGpu.get(a.gpuUuid) ?? [];
      uses.push({
        job: j.id,
        from: j.startedUnixMs,
        to,
        kind: a.kind,
        migStart: a.migStart,
        migSize: a.migSize,
        milli: a.shareMilli,
      });
      byGpu.set(a.gpuUuid, uses);
    }
  }
  const problems: string[] = [];
  for (const [gpu, uses] of byGpu) {
    for (let i = 0; i < uses.length; i++) {
      const a = uses[i]!;
      const concurrent = uses.filter((b, k) => k !== i && b.from < a.to && a.from < b.to);
      for (const b of concurrent) {
        if (b.job <= a.job) continue;
        const clash =
          a.kind === "whole" ||
          b.kind === "whole" ||
          a.kind !== b.kind ||
          (a.kind === "mig" && a.migStart < b.migStart + b.migSize && b.migStart < a.migStart + a.migSize);
        if (clash)
          problems.push(`GPU ${gpu}: ${a.job} (${a.kind}) and ${b.job} (${b.kind}) overlapped in time`);
      }
      if (a.kind === "share") {
        const total =
          a.milli +
          concurrent.filter((b) => b.kind === "share" && b.from <= a.from).reduce((n, b) => n + b.milli, 0);
        if (total > 1000) problems.push(`GPU ${gpu}: shares reached ${total}/1000 when ${a.job} started`);
      }
    }
  }
  return problems;
}
