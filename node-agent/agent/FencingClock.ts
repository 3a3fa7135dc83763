import type { AgentState } from "./AgentState.ts";

/** Until the scheduler sends its own: long enough for any scheduler restart, short enough to bound a double run. */
export const defaultFencingTimeoutMs = 5 * 60_000;

/**
 * The agent's side of the fencing rule: an agent that has had no contact with the scheduler for the fencing
 * timeout must stop its jobs, because from then on the scheduler may start them elsewhere. The timeout is the
 * scheduler's (DesiredState.fencing_timeout_ms), the operator's `--fencing-timeout` when shorter (a longer one
 * would let a job run twice), or the default before either is known. Last contact survives agent restarts.
 */
export class FencingClock {
  private schedulerTimeoutMs = 0;

  constructor(
    private readonly state: AgentState,
    private readonly flagMs: number | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** DesiredState.fencing_timeout_ms; 0 means the scheduler leaves it to the agent. */
  setSchedulerTimeout(ms: number): void {
    this.schedulerTimeoutMs = ms;
  }

  timeoutMs(): number {
    const scheduler = this.schedulerTimeoutMs > 0 ? this.schedulerTimeoutMs : undefined;
    if (this.flagMs !== undefined && scheduler !== undefined) return Math.min(this.flagMs, scheduler);
    return this.flagMs ?? scheduler ?? defaultFencingTimeoutMs;
  }

  /**
   * The agent hears from the scheduler (or its stream is open); `flush` writes it to disk at once, otherwise once
   * a tenth of the timeout old (30 s by default), so a restart fences at most that early and an idle agent does not
   * rewrite its state file every few seconds.
   */
  contact(flush = false): void {
    this.state.contact(this.now(), flush ? 0 : this.timeoutMs() / 10);
  }

  /** Whether the agent has been without contact for the whole timeout. */
  due(): boolean {
    const last = this.state.lastContactMs;
    return last !== undefined && this.now() - last >= this.timeoutMs();
  }
}
