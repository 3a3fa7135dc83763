import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { Finops } from "../finops/Finops.ts";
import { parseFinopsSettings } from "../finops/FinopsConfig.ts";
import { InMemoryFleet } from "../http/InMemoryFleet.ts";
import { job, sampleFleet } from "../http/SampleFleet.ts";
import { TesseraMetrics } from "./TesseraMetrics.ts";

const T0 = Date.UTC(2026, 10, 2);
const MIN = 60_000;

/** A fleet with every metric populated: samples, an idle reclaim, a started job and an expired lease. */
async function populated() {
  const clock = { now: T0 };
  const fleet = new InMemoryFleet(sampleFleet(T0));
  const finops = new Finops({
    db: new Database(":memory:"),
    fleet,
    settings: parseFinopsSettings({
      idle: { after: "2m", queues: { training: { reclaim: true, grace: "1m" } } },
    }),
    now: () => clock.now,
    reclaimer: async () => {},
    warn: () => {},
  });
  finops.sync();
  const metrics = new TesseraMetrics(fleet, finops);
  metrics.start();
  for (let m = 1; m <= 4; m++) {
    clock.now = T0 + m * MIN;
    finops.ingest([
      {
        at: clock.now,
        node: "h100-a",
        gpuUuid: "GPU-h100-a-0",
        utilizationPercent: 0,
        memoryUsedMiB: 10,
        memoryTotalMiB: 81_559,
        temperatureC: 41,
        powerW: 70.5,
      },
      {
        at: clock.now,
        node: "a100-a",
        gpuUuid: "GPU-a100-a-0",
        migUuid: "MIG-a100-a-0-0",
        utilizationPercent: null,
        memoryUsedMiB: 2048,
        memoryTotalMiB: 40_192,
      },
    ]);
    finops.idleDetector.tick(clock.now);
  }
  fleet.update((draft) => {
    const pending = draft.jobs.find((j) => j.id === "wait-1");
    if (pending) Object.assign(pending, { state: "Running", submittedAt: T0, startedAt: T0 + 90_000 });
    const node = draft.nodes[1];
    if (node) node.state = "NotReady";
  });
  // A job that holds slices before it runs (Scheduled) is counted when its start time appears.
  fleet.update((draft) => {
    draft.jobs.push(job("late-1", "nlp", "training", { state: "Running", submittedAt: T0 }));
  });
  fleet.update((draft) => {
    const late = draft.jobs.find((j) => j.id === "late-1");
    if (late) late.startedAt = T0 + 30_000;
  });
  metrics.observeSchedulingDecision(0.0003);
  // Changes reach the metrics coalesced, a few times a second.
  await new Promise((resolve) => setTimeout(resolve, 600));
  return { metrics, fleet, finops };
}

/** name -> label names seen on its series, from the text exposition format. */
function exposition(text: string): Map<string, { type: string; labels: Set<string> }> {
  const metrics = new Map<string, { type: string; labels: Set<string> }>();
  for (const line of text.split("\n")) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) metrics.set(type[1] as string, { type: type[2] as string, labels: new Set() });
    const sample = /^([a-zA-Z_:][\w:]*?)(?:_bucket|_sum|_count)?(?:\{(.*)\})? /.exec(line);
    if (!sample || line.startsWith("#")) continue;
    const entry = metrics.get(sample[1] as string);
    for (const pair of (sample[2] ?? "").split(/,(?=\w+=")/)) {
      const name = pair.split("=")[0];
      if (name && name !== "le") entry?.labels.add(name);
    }
  }
  return metrics;
}

describe("metrics", () => {
  it("expose exactly the golden list of names, types and labels", async () => {
    const { metrics } = await populated();
    const golden = readFileSync(new URL("./TesseraMetrics.golden.txt", import.meta.url), "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "" && !l.startsWith("#"));
    const seen = [...exposition(await metrics.metrics())]
      .map(([name, { type, labels }]) => `${name} ${type} ${[...labels].sort().join(",") || "-"}`)
      .sort();
    expect(seen).toEqual(golden);
  });

  it("count the fleet, the queue and the devices with DCGM's label values", async () => {
    const { metrics } = await populated();
    const text = await metrics.metrics();
    expect(text).toContain(
      'tessera_gpus{model="H100-SXM5-80GB",modelName="NVIDIA H100 80GB HBM3",state="full"} 2',
    );
    expect(text).toContain(
      'tessera_gpus{model="H100-SXM5-80GB",modelName="NVIDIA H100 80GB HBM3",state="free"} 2',
    );
    expect(text).toContain(
      'tessera_gpus{model="A100-80GB",modelName="NVIDIA A100-SXM4-80GB",state="unavailable"} 2',
    );
    expect(text).toContain(
      'tessera_mig_instances{model="A100-80GB",modelName="NVIDIA A100-SXM4-80GB",GPU_I_PROFILE="2g.20gb",state="free"} 1',
    );
    expect(text).toContain('tessera_agents{state="NotReady"} 1');
    expect(text).toContain('tessera_lease_expiries_total{Hostname="a100-a"} 1');
    expect(text).toContain('tessera_queueing_delay_seconds_sum{queue="training"} 120');
    expect(text).toContain('tessera_queueing_delay_seconds_count{queue="training"} 2');
    expect(text).toContain("tessera_scheduling_decision_seconds_count 1");
    expect(text).toContain(
      'tessera_gpu_power_watts{gpu="0",UUID="GPU-h100-a-0",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",Hostname="h100-a",GPU_I_PROFILE="",GPU_I_ID="",tenant="vision",job="train-1"} 70.5',
    );
    expect(text).toContain(
      'tessera_gpu_memory_used_bytes{gpu="0",UUID="GPU-a100-a-0",device="nvidia0",modelName="NVIDIA A100-SXM4-80GB",Hostname="a100-a",GPU_I_PROFILE="3g.40gb",GPU_I_ID="1",tenant="nlp",job="infer-1"} 2147483648',
    );
    // No utilization series for the MIG instance: NVML has none to give.
    expect(text).not.toMatch(/tessera_gpu_utilization_percent\{[^}]*GPU_I_PROFILE="3g.40gb"/);
    expect(text).toContain('tessera_idle_flagged_total{queue="training",tenant="vision"} 1');
    expect(text).toContain('tessera_idle_reclaims_total{queue="training",tenant="vision"} 1');
    // A Running H100 job left, wait-1 is no longer pending.
    expect(text).toContain('tessera_pending_jobs{queue="training"} 0');
  });

  it("end the series of a destroyed MIG instance, keep one info series per live instance", async () => {
    const { metrics, fleet } = await populated();
    const mig = /UUID="GPU-a100-a-0"[^}]*GPU_I_PROFILE="3g\.40gb"/;
    const before = await metrics.metrics();
    expect(before).toMatch(new RegExp(`tessera_gpu_memory_total_bytes\\{[^}]*${mig.source}`));
    expect(before).toMatch(
      /tessera_mig_instance_info\{gpu="0",UUID="GPU-a100-a-0",[^}]*GPU_I_PROFILE="3g\.40gb",GPU_I_ID="1",[^}]*MIG_UUID="MIG-a100-a-0-0",tenant="nlp",job="infer-1"\} 1/,
    );
    fleet.update((draft) => {
      const gpu = draft.nodes.find((n) => n.name === "a100-a")!.gpus[0]!;
      gpu.slices = gpu.slices.filter((slice) => slice.migUuid !== "MIG-a100-a-0-0");
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await metrics.metrics();
    // Its last reading is not exported under the parent GPU's labels (a 40 GB "total" for an 80 GB GPU).
    expect(after).not.toMatch(/tessera_gpu_memory_(used|total)_bytes\{[^}]*UUID="GPU-a100-a-0"/);
    expect(after).not.toContain('MIG_UUID="MIG-a100-a-0-0"');
  });

  it("serve the device series under DCGM exporter names and units with naming dcgm", async () => {
    const { metrics } = await populated();
    const text = await metrics.metrics("dcgm");
    const labels =
      'gpu="0",UUID="GPU-a100-a-0",device="nvidia0",modelName="NVIDIA A100-SXM4-80GB",Hostname="a100-a",GPU_I_PROFILE="3g.40gb",GPU_I_ID="1",tenant="nlp",job="infer-1"';
    expect(text).toContain(`DCGM_FI_DEV_FB_USED{${labels}} 2048`);
    expect(text).toContain(`DCGM_FI_DEV_FB_FREE{${labels}} 38144`);
    expect(text).toMatch(/DCGM_FI_DEV_GPU_UTIL\{gpu="0",UUID="GPU-h100-a-0",[^}]*\} 0/);
    expect(text).toMatch(/DCGM_FI_DEV_POWER_USAGE\{[^}]*UUID="GPU-h100-a-0"[^}]*\} 70\.5/);
    expect(text).not.toContain("tessera_gpu_memory_used_bytes");
    // Fleet metrics keep their names.
    expect(text).toContain("tessera_allocation_ratio");
    expect(await metrics.metrics()).not.toMatch(/^DCGM_FI_/m);
  });
});
