import type { CapacityModel } from "./CapacityModel.ts";
import type { AdmittedJob, QueuedJob } from "./QueuedJob.ts";
import type { QuotaLedger } from "./QuotaLedger.ts";
import { type WhatIf, whatIf } from "./WhatIf.ts";

/**
 * The room promised to preemptors: each pending preemptor and the victims still stopping for it. A preemptor
 * preempts nobody else meanwhile, and no other job may take the room its victims free.
 */
export class PreemptionPromises<Request, Allocation> {
  /** Preemptor id -> victims still stopping for it. */
  private readonly nominated = new Map<string, string[]>();

  constructor(
    private readonly pending: ReadonlyMap<string, QueuedJob<Request>>,
    private readonly running: ReadonlyMap<string, AdmittedJob<Request, Allocation>>,
  ) {}

  has(preemptorId: string): boolean {
    return this.nominated.has(preemptorId);
  }

  /** The victims still running (stopping) for a preemptor. */
  stoppingFor(preemptorId: string): string[] {
    return (this.nominated.get(preemptorId) ?? []).filter((id) => this.running.has(id));
  }

  nominate(preemptorId: string, victims: string[]): void {
    this.nominated.set(preemptorId, victims);
  }

  /** The preemptor started, left, or its victims all stopped: nothing is promised to it any more. */
  release(preemptorId: string): void {
    this.nominated.delete(preemptorId);
  }

  /** A stopped victim leaves its preemptor's list, so a requeued copy of it is never taken for a victim again. */
  dropVictim(jobId: string): void {
    for (const [preemptorId, victims] of this.nominated) {
      if (victims.includes(jobId))
        this.nominated.set(
          preemptorId,
          victims.filter((id) => id !== jobId),
        );
    }
  }

  /** Why starting `candidate` now would take room promised to a preemptor; undefined when it would not. */
  brokenBy(
    candidate: QueuedJob<Request>,
    capacity: CapacityModel<Request, Allocation>,
    ledger: QuotaLedger,
  ): string | undefined {
    if (this.nominated.size === 0) return undefined;
    ledger.add(candidate.queue, candidate.demand);
    try {
      const kept = whatIf(capacity, ledger, (trial) => this.kept(trial, candidate.id));
      if (kept) return undefined;
    } finally {
      ledger.remove(candidate.queue, candidate.demand);
    }
    const promised = [...this.nominated].map(([id, victims]) => `${id} (preempting ${victims.join(", ")})`);
    return `the capacity it needs is promised to ${promised.join(", ")}`;
  }

  /** In the what-if, every pending preemptor but `excluding` still fits once its victims stop. */
  kept(trial: WhatIf<Request, Allocation>, excluding: string): boolean {
    for (const [preemptorId, victimIds] of this.nominated) {
      const preemptor = this.pending.get(preemptorId);
      if (!preemptor || preemptorId === excluding) continue;
      for (const id of victimIds) {
        const victim = this.running.get(id);
        if (victim?.stopping) trial.stop(victim);
      }
      if (!trial.start(preemptor)) return false;
    }
    return true;
  }
}
