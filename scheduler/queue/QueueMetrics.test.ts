import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { registerQueueMetrics } from "./QueueMetrics.ts";
import type { QueueStatus } from "./QueueStatus.ts";

describe("registerQueueMetrics", () => {
  it("exposes admitted, preempted, usage, quota and borrowed per queue at scrape time", async () => {
    const registry = new Registry();
    const status: QueueStatus = {
      name: "team-a",
      cohort: "lab",
      weight: 1,
      quota: { gpus: 4 },
      borrowingLimit: undefined,
      usage: { gpus: 6.5, cpu: 12 },
      borrowed: { gpus: 2.5 },
      pending: 3,
      running: 7,
      admittedTotal: 10,
      preemptedTotal: 2,
    };
    registerQueueMetrics(registry, () => [status]);
    const text = await registry.metrics();
    expect(text).toContain('tessera_queue_admitted_jobs_total{queue="team-a"} 10');
    expect(text).toContain('tessera_queue_preempted_jobs_total{queue="team-a"} 2');
    expect(text).toContain('tessera_queue_usage{queue="team-a",cohort="lab",resource="gpus"} 6.5');
    expect(text).toContain('tessera_queue_usage{queue="team-a",cohort="lab",resource="cpu"} 12');
    expect(text).toContain('tessera_queue_quota{queue="team-a",cohort="lab",resource="gpus"} 4');
    expect(text).toContain('tessera_queue_borrowed{queue="team-a",cohort="lab",resource="gpus"} 2.5');
    status.admittedTotal = 11;
    expect(await registry.metrics()).toContain('tessera_queue_admitted_jobs_total{queue="team-a"} 11');
  });
});
