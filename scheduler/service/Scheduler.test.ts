import { describe, expect, it } from "vitest";
import { findGpuModel } from "../../proto/catalog/GpuCatalog.ts";
import type { GpuInventory__Output } from "../../proto/generated/tessera/v1/GpuInventory.ts";
import type { Node__Output } from "../../proto/generated/tessera/v1/Node.ts";
import type { Register__Output } from "../../proto/generated/tessera/v1/Register.ts";
import type { SchedulerMessage } from "../../proto/generated/tessera/v1/SchedulerMessage.ts";
import { nodesTable } from "../cli/JobFormat.ts";
import { createPolicy } from "../engine/PolicyRegistry.ts";
import { fleetCapacity } from "../metrics/FleetCapacity.ts";
import type { JobSpec } from "../store/JobRecord.ts";
import { MemoryJobStore } from "../store/testing/MemoryJobStore.ts";
import { nodeMessage } from "./JobWire.ts";
import { Scheduler, type SchedulerOptions } from "./Scheduler.ts";
import { SchedulerFleetView } from "./SchedulerFleetView.ts";
import { ManualTime } from "./testing/ManualTime.ts";

function gpu(node: string, index: number, modelId: string): GpuInventory__Output {
  const model = findGpuModel(modelId);
  if (!model) throw new Error(`unknown model ${modelId}`);
  return {
    uuid: `GPU-${node}-${index}`,
    index,
    name: model.name,
    model: model.id,
    memoryMib: model.memoryMiB,
    pciBusId: `0000:0${index + 1}:00.0`,
    migCapable: model.mig !== null,
    nvlinkPeers: [],
    iommuGroup: "",
  };
}

function registration(node: string, models: string[]): Register__Output {
  const gpus = models.map((m, i) => gpu(node, i, m));
  return {
    node,
    labels: {},
    gpus,
    cpuMillis: 64_000,
    memoryMib: 512_000,
    generation: 0,
    agentVersion: "test",
    observed: gpus.map((g) => ({
      uuid: g.uuid,
      migEnabled: false,
      instances: [],
      utilizationPercent: 0,
      memoryUsedMib: 0,
      health: "ok",
      pids: [],
      utilizationUnsupported: false,
      temperatureC: 0,
      powerMw: 0,
      layoutError: "",
    })),
    jobs: [],
    capabilities: null,
    address: "",
  };
}

function wholeGpuJob(name: string): JobSpec {
  return {
    name,
    tenant: "team-a",
    queue: "default",
    priority: 0,
    kind: "training",
    request: {
      shape: { kind: "whole", gpus: 1, requireNvlink: false },
      models: [],
      cpuMillis: 1000,
      memoryMiB: 1024,
    },
    command: ["true"],
    env: {},
    workdir: "",
  };
}

/** A scheduler on a simulated clock and an in-memory store, with one agent whose messages are kept. */
function simulated(extra: Partial<SchedulerOptions> = {}) {
  const time = new ManualTime();
  const store = new MemoryJobStore();
  const logs: string[] = [];
  const scheduler = new Scheduler({
    store,
    policy: () => createPolicy("tessera"),
    leaseMs: 10_000,
    heartbeatMs: 2_000,
    lostNodePolicy: "requeue",
    clock: time.clock,
    timers: time,
    log: (line) => logs.push(line),
    ...extra,
  });
  const sent: SchedulerMessage[] = [];
  const session = scheduler.register(registration("n1", ["H100-SXM5-80GB"]), {
    send: (m) => sent.push(m),
    close: () => {},
  });
  const assigned = () => sent.flatMap((m) => m.desired?.assignments ?? []).map((a) => a.jobId);
  return { time, store, logs, scheduler, sent, session, assigned };
}

describe("Scheduler (units composed behind the facade, simulated clock)", () => {
  it("undoes a placement whose store write failed: the job stays pending and is placed once the store recovers", async () => {
    const { time, store, logs, scheduler, assigned } = simulated();
    const { job } = await scheduler.submit(wholeGpuJob("train"), "");
    expect(job.createdMs).toBe(time.clock());
    store.failWrites = "disk full";
    await time.advance(100);
    expect(scheduler.job(job.id)?.state).toBe("Pending");
    expect(scheduler.job(job.id)?.allocations).toEqual([]);
    expect(scheduler.job(job.id)?.attempt).toBe(0);
    expect(assigned()).toEqual([]);
    expect(logs.some((l) => l.includes("their placements were undone") && l.includes("disk full"))).toBe(
      true,
    );
    // The engine holds nothing for it: the next cycle places it on the node's only GPU.
    store.failWrites = undefined;
    await time.advance(1_500);
    const placed = scheduler.job(job.id);
    expect(placed?.state).toBe("Scheduled");
    expect(placed?.attempt).toBe(1);
    expect(placed?.allocations.map((a) => a.gpuUuid)).toEqual(["GPU-n1-0"]);
    expect(store.get(job.id)?.state).toBe("Scheduled");
    expect(assigned()).toEqual([job.id]);
    // The read model shows the scheduler's own states.
    expect(new SchedulerFleetView(scheduler).snapshot().jobs[0]?.state).toBe("Scheduled");
  });

  it("keeps a registered node's allocations across a re-registration with the same inventory", async () => {
    const { time, scheduler } = simulated();
    const first = (await scheduler.submit(wholeGpuJob("first"), "")).job;
    await time.advance(100);
    expect(scheduler.job(first.id)?.state).toBe("Scheduled");
    const sent: SchedulerMessage[] = [];
    const again = registration("n1", ["H100-SXM5-80GB"]);
    again.jobs = [
      {
        jobId: first.id,
        attempt: 1,
        state: "running",
        pid: 42,
        exitCode: 0,
        signal: "",
        message: "",
        logPath: "/x.log",
        startedUnixMs: time.clock(),
        finishedUnixMs: 0,
        visibleDevices: "0",
        interruption: "",
      },
    ];
    scheduler.register(again, { send: (m) => sent.push(m), close: () => {} });
    await time.advance(100);
    expect(scheduler.job(first.id)?.state).toBe("Running");
    expect(sent.at(-1)?.desired?.assignments?.map((a) => a.jobId)).toEqual([first.id]);
    const second = (await scheduler.submit(wholeGpuJob("second"), "")).job;
    await time.advance(100);
    expect(scheduler.job(second.id)?.state).toBe("Pending");
    expect(scheduler.job(second.id)?.reason).toMatch(/GPU|node/);
  });

  it("ends a cancelled running job Cancelled with the cancel's reason once the agent dropped it", async () => {
    const { time, scheduler, session, sent } = simulated();
    const { job } = await scheduler.submit(wholeGpuJob("long"), "");
    await time.advance(100);
    await scheduler.cancel(job.id, "not needed");
    expect(scheduler.job(job.id)?.stop).toMatchObject({ cause: "cancel", reason: "cancelled: not needed" });
    const generation = Number(sent.at(-1)?.desired?.generation);
    expect(sent.at(-1)?.desired?.assignments).toEqual([]);
    scheduler.report("n1", session.id, {
      generation,
      gpus: [],
      jobs: [],
      errors: [],
      kubeletAllocations: [],
      capabilities: null,
    });
    await time.advance(100);
    expect(scheduler.job(job.id)?.state).toBe("Cancelled");
    expect(scheduler.job(job.id)?.reason).toBe("cancelled: not needed");
    expect(scheduler.job(job.id)?.stop).toBeUndefined();
  });

  it("puts no new work on a GPU its agent reports unhealthy, shows it everywhere, and uses it again once healthy", async () => {
    const { time, scheduler, session } = simulated();
    const observed = registration("n1", ["H100-SXM5-80GB"]).observed;
    const report = (health: string) =>
      scheduler.report("n1", session.id, {
        generation: 1,
        gpus: observed.map((o) => ({ ...o, health })),
        jobs: [],
        errors: [],
        kubeletAllocations: [],
        capabilities: null,
      });
    report("xid 79: fallen off the bus");
    const { job } = await scheduler.submit(wholeGpuJob("waits"), "");
    await time.advance(100);
    expect(scheduler.job(job.id)?.state).toBe("Pending");
    const gpu = new SchedulerFleetView(scheduler).snapshot().nodes[0]?.gpus[0];
    expect(gpu).toMatchObject({ healthy: false, unhealthyReason: "xid 79: fallen off the bus" });
    expect(
      fleetCapacity(new SchedulerFleetView(scheduler).snapshot()).models[0]?.gpusByState.unavailable,
    ).toBe(1);
    const node = scheduler.node("n1");
    if (!node) throw new Error("node n1 is not registered");
    expect(nodesTable([nodeMessage(node) as Node__Output])).toContain("0: xid 79: fallen off the bus");
    report("ok");
    await time.advance(100);
    expect(scheduler.job(job.id)?.state).toBe("Scheduled");
    expect(new SchedulerFleetView(scheduler).snapshot().nodes[0]?.gpus[0]?.healthy).toBe(true);
  });

  it("gives gang members their rank, world size and rank 0's reported address and port", async () => {
    const { time, scheduler, sent } = simulated();
    const second: SchedulerMessage[] = [];
    scheduler.register(
      { ...registration("n2", ["H100-SXM5-80GB"]), address: "10.0.0.2" },
      { send: (m) => second.push(m), close: () => {} },
    );
    const gang = wholeGpuJob("ddp");
    gang.request.shape = { kind: "gang", nodes: 2, gpusPerNode: 1 };
    const { job } = await scheduler.submit(gang, "");
    await time.advance(100);
    const members = scheduler.job(job.id)?.allocations.map((a) => a.node) ?? [];
    const envOf = (messages: SchedulerMessage[]) => messages.at(-1)?.desired?.assignments?.[0]?.env ?? {};
    const env = { n1: envOf(sent), n2: envOf(second) };
    expect(members.map((n) => env[n as "n1" | "n2"].RANK)).toEqual(["0", "1"]);
    for (const e of Object.values(env)) {
      expect(e).toMatchObject({
        WORLD_SIZE: "2",
        TESSERA_GANG_SIZE: "2",
        LOCAL_RANK: "0",
        LOCAL_WORLD_SIZE: "1",
      });
      // n1 reported no address: its node name stands in.
      expect(e.MASTER_ADDR).toBe(members[0] === "n2" ? "10.0.0.2" : "n1");
      expect(Number(e.MASTER_PORT)).toBeGreaterThanOrEqual(29500);
    }
  });

  it("holds a cancelled job's slice while its agent is away, and requeues a lost node's jobs only after the fencing timeout", async () => {
    const { time, scheduler, session } = simulated();
    const cancelled = (await scheduler.submit(wholeGpuJob("cancelled"), "")).job;
    await time.advance(100);
    scheduler.disconnected("n1", session.id);
    await scheduler.cancel(cancelled.id, "not needed");
    await time.advance(100);
    // The agent may still run it: not Cancelled yet, and no new work goes to the node.
    expect(scheduler.job(cancelled.id)?.state).toBe("Scheduled");
    const waiting = (await scheduler.submit(wholeGpuJob("waiting"), "")).job;
    await time.advance(100);
    expect(scheduler.job(waiting.id)?.state).toBe("Pending");
    // Lease (10 s) expired, fencing timeout (5 min default) not yet: nothing is requeued or ended.
    await time.advance(60_000);
    expect(scheduler.node("n1")?.state).toBe("NotReady");
    expect(scheduler.job(cancelled.id)?.state).toBe("Scheduled");
    await time.advance(300_000);
    expect(scheduler.job(cancelled.id)?.state).toBe("Cancelled");
  });

  it("requeues a job its agent stopped after losing contact (fenced) instead of failing it", async () => {
    const { time, scheduler, session } = simulated();
    const { job } = await scheduler.submit(wholeGpuJob("fenced"), "");
    await time.advance(100);
    scheduler.report("n1", session.id, {
      generation: 0,
      gpus: [],
      jobs: [
        {
          jobId: job.id,
          attempt: 1,
          state: "exited",
          pid: 42,
          exitCode: -1,
          signal: "SIGTERM",
          message: "",
          logPath: "/x.log",
          startedUnixMs: time.clock(),
          finishedUnixMs: time.clock(),
          visibleDevices: "0",
          interruption: "fenced",
        },
      ],
      errors: [],
      kubeletAllocations: [],
      capabilities: null,
    });
    await time.advance(100);
    const requeued = scheduler.job(job.id);
    expect(requeued?.transitions.map((t) => t.to)).toEqual(["Pending", "Scheduled", "Pending", "Scheduled"]);
    expect(requeued?.transitions[2]?.reason).toMatch(/fencing timeout and stopped it/);
    expect(requeued?.attempt).toBe(2);
  });
  it("removes a departed node after the node expiry, and by hand only once no job holds it", async () => {
    const { time, scheduler, session, logs } = simulated({ fencingTimeoutMs: 20_000, nodeExpiryMs: 60_000 });
    const { job } = await scheduler.submit(wholeGpuJob("held"), "");
    await time.advance(100);
    expect(() => scheduler.removeNode("n1")).toThrow(/agent is connected/);
    scheduler.disconnected("n1", session.id);
    await time.advance(11_000);
    expect(scheduler.node("n1")?.state).toBe("NotReady");
    expect(() => scheduler.removeNode("n1")).toThrow(
      `node n1 still holds 1 active job(s): ${job.id} (Scheduled)`,
    );
    // Lease plus fencing timeout: the job is requeued; lease plus node expiry: the node is gone.
    await time.advance(20_000);
    expect(scheduler.job(job.id)?.state).toBe("Pending");
    expect(scheduler.node("n1")).toBeDefined();
    await time.advance(40_000);
    expect(scheduler.node("n1")).toBeUndefined();
    expect(
      logs.some((l) => l.includes("node n1: removed: its agent has been gone for the node expiry")),
    ).toBe(true);
    expect(() => scheduler.removeNode("n1")).toThrow(/no node "n1"/);
  });

  it("requeues a job refused for a failed layout change and places nothing on that GPU until the layout is applied", async () => {
    const { time, scheduler, session, sent } = simulated();
    const { job } = await scheduler.submit(wholeGpuJob("whole"), "");
    await time.advance(100);
    expect(scheduler.job(job.id)?.state).toBe("Scheduled");
    const base = registration("n1", ["H100-SXM5-80GB"]).observed[0]!;
    const stuck = {
      ...base,
      migEnabled: true,
      instances: [
        {
          profile: "1g.10gb",
          start: 0,
          size: 1,
          gpuInstanceId: 9,
          computeInstanceId: 0,
          uuid: "MIG-x",
          pids: [1201],
          memoryUsedMib: 0,
        },
      ],
      layoutError: "cannot destroy 1g.10gb instance at slot 0: 1 process is running (PID 1201)",
    };
    const report = (gpu: typeof base, jobs: Parameters<Scheduler["report"]>[2]["jobs"]) =>
      scheduler.report("n1", session.id, {
        generation: 0,
        gpus: [gpu],
        jobs,
        errors: [],
        kubeletAllocations: [],
        capabilities: null,
      });
    report(stuck, [
      {
        jobId: job.id,
        attempt: 1,
        state: "failed_to_start",
        pid: 0,
        exitCode: 0,
        signal: "",
        message: "GPU GPU-n1-0 could not be given the layout this job needs",
        logPath: "",
        startedUnixMs: time.clock(),
        finishedUnixMs: time.clock(),
        visibleDevices: "",
        interruption: "layout_failed",
      },
    ]);
    await time.advance(2_000);
    const waiting = scheduler.job(job.id)!;
    expect(waiting.state).toBe("Pending");
    expect(waiting.transitions.map((t) => t.to)).not.toContain("Failed");
    expect(waiting.reason).toContain("take no job until their agent applies the layout change that failed");
    expect(waiting.reason).toContain("PID 1201");
    // The agent keeps being asked for the layout that failed (whole), so it retries it.
    expect(sent.at(-1)?.desired?.gpus?.[0]?.mode).toBe("whole");
    report(stuck, []);
    await time.advance(2_000);
    expect(scheduler.job(job.id)?.state).toBe("Pending");
    // Applied: the GPU takes work again, and the job runs there as its second attempt.
    report({ ...base, layoutError: "" }, []);
    await time.advance(2_000);
    expect(scheduler.job(job.id)).toMatchObject({ state: "Scheduled", attempt: 2 });
  });
});
