import type { Clock, TimerSource } from "./TimerSource.ts";

const minCycleIntervalMs = 20;

/**
 * Paces placement cycles: any number of requests for a cycle become one cycle soon after, never two at once, and
 * cycles take no more than about a quarter of the time.
 */
export class PlacementLoop {
  private queued = false;
  private lastCycleMs = Number.NEGATIVE_INFINITY;
  /** CPU time of the synchronous part of the last cycle (deciding; not the store commit it waits for). */
  private lastCycleCostMs = 0;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly timers: TimerSource,
    /** Runs one cycle; its synchronous part is what pacing measures. */
    private readonly cycle: () => Promise<void>,
    private readonly log: (line: string) => void,
  ) {}

  /** Asks for a cycle, at least `delayMs` from now. */
  request(delayMs = 0): void {
    if (this.queued || this.closed) return;
    this.queued = true;
    // A cycle looks at every pending job: under a burst of submits, one cycle every few ms places them all and
    // keeps the cost per submit flat, instead of one whole-queue pass per submit batch.
    const pause = Math.max(minCycleIntervalMs, 3 * this.lastCycleCostMs);
    const wait = Math.max(delayMs, this.lastCycleMs + pause - this.clock());
    this.timers.setTimeout(() => {
      // A cycle asked for before `close` must not start after it: nothing is placed once placing stopped.
      if (this.closed) return;
      this.lastCycleMs = this.clock();
      this.queued = false;
      const previous = this.running ?? Promise.resolve();
      this.running = previous
        .then(() => {
          if (this.closed) return;
          const started = this.timers.monotonicMs();
          const cycle = this.cycle();
          this.lastCycleCostMs = this.timers.monotonicMs() - started;
          return cycle;
        })
        .catch((err: unknown) => {
          this.log(`placement cycle failed: ${(err as Error).stack ?? String(err)}`);
        });
    }, wait);
  }

  /** Stops placing: no cycle starts from now on; resolves once the cycle in progress is done. */
  async close(): Promise<void> {
    this.closed = true;
    await this.running;
  }
}
