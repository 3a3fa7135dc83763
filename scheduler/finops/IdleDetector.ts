import type { Database } from "better-sqlite3";
import type { AllocationRecord } from "./AllocationLedger.ts";
import type { IdleSettings } from "./FinopsConfig.ts";
import type { FleetIndex } from "./FleetIndex.ts";
import type { UtilizationSample } from "./UtilizationSample.ts";

/** An allocation flagged idle now, as `/v1/idle`, the dashboard and `tessera top` show it. */
export interface IdleAllocation {
  episodeId: number;
  allocationId: number;
  jobId: string;
  tenant: string;
  queue: string;
  node: string;
  gpuUuid: string;
  modelId: string;
  profile: string;
  sliceId: string;
  share: number;
  /** Last reading with compute activity or a memory change (ms since the epoch). */
  since: number;
  flaggedAt: number;
  /** When the queue's policy reclaims it, if it does. */
  reclaimAt: number | null;
}

export interface IdleEvent {
  event: "idle.flagged" | "idle.cleared" | "idle.reclaimed";
  jobId: string;
  tenant: string;
  queue: string;
  node: string;
  gpuUuid: string;
  profile: string;
  sliceId: string;
  since: number;
  at: number;
  reason?: string;
}

/** Stops a job gracefully; the scheduler service provides it. */
export type Reclaimer = (jobId: string, reason: string) => Promise<void>;

interface Activity {
  allocation: AllocationRecord;
  lastActiveAt: number;
  lastSampleAt: number;
  lastMemoryMiB: number | undefined;
  episode: { id: number; since: number; flaggedAt: number } | undefined;
  /** Set once a stop was asked for, so a job that takes its time to stop is not flagged again. */
  reclaimed: boolean;
}

interface EpisodeRow {
  id: number;
  allocation_id: number;
  since: number;
  flagged_at: number;
}

/**
 * Flags allocations whose GPU or MIG instance shows no compute activity and no memory change for the
 * configured time, and reclaims them after a queue's grace period. Episodes and reclaims (with their reason)
 * are written to the store before anyone is told or anything is stopped.
 */
export class IdleDetector {
  private readonly activity = new Map<number, Activity>();
  private readonly listeners: ((event: IdleEvent) => void)[] = [];
  private readonly reclaiming = new Set<Promise<void>>();

  constructor(
    private readonly db: Database,
    private readonly settings: IdleSettings,
    private readonly reclaimer: Reclaimer | undefined,
    private readonly warn: (message: string) => void,
  ) {}

  onEvent(listener: (event: IdleEvent) => void): void {
    this.listeners.push(listener);
  }

  /** Follows the ledger's open allocations: new ones start active, released ones end their episode. */
  syncAllocations(open: readonly AllocationRecord[], now: number): void {
    const openEpisodes = new Map(
      (this.db.prepare("SELECT * FROM idle_episode WHERE ended_at IS NULL").all() as EpisodeRow[]).map(
        (e) => [e.allocation_id, e],
      ),
    );
    const live = new Set<number>();
    for (const allocation of open) {
      live.add(allocation.id);
      if (this.activity.has(allocation.id)) continue;
      const episode = openEpisodes.get(allocation.id);
      // After a restart an open episode carries on from where it was; otherwise the clock starts now.
      const lastActiveAt = episode?.since ?? Math.max(allocation.startedAt, now);
      this.activity.set(allocation.id, {
        allocation,
        lastActiveAt,
        lastSampleAt: lastActiveAt,
        lastMemoryMiB: undefined,
        episode: episode && { id: episode.id, since: episode.since, flaggedAt: episode.flagged_at },
        reclaimed: false,
      });
    }
    for (const [id, state] of this.activity) {
      if (live.has(id)) continue;
      if (state.episode) this.endEpisode(state, now, "released");
      this.activity.delete(id);
    }
    for (const [allocationId, episode] of openEpisodes) {
      if (!live.has(allocationId)) {
        this.db
          .prepare("UPDATE idle_episode SET ended_at = ?, end_reason = 'released' WHERE id = ?")
          .run(now, episode.id);
      }
    }
  }

  observe(samples: readonly UtilizationSample[], index: FleetIndex): void {
    const byKey = new Map<string, Activity>();
    for (const state of this.activity.values()) {
      byKey.set(`${state.allocation.sliceId}\u0000${state.allocation.jobId}`, state);
    }
    for (const sample of samples) {
      for (const held of index.attribute(sample).held) {
        const state = byKey.get(`${held.slice.id}\u0000${held.job.id}`);
        if (!state || sample.at < state.lastSampleAt) continue;
        const computing =
          sample.utilizationPercent !== null &&
          sample.utilizationPercent > this.settings.utilizationThresholdPercent;
        const memoryMoved =
          state.lastMemoryMiB !== undefined &&
          Math.abs(sample.memoryUsedMiB - state.lastMemoryMiB) > this.settings.memoryToleranceMiB;
        state.lastMemoryMiB = sample.memoryUsedMiB;
        state.lastSampleAt = sample.at;
        if (computing || memoryMoved) {
          state.lastActiveAt = sample.at;
          if (state.episode) this.endEpisode(state, sample.at, "active");
        } else if (
          !state.episode &&
          !state.reclaimed &&
          state.lastSampleAt - state.lastActiveAt >= this.settings.afterMs
        ) {
          this.flag(state, sample.at);
        }
      }
    }
  }

  /** Reclaims what has been idle past its queue's grace period. */
  tick(now: number): void {
    for (const state of this.activity.values()) {
      const episode = state.episode;
      const policy = this.settings.queues[state.allocation.queue];
      if (!episode || !policy?.reclaim || now - episode.flaggedAt < policy.graceMs) continue;
      this.reclaim(state, policy.graceMs, now);
    }
  }

  idle(): IdleAllocation[] {
    const list: IdleAllocation[] = [];
    for (const { allocation: a, episode } of this.activity.values()) {
      if (!episode) continue;
      const policy = this.settings.queues[a.queue];
      list.push({
        episodeId: episode.id,
        allocationId: a.id,
        jobId: a.jobId,
        tenant: a.tenant,
        queue: a.queue,
        node: a.node,
        gpuUuid: a.gpuUuid,
        modelId: a.modelId,
        profile: a.profile,
        sliceId: a.sliceId,
        share: a.share,
        since: episode.since,
        flaggedAt: episode.flaggedAt,
        reclaimAt: policy?.reclaim ? episode.flaggedAt + policy.graceMs : null,
      });
    }
    return list.sort((x, y) => x.since - y.since);
  }

  /** Resolves once every reclaim started so far has been handed to the reclaimer. */
  async settled(): Promise<void> {
    await Promise.all([...this.reclaiming]);
  }

  private flag(state: Activity, at: number): void {
    const id = Number(
      this.db
        .prepare("INSERT INTO idle_episode (allocation_id, since, flagged_at) VALUES (?, ?, ?)")
        .run(state.allocation.id, state.lastActiveAt, at).lastInsertRowid,
    );
    state.episode = { id, since: state.lastActiveAt, flaggedAt: at };
    this.emit(state, "idle.flagged", at);
  }

  private endEpisode(state: Activity, at: number, reason: "active" | "released" | "reclaimed"): void {
    const episode = state.episode;
    if (!episode) return;
    this.db
      .prepare("UPDATE idle_episode SET ended_at = ?, end_reason = ? WHERE id = ?")
      .run(Math.max(at, episode.since), reason, episode.id);
    state.episode = undefined;
    if (reason === "active") this.emit(state, "idle.cleared", at, undefined, episode.since);
  }

  private reclaim(state: Activity, graceMs: number, now: number): void {
    const episode = state.episode;
    if (!episode) return;
    const a = state.allocation;
    const idleMinutes = Math.round((now - episode.since) / 60_000);
    const reason =
      `idle reclaim: ${a.profile || "GPU"} on ${a.node} (${a.gpuUuid}) showed no compute activity and no memory ` +
      `change since ${new Date(episode.since).toISOString()} (${idleMinutes} min); queue "${a.queue}" reclaims ` +
      `after a grace of ${Math.round(graceMs / 60_000)} min`;
    const reclaimId = Number(
      this.db
        .prepare("INSERT INTO reclaim (episode_id, job_id, queue, at, reason) VALUES (?, ?, ?, ?, ?)")
        .run(episode.id, a.jobId, a.queue, now, reason).lastInsertRowid,
    );
    state.reclaimed = true;
    this.endEpisode(state, now, "reclaimed");
    this.emit(state, "idle.reclaimed", now, reason, episode.since);
    if (!this.reclaimer) {
      this.recordReclaimError(reclaimId, "no reclaimer is wired to the scheduler");
      return;
    }
    const stopping = this.reclaimer(a.jobId, reason)
      .catch((error: unknown) => this.recordReclaimError(reclaimId, String(error)))
      .finally(() => this.reclaiming.delete(stopping));
    this.reclaiming.add(stopping);
  }

  private recordReclaimError(reclaimId: number, error: string): void {
    this.db.prepare("UPDATE reclaim SET error = ? WHERE id = ?").run(error, reclaimId);
    this.warn(`idle reclaim ${reclaimId} failed: ${error}`);
  }

  private emit(
    state: Activity,
    event: IdleEvent["event"],
    at: number,
    reason?: string,
    since = state.episode?.since,
  ): void {
    const a = state.allocation;
    const payload: IdleEvent = {
      event,
      jobId: a.jobId,
      tenant: a.tenant,
      queue: a.queue,
      node: a.node,
      gpuUuid: a.gpuUuid,
      profile: a.profile,
      sliceId: a.sliceId,
      since: since ?? state.lastActiveAt,
      at,
      ...(reason === undefined ? {} : { reason }),
    };
    for (const listener of this.listeners) listener(payload);
  }
}
