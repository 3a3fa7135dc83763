import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { NvmlGpuHost } from "../../node-agent/agent/NvmlGpuHost.ts";
import { StandinFleet, type StandinGpu } from "../../node-agent/standin/StandinFleet.ts";
import type { GpuInventory__Output } from "../../proto/generated/tessera/v1/GpuInventory.ts";
import type { GpuObserved__Output } from "../../proto/generated/tessera/v1/GpuObserved.ts";
import { InMemoryFleet } from "../http/InMemoryFleet.ts";
import { job } from "../http/SampleFleet.ts";
import type { FleetSnapshot } from "../readmodel/FleetReadModel.ts";
import { Finops } from "./Finops.ts";
import { parseFinopsSettings } from "./FinopsConfig.ts";
import type { IdleEvent } from "./IdleDetector.ts";
import { samplesFromObserved } from "./ObservedSamples.ts";

const T0 = Date.UTC(2026, 10, 2);
const MIN = 60_000;

/** One H100 whose utilization the test injects through the stand-in's fleet file, as an agent would read it. */
const gpu = (utilization: number): StandinGpu => ({
  model: "H100-SXM5-80GB",
  uuid: "GPU-11111111-2222-3333-4444-555555555555",
  utilization: { gpu: utilization },
  temperatureC: 47,
  powerW: 120,
  processes: [{ pid: 4242, usedMemoryMiB: 2048 }],
});

describe("idle detection on the stand-in NVML's injected utilization", () => {
  const standin = StandinFleet.create({ gpus: [gpu(0)] });
  Object.assign(process.env, standin.env);
  const host = new NvmlGpuHost(standin.libraryPath);
  afterAll(() => {
    host.close();
    standin.remove();
  });

  it("flags a GPU at 0 %, clears it when work comes back, and reclaims after the queue's grace", async () => {
    // The agent's messages as the scheduler decodes them: every field present.
    const inventory = host.inventory() as GpuInventory__Output[];
    const uuid = inventory[0]?.uuid as string;
    const snapshot: FleetSnapshot = {
      nodes: [
        {
          name: "sim-0",
          state: "Ready",
          labels: {},
          gpus: [
            {
              uuid,
              index: 0,
              modelId: "H100-SXM5-80GB",
              modelName: inventory[0]?.name ?? "",
              memoryMiB: inventory[0]?.memoryMib ?? 0,
              sharingMode: "whole",
              healthy: true,
              slices: [{ id: `${uuid}/whole`, kind: "whole", share: 1, jobId: "etl-1" }],
            },
          ],
        },
      ],
      jobs: [job("etl-1", "data", "batch", { startedAt: T0, sliceIds: [`${uuid}/whole`] })],
    };
    const clock = { now: T0 };
    const reclaims: string[] = [];
    const finops = new Finops({
      db: new Database(":memory:"),
      fleet: new InMemoryFleet(snapshot),
      settings: parseFinopsSettings({
        idle: { after: "5m", queues: { batch: { reclaim: true, grace: "3m" } } },
      }),
      now: () => clock.now,
      reclaimer: async (jobId, reason) => {
        reclaims.push(`${jobId}: ${reason}`);
      },
      warn: () => {},
    });
    finops.sync();
    const events: IdleEvent[] = [];
    finops.onIdleEvent((e) => events.push(e));
    const minutes = (n: number) => {
      for (let i = 0; i < n; i++) {
        clock.now += MIN;
        finops.ingest(
          samplesFromObserved("sim-0", inventory, host.observe() as GpuObserved__Output[], clock.now),
        );
        finops.idleDetector.tick(clock.now);
      }
    };

    minutes(5);
    expect(finops.idle().map((i) => [i.jobId, i.since])).toEqual([["etl-1", T0]]);
    const reading = finops.latestSamples()[0];
    expect(reading).toMatchObject({
      utilizationPercent: 0,
      memoryUsedMiB: 2048,
      temperatureC: 47,
      powerW: 120,
    });

    standin.write({ gpus: [gpu(75)] });
    minutes(1);
    expect(finops.idle()).toEqual([]);

    standin.write({ gpus: [gpu(0)] });
    minutes(5);
    expect(finops.idle().map((i) => i.since)).toEqual([T0 + 6 * MIN]);
    minutes(3);
    await finops.idleDetector.settled();
    expect(events.map((e) => e.event)).toEqual([
      "idle.flagged",
      "idle.cleared",
      "idle.flagged",
      "idle.reclaimed",
    ]);
    expect(reclaims).toHaveLength(1);
    expect(reclaims[0]).toMatch(
      /^etl-1: idle reclaim: GPU on sim-0 .* since 2026-11-02T00:06:00.000Z \(8 min\); queue "batch"/,
    );
  });
});
