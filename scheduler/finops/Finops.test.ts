import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { InMemoryFleet } from "../http/InMemoryFleet.ts";
import { sampleFleet } from "../http/SampleFleet.ts";
import { Finops } from "./Finops.ts";
import { defaultFinopsSettings, type FinopsSettings, parseFinopsSettings } from "./FinopsConfig.ts";
import type { IdleEvent } from "./IdleDetector.ts";
import { usageReportCsv } from "./UsageReport.ts";
import type { UtilizationSample } from "./UtilizationSample.ts";

const T0 = Date.UTC(2026, 10, 2, 0, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;

const settings: FinopsSettings = parseFinopsSettings({
  idle: { after: "30m", queues: { training: { reclaim: true, grace: "10m" } } },
  cost: {
    currency: "EUR",
    gpuHour: { "H100-SXM5-80GB": 4, "A100-80GB": 2.1 },
    migProfileHour: { "A100-80GB": { "2g.20gb": 0.5 } },
  },
});

/** train-1 sits idle (0 %, flat memory); everything else computes. */
function minuteSamples(at: number, fleet: InMemoryFleet): UtilizationSample[] {
  const samples: UtilizationSample[] = [];
  for (const node of fleet.snapshot().nodes) {
    for (const gpu of node.gpus) {
      if (gpu.sharingMode === "mig") {
        for (const slice of gpu.slices) {
          samples.push({
            at,
            node: node.name,
            gpuUuid: gpu.uuid,
            migUuid: slice.migUuid as string,
            utilizationPercent: null,
            memoryUsedMiB: 1000 + ((at / MIN) % 7) * 100,
            memoryTotalMiB: 20_000,
          });
        }
        continue;
      }
      const idle = gpu.slices[0]?.jobId === "train-1" || gpu.slices.length === 0;
      samples.push({
        at,
        node: node.name,
        gpuUuid: gpu.uuid,
        utilizationPercent: idle ? 0 : 80,
        memoryUsedMiB: idle ? 512 : 40_000,
        memoryTotalMiB: gpu.memoryMiB,
        temperatureC: 40,
        powerW: idle ? 60 : 500,
      });
    }
  }
  return samples;
}

interface Harness {
  finops: Finops;
  fleet: InMemoryFleet;
  clock: { now: number };
  reclaims: { jobId: string; reason: string }[];
  db: Database.Database;
}

function harness(overrides: Partial<FinopsSettings> = {}, db = new Database(":memory:")): Harness {
  const clock = { now: T0 };
  const fleet = new InMemoryFleet(sampleFleet(T0));
  const reclaims: { jobId: string; reason: string }[] = [];
  const finops = new Finops({
    db,
    fleet,
    settings: { ...settings, ...overrides },
    now: () => clock.now,
    reclaimer: async (jobId, reason) => {
      reclaims.push({ jobId, reason });
    },
    warn: () => {},
  });
  finops.sync();
  return { finops, fleet, clock, reclaims, db };
}

/** Runs the fleet minute by minute to `until`, ending train-2 at T0 + 2 h. */
function run(h: Harness, until: number): void {
  while (h.clock.now < until) {
    h.clock.now += MIN;
    if (h.clock.now === T0 + 2 * HOUR) {
      h.fleet.update((draft) => {
        const gpu = draft.nodes[0]?.gpus[1];
        if (gpu) gpu.slices = [];
        const job = draft.jobs.find((j) => j.id === "train-2");
        if (job) Object.assign(job, { state: "Succeeded", finishedAt: h.clock.now, sliceIds: [] });
      });
      h.finops.sync();
    }
    h.finops.ingest(minuteSamples(h.clock.now, h.fleet));
    h.finops.idleDetector.tick(h.clock.now);
  }
}

describe("usage report", () => {
  it("matches hand-computed GPU-hours, cost and idle cost per tenant and model", () => {
    // No reclaim here, so train-1 stays idle for the whole period.
    const h = harness({ idle: { ...settings.idle, queues: {} } });
    run(h, T0 + 3 * HOUR);
    const report = h.finops.usageReport(T0, T0 + 3 * HOUR);
    expect(report.currency).toBe("EUR");
    // vision: train-1 H100 3 h; nb-1 2g.20gb (2/7 of an A100) 3 h at its own 0.5/h.
    // nlp: train-2 H100 2 h; infer-1 3g.40gb (3/7) 3 h at 3/7 of 2.1/h.
    // train-1 is idle from its start (flat memory, 0 %), flagged after 30 min: idle 3 GPU-hours.
    const expected = [
      { tenant: "nlp", model: "A100-80GB", gpuHours: 9 / 7, idleGpuHours: 0, cost: 2.7, idleCost: 0 },
      { tenant: "nlp", model: "H100-SXM5-80GB", gpuHours: 2, idleGpuHours: 0, cost: 8, idleCost: 0 },
      { tenant: "vision", model: "A100-80GB", gpuHours: 6 / 7, idleGpuHours: 0, cost: 1.5, idleCost: 0 },
      { tenant: "vision", model: "H100-SXM5-80GB", gpuHours: 3, idleGpuHours: 3, cost: 12, idleCost: 12 },
    ];
    expect(report.rows).toHaveLength(expected.length);
    report.rows.forEach((row, i) => {
      const want = expected[i];
      expect(row.tenant).toBe(want?.tenant);
      expect(row.model).toBe(want?.model);
      expect(row.gpuHours).toBeCloseTo(want?.gpuHours ?? Number.NaN, 6);
      expect(row.idleGpuHours).toBeCloseTo(want?.idleGpuHours ?? Number.NaN, 6);
      expect(row.cost).toBeCloseTo(want?.cost ?? Number.NaN, 6);
      expect(row.idleCost).toBeCloseTo(want?.idleCost ?? Number.NaN, 6);
    });
    const vision = report.tenants.find((t) => t.tenant === "vision");
    expect(vision?.gpuHours).toBeCloseTo(3 + 6 / 7, 6);
    expect(vision?.cost).toBeCloseTo(13.5, 6);

    // A window inside the run: [1 h, 2.5 h) holds 1.5 h of train-1 and 1 h of train-2.
    const middle = h.finops.usageReport(T0 + HOUR, T0 + 2.5 * HOUR);
    const h100 = (tenant: string) =>
      middle.rows.find((r) => r.tenant === tenant && r.model === "H100-SXM5-80GB");
    expect(h100("vision")?.gpuHours).toBeCloseTo(1.5, 6);
    expect(h100("vision")?.idleGpuHours).toBeCloseTo(1.5, 6);
    expect(h100("nlp")?.gpuHours).toBeCloseTo(1, 6);

    const csv = usageReportCsv(report).split("\r\n");
    expect(csv[0]).toBe("tenant,model,gpu_hours,idle_gpu_hours,cost,idle_cost,currency");
    expect(csv).toContain("vision,H100-SXM5-80GB,3,3,12,12,EUR");
    expect(csv).toHaveLength(report.rows.length + 2);
  });

  it("leaves cost blank and names the model when it has no price", () => {
    const h = harness({ cost: { currency: "USD", gpuHour: { "A100-80GB": 1 }, migProfileHour: {} } });
    run(h, T0 + HOUR);
    const report = h.finops.usageReport(T0, T0 + HOUR);
    expect(report.unpricedModels).toEqual(["H100-SXM5-80GB"]);
    const row = report.rows.find((r) => r.model === "H100-SXM5-80GB");
    expect(row?.cost).toBeNull();
    expect(row?.gpuHours).toBeCloseTo(1, 6);
    expect(usageReportCsv(report)).toContain("nlp,H100-SXM5-80GB,1,0,,,USD");
  });

  it("refuses a period that ends before it starts", () => {
    const h = harness();
    expect(() => h.finops.usageReport(T0, T0)).toThrow(/must be after "from"/);
  });
});

describe("idle detection", () => {
  it("flags after the idle time, records a reason and reclaims after the queue's grace", async () => {
    const h = harness();
    const events: IdleEvent[] = [];
    h.finops.onIdleEvent((e) => events.push(e));
    run(h, T0 + 29 * MIN);
    expect(h.finops.idle()).toEqual([]);
    run(h, T0 + 30 * MIN);
    const idle = h.finops.idle();
    expect(idle.map((i) => i.jobId)).toEqual(["train-1"]);
    expect(idle[0]?.since).toBe(T0);
    expect(idle[0]?.reclaimAt).toBe(T0 + 40 * MIN);
    expect(events.map((e) => `${e.event} ${e.jobId}`)).toEqual(["idle.flagged train-1"]);
    run(h, T0 + 39 * MIN);
    expect(h.reclaims).toEqual([]);
    run(h, T0 + 40 * MIN);
    await h.finops.idleDetector.settled();
    expect(h.reclaims.map((r) => r.jobId)).toEqual(["train-1"]);
    expect(h.reclaims[0]?.reason).toMatch(
      /no compute activity and no memory change since 2026-11-02T00:00:00.000Z/,
    );
    expect(h.reclaims[0]?.reason).toMatch(/queue "training" reclaims after a grace of 10 min/);
    const recorded = h.db.prepare("SELECT job_id, reason, error FROM reclaim").all() as { reason: string }[];
    expect(recorded).toEqual([{ job_id: "train-1", reason: h.reclaims[0]?.reason, error: null }]);
    // Not flagged again while the job is being stopped.
    run(h, T0 + 80 * MIN);
    expect(h.reclaims).toHaveLength(1);
    expect(events.map((e) => e.event)).toEqual(["idle.flagged", "idle.reclaimed"]);
  });

  it("clears when compute comes back and never reclaims a queue without a policy", () => {
    const h = harness({ idle: { ...settings.idle, queues: {} } });
    const events: IdleEvent[] = [];
    h.finops.onIdleEvent((e) => events.push(e));
    run(h, T0 + 45 * MIN);
    expect(h.finops.idle().map((i) => i.jobId)).toEqual(["train-1"]);
    h.clock.now += MIN;
    h.finops.ingest([
      {
        at: h.clock.now,
        node: "h100-a",
        gpuUuid: "GPU-h100-a-0",
        utilizationPercent: 35,
        memoryUsedMiB: 512,
        memoryTotalMiB: 81_559,
      },
    ]);
    h.finops.idleDetector.tick(h.clock.now + 3 * HOUR);
    expect(h.finops.idle()).toEqual([]);
    expect(h.reclaims).toEqual([]);
    expect(events.map((e) => e.event)).toEqual(["idle.flagged", "idle.cleared"]);
  });

  it("treats a memory change as activity where NVML gives no utilization (MIG)", () => {
    const h = harness({ idle: { ...settings.idle, afterMs: 5 * MIN } });
    const mig = (at: number, memoryUsedMiB: number): UtilizationSample => ({
      at,
      node: "a100-a",
      gpuUuid: "GPU-a100-a-0",
      migUuid: "MIG-a100-a-0-0",
      utilizationPercent: null,
      memoryUsedMiB,
      memoryTotalMiB: 40_000,
    });
    for (let m = 1; m <= 10; m++) h.finops.ingest([mig(T0 + m * MIN, m % 2 === 0 ? 3000 : 2000)]);
    expect(h.finops.idle()).toEqual([]);
    // The drop to 2000 MiB at minute 11 is the last change; five flat minutes later it is idle.
    for (let m = 11; m <= 16; m++) h.finops.ingest([mig(T0 + m * MIN, 2000)]);
    expect(h.finops.idle().map((i) => [i.jobId, i.profile, i.since])).toEqual([
      ["infer-1", "3g.40gb", T0 + 11 * MIN],
    ]);
  });

  it("posts flag events to the webhook", async () => {
    const received: IdleEvent[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on("end", () => {
        received.push(JSON.parse(body) as IdleEvent);
        res.end();
      });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const { port } = server.address() as AddressInfo;
      const h = harness({ idle: { ...settings.idle, webhookUrl: `http://127.0.0.1:${port}/hook` } });
      run(h, T0 + 31 * MIN);
      await expect.poll(() => received.length).toBe(1);
      expect(received[0]).toMatchObject({
        event: "idle.flagged",
        jobId: "train-1",
        tenant: "vision",
        since: T0,
      });
    } finally {
      server.close();
    }
  });

  it("records a reclaim whose stop failed, with the error", async () => {
    const db = new Database(":memory:");
    const clock = { now: T0 };
    const fleet = new InMemoryFleet(sampleFleet(T0));
    const finops = new Finops({
      db,
      fleet,
      settings: {
        ...settings,
        idle: { ...settings.idle, afterMs: MIN, queues: { training: { reclaim: true, graceMs: 0 } } },
      },
      now: () => clock.now,
      reclaimer: async () => {
        throw new Error("job train-1 is not running on h100-a");
      },
      warn: () => {},
    });
    finops.sync();
    const h: Harness = { finops, fleet, clock, reclaims: [], db };
    run(h, T0 + 3 * MIN);
    await finops.idleDetector.settled();
    const rows = db.prepare("SELECT job_id, error FROM reclaim").all();
    expect(rows).toEqual([{ job_id: "train-1", error: "Error: job train-1 is not running on h100-a" }]);
  });
});

describe("following the fleet", () => {
  it("reads only the jobs holding slices where the read model offers it, and closes a slice at its job's end", () => {
    const clock = { now: T0 };
    const fleet = new InMemoryFleet(sampleFleet(T0));
    let wholeReads = 0;
    const heldOnly = {
      snapshot: () => {
        wholeReads++;
        return fleet.snapshot();
      },
      heldSnapshot: () => {
        const whole = fleet.snapshot();
        return { ...whole, jobs: whole.jobs.filter((j) => j.sliceIds.length > 0) };
      },
      job: (id: string) => fleet.snapshot().jobs.find((j) => j.id === id),
      onChange: (listener: () => void) => fleet.onChange(listener),
      onJobChange: fleet.onJobChange.bind(fleet),
    };
    const finops = new Finops({
      db: new Database(":memory:"),
      fleet: heldOnly,
      settings,
      now: () => clock.now,
    });
    finops.sync();
    const open = finops.ledger.open().find((a) => a.jobId === "train-2");
    expect(open).toBeDefined();
    fleet.update((draft) => {
      const gpu = draft.nodes[0]?.gpus[1];
      if (gpu) gpu.slices = [];
      const job = draft.jobs.find((j) => j.id === "train-2");
      if (job) Object.assign(job, { state: "Succeeded", finishedAt: T0 + HOUR, sliceIds: [] });
    });
    // The sync runs an hour after the job ended: the slice is closed when the job ended, not when it was seen.
    clock.now = T0 + 2 * HOUR;
    finops.sync();
    expect(finops.ledger.get(open?.id ?? -1)?.endedAt).toBe(T0 + HOUR);
    expect(finops.ledger.open().some((a) => a.jobId === "train-2")).toBe(false);
    expect(wholeReads).toBe(0);
  });
});

describe("history across restarts", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps samples, rollups, the ledger and open idle episodes in the database file", () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-finops-"));
    dirs.push(dir);
    const file = join(dir, "tessera.db");
    const first = harness({ idle: { ...settings.idle, queues: {} } }, new Database(file));
    run(first, T0 + 40 * MIN);
    first.db.close();

    const second = harness({ idle: { ...settings.idle, queues: {} } }, new Database(file));
    second.clock.now = T0 + 40 * MIN;
    second.finops.sync();
    expect(second.finops.idle().map((i) => [i.jobId, i.since])).toEqual([["train-1", T0]]);
    run(second, T0 + HOUR);
    const byModel = second.finops.utilization({ from: T0, to: T0 + HOUR, stepMs: HOUR, groupBy: "model" });
    const h100 = byModel.series.find((s) => s.labels.model === "H100-SXM5-80GB");
    // One busy H100 at 80 % and three at 0 %, minute samples 1..59 of the hour, across both runs.
    expect(h100?.points[0]?.utilizationPercent).toBeCloseTo(20, 6);
    expect(h100?.points[0]?.samples).toBe(59 * 4);
    expect(
      second.finops
        .usageReport(T0, T0 + HOUR)
        .rows.find((r) => r.tenant === "vision" && r.model === "H100-SXM5-80GB"),
    ).toMatchObject({ gpuHours: 1, idleGpuHours: 1 });
    second.db.close();
  });
});

describe("finops config", () => {
  it("reads durations, prices and queue policies", () => {
    expect(settings.idle.afterMs).toBe(30 * MIN);
    expect(settings.idle.queues.training).toEqual({ reclaim: true, graceMs: 10 * MIN });
    expect(parseFinopsSettings(undefined)).toEqual(defaultFinopsSettings);
    expect(parseFinopsSettings({ retention: { raw: "30m", minute: "7d" } }).retention).toMatchObject({
      rawMs: 30 * MIN,
      minuteRollupMs: 7 * 24 * HOUR,
    });
  });

  it.each([
    [{ idle: { after: "soon" } }, /finops.idle.after: expected a duration like "90s"/],
    [{ cost: { gpuHour: { "H100-PCIe": 3 } } }, /unknown GPU model "H100-PCIe"; known models: A30-24GB/],
    [
      { cost: { migProfileHour: { "A100-80GB": { "3g.20gb": 1 } } } },
      /unknown MIG profile "3g.20gb"; profiles of A100-80GB: 1g.10gb/,
    ],
    [{ cost: { gpuHour: { "A100-80GB": -1 } } }, /finops.cost.gpuHour.A100-80GB: expected a price >= 0/],
    [
      { idle: { queues: { batch: { reclaim: "yes" } } } },
      /finops.idle.queues.batch.reclaim: expected true or false/,
    ],
    [{ idle: { webhook: "not a url" } }, /finops.idle.webhook: expected an http\(s\) URL/],
    [{ idel: {} }, /finops: unknown key "idel"; known keys: retention, timelineInterval, idle, cost/],
  ])("refuses %j", (raw, message) => {
    expect(() => parseFinopsSettings(raw)).toThrow(message);
  });
});
