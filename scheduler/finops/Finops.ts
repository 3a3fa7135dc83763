import type { Database } from "better-sqlite3";
import { fleetCapacity } from "../metrics/FleetCapacity.ts";
import { onChangeAtMost } from "../readmodel/CoalescedChanges.ts";
import type { FleetReadModel } from "../readmodel/FleetReadModel.ts";
import { AllocationLedger } from "./AllocationLedger.ts";
import { CostModel } from "./CostModel.ts";
import type { FinopsSettings } from "./FinopsConfig.ts";
import { migrateFinopsSchema } from "./FinopsSchema.ts";
import { FleetIndex } from "./FleetIndex.ts";
import { FleetTimeline, type FleetTimelinePoint } from "./FleetTimeline.ts";
import { type IdleAllocation, IdleDetector, type IdleEvent, type Reclaimer } from "./IdleDetector.ts";
import { IdleWebhook } from "./IdleWebhook.ts";
import { buildUsageReport, type UsageReport } from "./UsageReport.ts";
import { UtilizationHistory, type UtilizationQuery, type UtilizationResult } from "./UtilizationHistory.ts";
import type { UtilizationSample } from "./UtilizationSample.ts";

export interface FinopsOptions {
  /** The scheduler's SQLite database; FinOps adds its own tables to it. */
  db: Database;
  fleet: FleetReadModel;
  settings: FinopsSettings;
  now?: () => number;
  /** Stops a job gracefully; without one, reclaims are recorded with an error and nothing is stopped. */
  reclaimer?: Reclaimer;
  warn?: (message: string) => void;
}

/** How long a reading stays "current" for the live views and the per-GPU metrics. */
const LATEST_SAMPLE_TTL_MS = 60_000;
const IDLE_TICK_MS = 5_000;
const PRUNE_INTERVAL_MS = 10 * 60_000;
/** Allocation start and end times in the ledger are this precise. */
const SYNC_INTERVAL_MS = 1000;

/**
 * Utilization history, the allocation ledger, idle detection and cost reports, fed by the fleet's read model
 * and the agents' NVML samples. The scheduler service owns one and passes it samples as they arrive.
 */
export class Finops {
  readonly history: UtilizationHistory;
  readonly ledger: AllocationLedger;
  readonly idleDetector: IdleDetector;
  readonly timeline: FleetTimeline;
  readonly cost: CostModel;
  private index: FleetIndex | undefined;
  private readonly latest = new Map<string, UtilizationSample>();
  private readonly timers: NodeJS.Timeout[] = [];
  private unsubscribe: (() => void) | undefined;
  private readonly now: () => number;

  constructor(private readonly options: FinopsOptions) {
    migrateFinopsSchema(options.db);
    this.now = options.now ?? Date.now;
    const warn = options.warn ?? ((message: string) => process.emitWarning(message));
    this.history = new UtilizationHistory(options.db, options.settings.retention);
    this.ledger = new AllocationLedger(options.db);
    this.timeline = new FleetTimeline(options.db);
    this.cost = new CostModel(options.settings.cost);
    this.idleDetector = new IdleDetector(options.db, options.settings.idle, options.reclaimer, warn);
    const webhookUrl = options.settings.idle.webhookUrl;
    if (webhookUrl) {
      const webhook = new IdleWebhook(webhookUrl, warn);
      this.idleDetector.onEvent((event) => void webhook.deliver(event));
    }
  }

  get settings(): FinopsSettings {
    return this.options.settings;
  }

  onIdleEvent(listener: (event: IdleEvent) => void): void {
    this.idleDetector.onEvent(listener);
  }

  /** Follows the fleet and runs the periodic work (idle reclaim, timeline, retention) until `stop`. */
  start(): void {
    this.sync();
    this.unsubscribe = onChangeAtMost(this.options.fleet, SYNC_INTERVAL_MS, () => this.sync());
    this.timers.push(setInterval(() => this.idleDetector.tick(this.now()), IDLE_TICK_MS));
    this.timers.push(setInterval(() => this.recordTimeline(), this.settings.timelineIntervalMs));
    this.timers.push(setInterval(() => this.prune(), PRUNE_INTERVAL_MS));
    for (const timer of this.timers) timer.unref();
    this.recordTimeline();
  }

  stop(): void {
    this.unsubscribe?.();
    for (const timer of this.timers.splice(0)) clearInterval(timer);
  }

  /** Brings the ledger and the idle detector in line with the fleet as it is now. */
  sync(): void {
    this.index = this.heldIndex();
    const now = this.now();
    this.ledger.sync(this.index, now);
    this.idleDetector.syncAllocations(this.ledger.open(), now);
  }

  ingest(samples: readonly UtilizationSample[]): void {
    const index = this.currentIndex();
    this.history.record(samples, index);
    this.idleDetector.observe(samples, index);
    for (const sample of samples) this.latest.set(`${sample.gpuUuid}/${sample.migUuid ?? ""}`, sample);
  }

  /** The most recent reading of every GPU and MIG instance that reported in the last minute. */
  latestSamples(): UtilizationSample[] {
    const cutoff = this.now() - LATEST_SAMPLE_TTL_MS;
    for (const [key, sample] of this.latest) if (sample.at < cutoff) this.latest.delete(key);
    return [...this.latest.values()];
  }

  utilization(query: UtilizationQuery): UtilizationResult {
    return this.history.query(query, this.now());
  }

  usageReport(from: number, to: number): UsageReport {
    return buildUsageReport(this.options.db, this.ledger, this.cost, from, to, this.now());
  }

  idle(): IdleAllocation[] {
    return this.idleDetector.idle();
  }

  fleetHistory(from: number, to: number, stepMs: number): FleetTimelinePoint[] {
    return this.timeline.query(from, to, stepMs);
  }

  recordTimeline(): void {
    const snapshot = this.options.fleet.snapshot();
    const capacity = fleetCapacity(snapshot);
    this.timeline.record({
      t: this.now(),
      gpus: capacity.gpus,
      allocationRatio: capacity.allocationRatio,
      fragmentation: capacity.fragmentation,
      idleAllocations: this.idle().length,
      pendingJobs: snapshot.jobs.filter((j) => j.state === "Pending").length,
    });
  }

  prune(): void {
    const now = this.now();
    this.history.prune(now);
    this.timeline.prune(now - this.settings.retention.hourRollupMs);
  }

  private currentIndex(): FleetIndex {
    if (!this.index) this.index = this.heldIndex();
    return this.index;
  }

  /** The slices jobs hold now, and the jobs holding them (any other job looked up when a slice is closed). */
  private heldIndex(): FleetIndex {
    const fleet = this.options.fleet;
    return new FleetIndex(fleet.heldSnapshot?.() ?? fleet.snapshot(), (id) => fleet.job?.(id));
  }
}
