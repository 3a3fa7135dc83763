import type { CapacityModel } from "./CapacityModel.ts";
import type { AdmittedJob, QueuedJob } from "./QueuedJob.ts";
import type { QuotaLedger } from "./QuotaLedger.ts";

/**
 * "What if these jobs stopped and that one started?": changes to capacity and quota usage, undone in reverse
 * order by `rollback`. Every preemption and reservation decision is checked this way before it is made.
 */
export class WhatIf<Request, Allocation> {
  private readonly undo: (() => void)[] = [];

  constructor(
    private readonly capacity: CapacityModel<Request, Allocation>,
    private readonly ledger: QuotaLedger,
  ) {}

  stop(admitted: AdmittedJob<Request, Allocation>): void {
    this.capacity.release(admitted.allocation);
    this.ledger.remove(admitted.job.queue, admitted.job.demand);
    this.undo.push(() => {
      this.capacity.restore(admitted.allocation);
      this.ledger.add(admitted.job.queue, admitted.job.demand);
    });
  }

  /** Starts the job if its queue's quota and the capacity allow it. */
  start(job: QueuedJob<Request>): boolean {
    if (!this.ledger.check(job.queue, job.demand).fits) return false;
    const result = this.capacity.place(job.request);
    if (!result.placed) return false;
    this.ledger.add(job.queue, job.demand);
    this.undo.push(() => {
      this.capacity.release(result.allocation);
      this.ledger.remove(job.queue, job.demand);
    });
    return true;
  }

  rollback(): void {
    for (let step = this.undo.pop(); step; step = this.undo.pop()) step();
  }
}

/** Runs `question` against a what-if and always rolls it back. */
export function whatIf<Request, Allocation, T>(
  capacity: CapacityModel<Request, Allocation>,
  ledger: QuotaLedger,
  question: (trial: WhatIf<Request, Allocation>) => T,
): T {
  const trial = new WhatIf(capacity, ledger);
  try {
    return question(trial);
  } finally {
    trial.rollback();
  }
}
