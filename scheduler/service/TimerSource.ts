/** Reads the wall clock in ms since the epoch; the scheduler's units never read it any other way. */
export type Clock = () => number;

/** A pending timer, as the timer source that started it knows it. */
export type TimerHandle = { readonly timer: unknown };

/**
 * Where the scheduler's units get timers and measure their own work. Node's timers by default; a deterministic
 * simulation passes its own, driven by a simulated clock.
 */
export interface TimerSource {
  setTimeout(run: () => void, ms: number): TimerHandle;
  /** A repeating timer that does not keep the process alive by itself. */
  setInterval(run: () => void, ms: number): TimerHandle;
  clear(handle: TimerHandle): void;
  /** A monotonic reading in ms, to measure how long synchronous work took (cycle pacing, decision latency). */
  monotonicMs(): number;
}

export const nodeTimers: TimerSource = {
  setTimeout: (run, ms) => ({ timer: setTimeout(run, ms) }),
  setInterval: (run, ms) => ({ timer: setInterval(run, ms).unref() }),
  clear: (handle) => clearTimeout(handle.timer as NodeJS.Timeout),
  monotonicMs: () => performance.now(),
};

export const systemClock: Clock = () => Date.now();
