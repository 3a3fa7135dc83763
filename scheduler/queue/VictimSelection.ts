import type { CapacityModel } from "./CapacityModel.ts";
import type { AdmittedJob, QueuedJob } from "./QueuedJob.ts";
import type { QuotaLedger } from "./QuotaLedger.ts";
import { amountOf } from "./ResourceVector.ts";
import { type WhatIf, whatIf } from "./WhatIf.ts";

export interface PreemptionInput<Request, Allocation> {
  preemptor: QueuedJob<Request>;
  running: readonly AdmittedJob<Request, Allocation>[];
  /** Ids of running jobs that sit on borrowed capacity (see `borrowingJobIds`). */
  borrowing: ReadonlySet<string>;
  ledger: QuotaLedger;
  capacity: CapacityModel<Request, Allocation>;
  /** Whether the room already promised to earlier preemptors is still there in this what-if. */
  promisesKept: (trial: WhatIf<Request, Allocation>) => boolean;
  now: number;
}

export interface Victim<Request, Allocation> {
  admitted: AdmittedJob<Request, Allocation>;
  /** Recorded on the victim: why it is stopped and for whom. */
  reason: string;
}

export type VictimChoice<Request, Allocation> =
  | { found: true; victims: Victim<Request, Allocation>[] }
  | { found: false; reason: string };

/**
 * Picks the cheapest set of running jobs whose stop lets the preemptor be admitted: lowest priority first,
 * borrowed capacity before guaranteed, least work lost; then drops every victim the preemptor can do without.
 * Both quota and placement are checked with the victims released, so nobody is stopped for a job that still
 * would not fit. A job is one unit: a gang is stopped whole or not at all.
 */
export function selectVictims<Request, Allocation>(
  input: PreemptionInput<Request, Allocation>,
): VictimChoice<Request, Allocation> {
  const { preemptor, ledger, now } = input;
  const reclaiming = ledger.withinQuota(preemptor.queue, preemptor.demand);
  const candidates = input.running
    .filter((r) => eligible(input, r, reclaiming))
    .sort(
      (a, b) =>
        cost(input, a, now).localeCompare(cost(input, b, now)) ||
        b.startedAt - a.startedAt ||
        b.job.submittedAt - a.job.submittedAt,
    );
  if (candidates.length === 0) {
    return {
      found: false,
      reason: "no running job may be preempted for it (lower priority, or borrowed from its cohort)",
    };
  }
  if (!admitsWithout(input, candidates)) {
    return {
      found: false,
      reason: `stopping all ${candidates.length} preemptible jobs would still not make room, so none is preempted`,
    };
  }
  // Smallest prefix of the cost order that makes room (room only grows with the prefix, up to placement noise).
  let low = 1;
  let high = candidates.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (admitsWithout(input, candidates.slice(0, mid))) high = mid;
    else low = mid + 1;
  }
  let chosen = candidates.slice(0, high);
  if (!admitsWithout(input, chosen)) chosen = candidates;
  // Spare the most expensive victims that turn out not to be needed.
  for (let i = chosen.length - 1; i >= 0 && chosen.length > 1; i--) {
    const without = chosen.filter((_, j) => j !== i);
    if (admitsWithout(input, without)) chosen = without;
  }
  return {
    found: true,
    victims: chosen.map((admitted) => ({ admitted, reason: victimReason(input, admitted, reclaiming) })),
  };
}

function eligible<Request, Allocation>(
  input: PreemptionInput<Request, Allocation>,
  candidate: AdmittedJob<Request, Allocation>,
  reclaiming: boolean,
): boolean {
  const { preemptor, ledger, borrowing } = input;
  if (candidate.stopping || candidate.job.id === preemptor.id) return false;
  const lowerPriority = candidate.job.preemptible && candidate.job.priority < preemptor.priority;
  if (candidate.job.queue === preemptor.queue) return lowerPriority;
  // Another queue's guaranteed work is never touched. Its borrowed work always goes back to the queue that lent
  // it, preemptible or not, and to higher priority when it may be preempted.
  return (
    ledger.sameCohort(candidate.job.queue, preemptor.queue) &&
    borrowing.has(candidate.job.id) &&
    (reclaiming || lowerPriority)
  );
}

/** Sortable key: priority, then borrowed before guaranteed, then GPU-seconds of work lost. */
function cost<Request, Allocation>(
  input: PreemptionInput<Request, Allocation>,
  candidate: AdmittedJob<Request, Allocation>,
  now: number,
): string {
  const priority = (candidate.job.priority + 2 ** 40).toString().padStart(16, "0");
  const guaranteed = input.borrowing.has(candidate.job.id) ? "0" : "1";
  const size = Math.max(amountOf(candidate.job.demand, "gpus"), 1 / 7);
  const workLost = Math.round(Math.max(0, now - candidate.startedAt) * size * 1000)
    .toString()
    .padStart(20, "0");
  return `${priority}|${guaranteed}|${workLost}`;
}

function admitsWithout<Request, Allocation>(
  input: PreemptionInput<Request, Allocation>,
  victims: readonly AdmittedJob<Request, Allocation>[],
): boolean {
  return whatIf(input.capacity, input.ledger, (trial) => {
    for (const victim of victims) trial.stop(victim);
    return trial.start(input.preemptor) && input.promisesKept(trial);
  });
}

function victimReason<Request, Allocation>(
  input: PreemptionInput<Request, Allocation>,
  victim: AdmittedJob<Request, Allocation>,
  reclaiming: boolean,
): string {
  const { preemptor } = input;
  if (victim.job.queue !== preemptor.queue && reclaiming) {
    return `preempted to give queue ${preemptor.queue} its guaranteed quota back for job ${preemptor.id}; this job ran on capacity borrowed from it`;
  }
  return `preempted by job ${preemptor.id} of queue ${preemptor.queue} (priority ${preemptor.priority} > ${victim.job.priority})`;
}
