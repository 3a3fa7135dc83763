import type { CapacityModel } from "./CapacityModel.ts";
import type { AdmittedJob, QueuedJob } from "./QueuedJob.ts";
import type { QuotaLedger } from "./QuotaLedger.ts";
import { whatIf } from "./WhatIf.ts";

interface Release<Request, Allocation> {
  /** When the job lets go of its capacity (seconds); infinite when it declares no end. */
  end: number;
  admitted: AdmittedJob<Request, Allocation>;
}

/**
 * Capacity held for the job at the head of the line (a waiting gang, or a job that has waited too long), EASY
 * backfilling made work-conserving: a later job may start now whenever that cannot delay the head. It cannot when
 * it ends before the head is expected to fit, or when the head still fits at that time with it running (it uses
 * capacity the head can never use: another GPU model, a node the head cannot use). When running work declares no
 * end, the head's start is unknown; then a later job may start if the head still fits, with it running, once every
 * other running job has ended. Capacity the head cannot use is therefore never held.
 */
export class BackfillReservation<Request, Allocation> {
  private constructor(
    readonly job: QueuedJob<Request>,
    /** When the head is expected to fit (seconds); infinite when running work declares no end that frees it. */
    readonly startsBy: number,
    private readonly releases: readonly Release<Request, Allocation>[],
    /** The running jobs whose end the head waits for, in end order (declared ends first). */
    readonly blockers: readonly Release<Request, Allocation>[],
    /** False when the head does not fit even once all running work has ended: it holds nothing. */
    readonly fitsOnceDrained: boolean,
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
      .sort((a, b) => a.end - b.end || a.admitted.startedAt - b.admitted.startedAt);
    const fitsAfter = (count: number) => fitsAfterReleases(head, releases.slice(0, count), capacity, ledger);
    if (!fitsAfter(releases.length)) return new BackfillReservation(head, Infinity, releases, [], false);
    // Fewest releases (in end order) after which the head fits.
    let low = 0;
    let high = releases.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (fitsAfter(mid)) high = mid;
      else low = mid + 1;
    }
    const blockers = releases.slice(0, high);
    const startsBy = Math.max(now, blockers[blockers.length - 1]?.end ?? now);
    return new BackfillReservation(head, startsBy, releases, blockers, true);
  }

  /**
   * May `candidate`, already placed in `capacity`, keep its place without delaying the head? Quota counts too:
   * the candidate's usage is in the ledger while the head is tried.
   */
  allowsBackfill(
    candidate: QueuedJob<Request>,
    capacity: CapacityModel<Request, Allocation>,
    ledger: QuotaLedger,
    now: number,
  ): boolean {
    if (!this.fitsOnceDrained) return true;
    const known = Number.isFinite(this.startsBy);
    if (
      known &&
      candidate.maxRuntimeSeconds !== undefined &&
      now + candidate.maxRuntimeSeconds <= this.startsBy
    )
      return true;
    // With a known start, the jobs due by then end; without one, the head's start waits for every running job.
    const due = known ? this.releases.filter((r) => r.end <= this.startsBy) : this.releases;
    ledger.add(candidate.queue, candidate.demand);
    try {
      return fitsAfterReleases(this.job, due, capacity, ledger);
    } finally {
      ledger.remove(candidate.queue, candidate.demand);
    }
  }

  /** The head and what it waits for, e.g. `job g (expected to fit at t=100s, once long1 ends)`. */
  describe(): string {
    return `job ${this.job.id} (${this.waitText()})`;
  }

  /** What the head waits for, e.g. `it fits once a, b end; b declares no end time`. */
  waitText(): string {
    if (!this.fitsOnceDrained)
      return "it does not fit even once all running work has ended, so nothing is held";
    const names = namesOf(this.blockers.map((b) => b.admitted.job.id));
    if (Number.isFinite(this.startsBy)) {
      return this.blockers.length === 0
        ? `expected to fit at t=${this.startsBy}s`
        : `expected to fit at t=${this.startsBy}s, once ${names} ${this.blockers.length === 1 ? "ends" : "end"}`;
    }
    const open = this.blockers.filter((b) => !Number.isFinite(b.end)).map((b) => b.admitted.job.id);
    return `it fits once ${names} ${this.blockers.length === 1 ? "ends" : "end"}; ${namesOf(open)} ${
      open.length === 1 ? "declares" : "declare"
    } no end time (maxRuntimeSeconds), so when is unknown`;
  }
}

/** At most five job ids, then how many more. */
function namesOf(ids: readonly string[]): string {
  const shown = ids.slice(0, 5).join(", ");
  return ids.length > 5 ? `${shown} and ${ids.length - 5} more` : shown;
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
