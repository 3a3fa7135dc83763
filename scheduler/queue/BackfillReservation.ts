import type { CapacityModel } from "./CapacityModel.ts";
import type { AdmittedJob, QueuedJob } from "./QueuedJob.ts";
import type { QuotaLedger } from "./QuotaLedger.ts";
import { whatIf } from "./WhatIf.ts";

/**
 * Capacity held for the job at the head of the line (a waiting gang, or a job that has waited too long), EASY
 * backfilling style: from the declared run times of running work, the time the head will fit is known, and a
 * later job may start now only if it ends before then, or if the head still fits then with it running.
 */
export class BackfillReservation<Request, Allocation> {
  private constructor(
    readonly job: QueuedJob<Request>,
    /** When the head is expected to fit (seconds); infinite when running work declares no end that frees it. */
    readonly startsBy: number,
    private readonly releases: readonly { end: number; admitted: AdmittedJob<Request, Allocation> }[],
  ) {}

  static plan<Request, Allocation>(
    head: QueuedJob<Request>,
    running: readonly AdmittedJob<Request, Allocation>[],
    capacity: CapacityModel<Request, Allocation>,
    ledger: QuotaLedger,
    now: number,
  ): BackfillReservation<Request, Allocation> {
    const releases = running
      .map((admitted) => ({ end: expectedEnd(admitted), admitted }))
      .filter((r) => Number.isFinite(r.end))
      .sort((a, b) => a.end - b.end);
    const fitsAfter = (count: number) => fitsAfterReleases(head, releases.slice(0, count), capacity, ledger);
    if (!fitsAfter(releases.length)) return new BackfillReservation(head, Number.POSITIVE_INFINITY, releases);
    // Fewest releases (in end order) after which the head fits.
    let low = 0;
    let high = releases.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (fitsAfter(mid)) high = mid;
      else low = mid + 1;
    }
    const startsBy = Math.max(now, high === 0 ? now : (releases[high - 1]?.end ?? now));
    return new BackfillReservation(head, startsBy, releases);
  }

  /**
   * May `candidate`, already placed in `capacity`, keep its place? Yes if it ends before the reservation is
   * needed, or if the head would still fit, quota included, at that time with the candidate running.
   */
  allowsBackfill(
    candidate: QueuedJob<Request>,
    capacity: CapacityModel<Request, Allocation>,
    ledger: QuotaLedger,
    now: number,
  ): boolean {
    if (candidate.maxRuntimeSeconds !== undefined && now + candidate.maxRuntimeSeconds <= this.startsBy)
      return true;
    if (!Number.isFinite(this.startsBy)) return false;
    const due = this.releases.filter((r) => r.end <= this.startsBy);
    ledger.add(candidate.queue, candidate.demand);
    try {
      return fitsAfterReleases(this.job, due, capacity, ledger);
    } finally {
      ledger.remove(candidate.queue, candidate.demand);
    }
  }
}

/** When a running job will have let go of its capacity: its kill time once stopping, else its declared end. */
function expectedEnd<Request, Allocation>(admitted: AdmittedJob<Request, Allocation>): number {
  if (admitted.stopping) return admitted.stopping.killAt;
  const limit = admitted.job.maxRuntimeSeconds;
  return limit === undefined ? Number.POSITIVE_INFINITY : admitted.startedAt + limit;
}

function fitsAfterReleases<Request, Allocation>(
  head: QueuedJob<Request>,
  releases: readonly { admitted: AdmittedJob<Request, Allocation> }[],
  capacity: CapacityModel<Request, Allocation>,
  ledger: QuotaLedger,
): boolean {
  return whatIf(capacity, ledger, (trial) => {
    for (const r of releases) trial.stop(r.admitted);
    return trial.start(head);
  });
}
