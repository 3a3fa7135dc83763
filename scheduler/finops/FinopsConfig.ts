import { findGpuModel, findMigProfile, gpuModels } from "../../proto/catalog/GpuCatalog.ts";
import { defaultRetention, type RetentionSettings } from "./UtilizationHistory.ts";

/** Per-queue answer to "what happens to an allocation that stays idle". */
export interface QueueIdlePolicy {
  /** Stop the job gracefully once it has been flagged idle for `graceMs`. */
  reclaim: boolean;
  graceMs: number;
}

export interface IdleSettings {
  /** How long an allocation must show no compute activity and no memory change before it is flagged. */
  afterMs: number;
  /** Utilization at or below this counts as no compute activity. */
  utilizationThresholdPercent: number;
  /** Memory moving by no more than this between readings counts as no change. */
  memoryToleranceMiB: number;
  /** Where flag, clear and reclaim events are POSTed as JSON, if anywhere. */
  webhookUrl?: string;
  /** Policy per queue; queues not listed are only flagged. */
  queues: Record<string, QueueIdlePolicy>;
}

export interface CostSettings {
  currency: string;
  /** Price of one GPU-hour per catalog model id. */
  gpuHour: Record<string, number>;
  /** Price of one instance-hour per model and MIG profile; without one a MIG slice costs its share of the GPU. */
  migProfileHour: Record<string, Record<string, number>>;
}

export interface FinopsSettings {
  retention: RetentionSettings;
  idle: IdleSettings;
  cost: CostSettings;
  /** How often the fleet's allocation, fragmentation and idle count are written to the history. */
  timelineIntervalMs: number;
}

export const defaultFinopsSettings: FinopsSettings = {
  retention: defaultRetention,
  idle: { afterMs: 30 * 60_000, utilizationThresholdPercent: 0, memoryToleranceMiB: 1, queues: {} },
  cost: { currency: "USD", gpuHour: {}, migProfileHour: {} },
  timelineIntervalMs: 60_000,
};

const durationUnits: Record<string, number> = {
  ms: 1,
  s: 1000,
  "": 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Parses `90s`, `15m`, `2h`, `14d`, `1w` (or a bare number of seconds) into milliseconds. */
export function parseDuration(value: unknown, where: string): number {
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value * 1000;
  const match = typeof value === "string" ? /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w|)$/.exec(value.trim()) : null;
  if (!match) {
    throw new Error(
      `${where}: expected a duration like "90s", "15m", "2h" or "14d", got ${JSON.stringify(value)}`,
    );
  }
  return Number(match[1]) * (durationUnits[match[2] as string] as number);
}

type Section = Record<string, unknown>;

function section(value: unknown, where: string): Section {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${where}: expected a mapping, got ${JSON.stringify(value)}`);
  }
  return value as Section;
}

function rejectUnknownKeys(value: Section, known: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key))
      throw new Error(`${where}: unknown key "${key}"; known keys: ${known.join(", ")}`);
  }
}

function price(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new Error(`${where}: expected a price >= 0, got ${JSON.stringify(value)}`);
  }
  return value;
}

function modelId(id: string, where: string): string {
  if (!findGpuModel(id)) {
    throw new Error(
      `${where}: unknown GPU model "${id}"; known models: ${gpuModels.map((m) => m.id).join(", ")}`,
    );
  }
  return id;
}

/**
 * Reads the `finops` section of the scheduler config:
 *
 * ```yaml
 * finops:
 *   retention: { raw: 2h, minute: 14d, hour: 400d }
 *   timelineInterval: 1m
 *   idle:
 *     after: 30m
 *     utilizationThresholdPercent: 0
 *     memoryToleranceMiB: 1
 *     webhook: http://alerts.example/idle
 *     queues: { batch: { reclaim: true, grace: 15m } }
 *   cost:
 *     currency: USD
 *     gpuHour: { H100-SXM5-80GB: 4.10 }
 *     migProfileHour: { A100-80GB: { 1g.10gb: 0.40 } }
 * ```
 */
export function parseFinopsSettings(raw: unknown): FinopsSettings {
  const where = "finops";
  const root = section(raw, where);
  rejectUnknownKeys(root, ["retention", "timelineInterval", "idle", "cost"], where);

  const retention = section(root.retention, `${where}.retention`);
  rejectUnknownKeys(retention, ["raw", "minute", "hour"], `${where}.retention`);
  const d = defaultFinopsSettings;
  const duration = (value: unknown, fallback: number, key: string) =>
    value === undefined ? fallback : parseDuration(value, key);

  const idle = section(root.idle, `${where}.idle`);
  rejectUnknownKeys(
    idle,
    ["after", "utilizationThresholdPercent", "memoryToleranceMiB", "webhook", "queues"],
    `${where}.idle`,
  );
  const queues: Record<string, QueueIdlePolicy> = {};
  for (const [queue, policyRaw] of Object.entries(section(idle.queues, `${where}.idle.queues`))) {
    const at = `${where}.idle.queues.${queue}`;
    const policy = section(policyRaw, at);
    rejectUnknownKeys(policy, ["reclaim", "grace"], at);
    if (policy.reclaim !== undefined && typeof policy.reclaim !== "boolean") {
      throw new Error(`${at}.reclaim: expected true or false, got ${JSON.stringify(policy.reclaim)}`);
    }
    queues[queue] = {
      reclaim: policy.reclaim === true,
      graceMs: duration(policy.grace, 15 * 60_000, `${at}.grace`),
    };
  }
  const number = (value: unknown, fallback: number, key: string) => {
    if (value === undefined) return fallback;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new Error(`${key}: expected a number >= 0, got ${JSON.stringify(value)}`);
    }
    return value;
  };
  const webhook = idle.webhook;
  if (webhook !== undefined && (typeof webhook !== "string" || !URL.canParse(webhook))) {
    throw new Error(`${where}.idle.webhook: expected an http(s) URL, got ${JSON.stringify(webhook)}`);
  }

  const cost = section(root.cost, `${where}.cost`);
  rejectUnknownKeys(cost, ["currency", "gpuHour", "migProfileHour"], `${where}.cost`);
  if (cost.currency !== undefined && typeof cost.currency !== "string") {
    throw new Error(`${where}.cost.currency: expected a currency code like "USD"`);
  }
  const gpuHour: Record<string, number> = {};
  for (const [id, value] of Object.entries(section(cost.gpuHour, `${where}.cost.gpuHour`))) {
    gpuHour[modelId(id, `${where}.cost.gpuHour`)] = price(value, `${where}.cost.gpuHour.${id}`);
  }
  const migProfileHour: Record<string, Record<string, number>> = {};
  for (const [id, profiles] of Object.entries(section(cost.migProfileHour, `${where}.cost.migProfileHour`))) {
    const model = findGpuModel(modelId(id, `${where}.cost.migProfileHour`));
    const byProfile: Record<string, number> = {};
    for (const [profile, value] of Object.entries(section(profiles, `${where}.cost.migProfileHour.${id}`))) {
      if (!model || !findMigProfile(model, profile)) {
        const known = model?.mig?.profiles.map((p) => p.name).join(", ") || "none (no MIG)";
        throw new Error(
          `${where}.cost.migProfileHour.${id}: unknown MIG profile "${profile}"; profiles of ${id}: ${known}`,
        );
      }
      byProfile[profile] = price(value, `${where}.cost.migProfileHour.${id}.${profile}`);
    }
    migProfileHour[id] = byProfile;
  }

  return {
    retention: {
      rawMs: duration(retention.raw, d.retention.rawMs, `${where}.retention.raw`),
      minuteRollupMs: duration(retention.minute, d.retention.minuteRollupMs, `${where}.retention.minute`),
      hourRollupMs: duration(retention.hour, d.retention.hourRollupMs, `${where}.retention.hour`),
    },
    timelineIntervalMs: duration(root.timelineInterval, d.timelineIntervalMs, `${where}.timelineInterval`),
    idle: {
      afterMs: duration(idle.after, d.idle.afterMs, `${where}.idle.after`),
      utilizationThresholdPercent: number(
        idle.utilizationThresholdPercent,
        d.idle.utilizationThresholdPercent,
        `${where}.idle.utilizationThresholdPercent`,
      ),
      memoryToleranceMiB: number(
        idle.memoryToleranceMiB,
        d.idle.memoryToleranceMiB,
        `${where}.idle.memoryToleranceMiB`,
      ),
      ...(typeof webhook === "string" ? { webhookUrl: webhook } : {}),
      queues,
    },
    cost: {
      currency: typeof cost.currency === "string" ? cost.currency : d.cost.currency,
      gpuHour,
      migProfileHour,
    },
  };
}
