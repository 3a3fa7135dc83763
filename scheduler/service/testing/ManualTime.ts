import type { TimerHandle, TimerSource } from "../TimerSource.ts";

interface ManualTimer {
  handle: TimerHandle;
  dueMs: number;
  everyMs: number | undefined;
  run: () => void;
}

/**
 * A simulated clock and the timers it drives, for running the real scheduler objects deterministically: time
 * moves only in `advance`, which runs every timer that falls due, in order, letting promises settle after each.
 */
export class ManualTime implements TimerSource {
  private nowMs: number;
  private readonly timers: ManualTimer[] = [];

  constructor(startMs = 1_700_000_000_000) {
    this.nowMs = startMs;
  }

  readonly clock = (): number => this.nowMs;

  setTimeout(run: () => void, ms: number): TimerHandle {
    return this.add(run, ms, undefined);
  }

  setInterval(run: () => void, ms: number): TimerHandle {
    return this.add(run, ms, Math.max(1, ms));
  }

  clear(handle: TimerHandle): void {
    const i = this.timers.findIndex((t) => t.handle === handle);
    if (i >= 0) this.timers.splice(i, 1);
  }

  /** Simulated work takes no time. */
  monotonicMs(): number {
    return this.nowMs;
  }

  /** Moves the clock `ms` ahead, firing due timers on the way. */
  async advance(ms: number): Promise<void> {
    const until = this.nowMs + ms;
    await settle();
    for (;;) {
      const next = this.timers.filter((t) => t.dueMs <= until).sort((a, b) => a.dueMs - b.dueMs)[0];
      if (!next) break;
      this.nowMs = Math.max(this.nowMs, next.dueMs);
      if (next.everyMs === undefined) this.clear(next.handle);
      else next.dueMs += next.everyMs;
      next.run();
      await settle();
    }
    this.nowMs = until;
  }

  private add(run: () => void, ms: number, everyMs: number | undefined): TimerHandle {
    const handle: TimerHandle = { timer: Symbol("manual timer") };
    this.timers.push({ handle, dueMs: this.nowMs + Math.max(0, ms), everyMs, run });
    return handle;
  }
}

/** Lets every promise chain that is ready run to its end (store writes resolve on later turns too). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
