import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleFleet } from "../http/SampleFleet.ts";
import { migrateFinopsSchema } from "./FinopsSchema.ts";
import { FleetIndex } from "./FleetIndex.ts";
import { HOUR_MS, MINUTE_MS, UtilizationHistory } from "./UtilizationHistory.ts";
import type { UtilizationSample } from "./UtilizationSample.ts";

const T0 = Date.UTC(2026, 10, 2);
const index = new FleetIndex(sampleFleet(T0));

function history(
  retention = { rawMs: 10 * HOUR_MS, minuteRollupMs: 100 * HOUR_MS, hourRollupMs: 1000 * HOUR_MS },
) {
  const db = new Database(":memory:");
  migrateFinopsSchema(db);
  return { db, history: new UtilizationHistory(db, retention) };
}

const sampleArb = fc.record({
  offset: fc.integer({ min: 0, max: 2 * HOUR_MS - 1 }),
  gpu: fc.constantFrom("GPU-h100-a-0", "GPU-h100-a-1", "GPU-h100-a-2"),
  utilization: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  memory: fc.integer({ min: 0, max: 80_000 }),
});

describe("utilization history", () => {
  it("answers the same means from raw samples and from the 1-minute and 1-hour rollups", () => {
    fc.assert(
      fc.property(fc.array(sampleArb, { minLength: 1, maxLength: 60 }), (drawn) => {
        const { history: h } = history();
        const samples: UtilizationSample[] = drawn.map((d) => ({
          at: T0 + d.offset,
          node: "h100-a",
          gpuUuid: d.gpu,
          utilizationPercent: d.utilization,
          memoryUsedMiB: d.memory,
          memoryTotalMiB: 81_559,
        }));
        h.record(samples, index);
        const now = T0 + 2 * HOUR_MS;
        const query = { from: T0, to: now, groupBy: "gpu" as const };
        const raw = h.query({ ...query, stepMs: 30_000 }, now);
        const minute = h.query({ ...query, stepMs: MINUTE_MS }, now);
        const hour = h.query({ ...query, stepMs: HOUR_MS }, now);
        expect([raw.resolution, minute.resolution, hour.resolution]).toEqual(["raw", "1m", "1h"]);
        for (const result of [minute, hour]) {
          for (const series of result.series) {
            for (const point of series.points) {
              const inStep = samples.filter(
                (s) => s.gpuUuid === series.labels.gpu && s.at >= point.t && s.at < point.t + result.stepMs,
              );
              const withUtil = inStep.filter((s) => s.utilizationPercent !== null);
              expect(point.samples).toBe(inStep.length);
              if (withUtil.length === 0) expect(point.utilizationPercent).toBeNull();
              else {
                const mean =
                  withUtil.reduce((sum, s) => sum + (s.utilizationPercent ?? 0), 0) / withUtil.length;
                expect(point.utilizationPercent).toBeCloseTo(mean, 9);
                expect(point.maxUtilizationPercent).toBe(
                  Math.max(...withUtil.map((s) => s.utilizationPercent ?? 0)),
                );
              }
              const memory = inStep.reduce((sum, s) => sum + s.memoryUsedMiB, 0) / inStep.length;
              expect(point.memoryUsedMiB).toBeCloseTo(memory, 9);
            }
          }
        }
        const total = (r: typeof raw) =>
          r.series.reduce((n, s) => n + s.points.reduce((m, p) => m + p.samples, 0), 0);
        expect(total(raw)).toBe(samples.length);
        expect(total(hour)).toBe(samples.length);
      }),
      { numRuns: 40 },
    );
  });

  it("groups by MIG instance, node, model and tenant, and filters", () => {
    const { history: h } = history();
    const at = T0 + 5 * MINUTE_MS;
    h.record(
      [
        {
          at,
          node: "a100-a",
          gpuUuid: "GPU-a100-a-0",
          migUuid: "MIG-a100-a-0-0",
          utilizationPercent: null,
          memoryUsedMiB: 100,
          memoryTotalMiB: 40_000,
        },
        {
          at,
          node: "a100-a",
          gpuUuid: "GPU-a100-a-0",
          migUuid: "MIG-a100-a-0-4",
          utilizationPercent: null,
          memoryUsedMiB: 300,
          memoryTotalMiB: 20_000,
        },
        {
          at,
          node: "h100-a",
          gpuUuid: "GPU-h100-a-0",
          utilizationPercent: 10,
          memoryUsedMiB: 1,
          memoryTotalMiB: 81_559,
        },
        {
          at,
          node: "h100-a",
          gpuUuid: "GPU-h100-a-1",
          utilizationPercent: 30,
          memoryUsedMiB: 1,
          memoryTotalMiB: 81_559,
        },
      ],
      index,
    );
    const q = { from: T0, to: T0 + HOUR_MS, stepMs: HOUR_MS };
    const now = T0 + HOUR_MS;
    const mig = h.query({ ...q, groupBy: "mig" }, now).series;
    expect(mig.map((s) => [s.labels.mig, s.labels.profile, s.points[0]?.memoryUsedMiB])).toEqual([
      ["MIG-a100-a-0-0", "3g.40gb", 100],
      ["MIG-a100-a-0-4", "2g.20gb", 300],
    ]);
    const tenants = h.query({ ...q, groupBy: "tenant" }, now).series;
    expect(tenants.map((s) => [s.labels.tenant, s.points[0]?.samples])).toEqual([
      ["nlp", 2],
      ["vision", 2],
    ]);
    const vision = h.query({ ...q, groupBy: "model", tenant: "vision" }, now).series;
    expect(vision.map((s) => [s.labels.model, s.points[0]?.utilizationPercent ?? null])).toEqual([
      ["A100-80GB", null],
      ["H100-SXM5-80GB", 10],
    ]);
    expect(
      h.query({ ...q, groupBy: "node", node: "h100-a" }, now).series[0]?.points[0]?.utilizationPercent,
    ).toBe(20);
  });

  it("drops data past its retention and falls back to coarser rollups for old periods", () => {
    const { history: h } = history({
      rawMs: HOUR_MS,
      minuteRollupMs: 2 * HOUR_MS,
      hourRollupMs: 10 * HOUR_MS,
    });
    const sample = (at: number): UtilizationSample => ({
      at,
      node: "h100-a",
      gpuUuid: "GPU-h100-a-2",
      utilizationPercent: 50,
      memoryUsedMiB: 0,
      memoryTotalMiB: 1,
    });
    h.record([sample(T0), sample(T0 + 5 * HOUR_MS)], index);
    const now = T0 + 5 * HOUR_MS + MINUTE_MS;
    h.prune(now);
    expect(h.resolutionFor({ from: T0, stepMs: 10_000 }, now)).toBe("1h");
    expect(h.resolutionFor({ from: now - 30 * MINUTE_MS, stepMs: 10_000 }, now)).toBe("raw");
    expect(h.resolutionFor({ from: now - 90 * MINUTE_MS, stepMs: 10_000 }, now)).toBe("1m");
    const old = h.query({ from: T0, to: now, stepMs: HOUR_MS, groupBy: "gpu" }, now);
    expect(old.series[0]?.points.map((p) => p.samples)).toEqual([1, 1]);
    h.prune(T0 + 11 * HOUR_MS);
    expect(
      h.query({ from: T0, to: now, stepMs: HOUR_MS, groupBy: "gpu" }, now).series[0]?.points,
    ).toHaveLength(1);
  });

  it("refuses queries that would be empty by construction or too large", () => {
    const { history: h } = history();
    expect(() => h.query({ from: T0, to: T0, stepMs: 60_000, groupBy: "gpu" }, T0)).toThrow(
      /"to" .* must be after "from"/,
    );
    expect(() => h.query({ from: T0, to: T0 + 1, stepMs: 10, groupBy: "gpu" }, T0)).toThrow(/at least 1s/);
    expect(() =>
      h.query({ from: T0, to: T0 + 30 * 24 * HOUR_MS, stepMs: 60_000, groupBy: "gpu" }, T0),
    ).toThrow(/43200 points per series; at most 10000: choose a larger step/);
  });
});
