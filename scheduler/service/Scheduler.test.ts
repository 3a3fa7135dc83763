import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { findGpuModel } from "../../proto/catalog/GpuCatalog.ts";
import type { GpuInventory__Output } from "../../proto/generated/tessera/v1/GpuInventory.ts";
import type { Job__Output } from "../../proto/generated/tessera/v1/Job.ts";
import type { JobObserved__Output } from "../../proto/generated/tessera/v1/JobObserved.ts";
import type { Node__Output } from "../../proto/generated/tessera/v1/Node.ts";
import type { Register__Output } from "../../proto/generated/tessera/v1/Register.ts";
import type { Report__Output } from "../../proto/generated/tessera/v1/Report.ts";
import type { SchedulerMessage } from "../../proto/generated/tessera/v1/SchedulerMessage.ts";
import { wholeReportFlags } from "../../proto/tessera/ReportDelta.ts";
import { jobDetail, nodesTable } from "../cli/JobFormat.ts";
import { createPolicy } from "../engine/PolicyRegistry.ts";
import { CostModel } from "../finops/CostModel.ts";
import { Finops } from "../finops/Finops.ts";
import { parseFinopsSettings } from "../finops/FinopsConfig.ts";
import { fleetCapacity } from "../metrics/FleetCapacity.ts";
import type { JobSpec } from "../store/JobRecord.ts";
import { MemoryJobStore } from "../store/testing/MemoryJobStore.ts";
import { jobMessage, nodeMessage } from "./JobWire.ts";
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

/** A scheduler on `store` and the simulated clock `time` (a restart opens another on the same store). */
function schedulerOn(store: MemoryJobStore, time: ManualTime, extra: Partial<SchedulerOptions> = {}) {
  return new Scheduler({
    store,
    policy: () => createPolicy("tessera"),
    leaseMs: 10_000,
    heartbeatMs: 2_000,
    lostNodePolicy: "requeue",
    clock: time.clock,
    timers: time,
    log: () => {},
    ...extra,
  });
}

/** A scheduler on a simulated clock and an in-memory store, with one agent whose messages are kept. */
function simulated(extra: Partial<SchedulerOptions> = {}) {
  const time = new ManualTime();
  const store = new MemoryJobStore();
  const logs: string[] = [];
  const scheduler = schedulerOn(store, time, { log: (line) => logs.push(line), ...extra });
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

  it("shows FinOps the same fleet with only the jobs that hold a slice, and any other job on request", async () => {
    const { time, scheduler } = simulated();
    const placed = (await scheduler.submit(wholeGpuJob("placed"), "")).job;
    await time.advance(100);
    const waits = (await scheduler.submit(wholeGpuJob("waits"), "")).job;
    await time.advance(100);
    const view = new SchedulerFleetView(scheduler);
    const whole = view.snapshot();
    const held = view.heldSnapshot();
    expect(whole.jobs.map((j) => j.id)).toEqual([placed.id, waits.id]);
    expect(held.nodes).toEqual(whole.nodes);
    expect(held.jobs).toEqual(whole.jobs.filter((j) => j.id === placed.id));
    expect(view.job(waits.id)).toEqual(whole.jobs[1]);
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
      ...wholeReportFlags,
    });
    await time.advance(100);
    expect(scheduler.job(job.id)?.state).toBe("Cancelled");
    expect(scheduler.job(job.id)?.reason).toBe("cancelled: not needed");
    expect(scheduler.job(job.id)?.stop).toBeUndefined();
  });

  it("takes a delta that changes nothing as a heartbeat (the lease is renewed) and applies one that does", async () => {
    const { time, scheduler, session } = simulated();
    const observed = registration("n1", ["H100-SXM5-80GB"]).observed;
    const base = {
      generation: 1,
      gpus: [],
      jobs: [],
      errors: [],
      kubeletAllocations: [],
      capabilities: null,
    };
    expect(() => scheduler.report("n1", session.id, { ...base, ...wholeReportFlags, delta: true })).toThrow(
      /whole report before it/,
    );
    scheduler.report("n1", session.id, { ...base, gpus: observed, ...wholeReportFlags });
    await time.advance(5_000);
    scheduler.report("n1", session.id, { ...base, ...wholeReportFlags, delta: true });
    const node = scheduler.node("n1")!;
    expect(node.leaseRenewedMs).toBe(time.clock());
    expect(node.observed).toEqual(observed);
    const hot = { ...observed[0]!, utilizationPercent: 90 };
    scheduler.report("n1", session.id, {
      ...base,
      gpus: [hot],
      errors: ["busy"],
      ...wholeReportFlags,
      delta: true,
      errorsChanged: true,
    });
    expect(node.observed).toEqual([hot]);
    expect(node.errors).toEqual(["busy"]);
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
        ...wholeReportFlags,
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
      ...wholeReportFlags,
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
        ...wholeReportFlags,
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

describe("a job ends or runs again only once every member has stopped", () => {
  /** A 2-node gang on n1 and n2, placed; each node's sent messages. */
  async function gangOnTwoNodes() {
    const sim = simulated();
    const second: SchedulerMessage[] = [];
    const session2 = sim.scheduler.register(registration("n2", ["H100-SXM5-80GB"]), {
      send: (m) => second.push(m),
      close: () => {},
    });
    const spec = wholeGpuJob("ddp");
    spec.request.shape = { kind: "gang", nodes: 2, gpusPerNode: 1 };
    const { job } = await sim.scheduler.submit(spec, "");
    await sim.time.advance(100);
    const ranks = [...new Set(sim.scheduler.job(job.id)?.allocations.map((a) => a.node))];
    expect(ranks.sort()).toEqual(["n1", "n2"]);
    const sessions = { n1: sim.session, n2: session2 };
    const messages = { n1: sim.sent, n2: second };
    /** A node's agent reports: at the last generation it was sent, with the given job processes. */
    const report = (node: "n1" | "n2", jobs: Report__Output["jobs"]) =>
      sim.scheduler.report(node, sessions[node].id, {
        ...wholeReportFlags,
        generation: Number(messages[node].at(-1)?.desired?.generation),
        gpus: [],
        jobs,
        errors: [],
        kubeletAllocations: [],
        capabilities: null,
      });
    const rankOf = (node: string) =>
      [...new Set(sim.scheduler.job(job.id)?.allocations.map((a) => a.node))].indexOf(node);
    return { ...sim, job, sessions, messages, report, rankOf };
  }

  function exited(jobId: string, exitCode: number, signal = "", interruption = "") {
    return {
      jobId,
      attempt: 1,
      state: "exited",
      pid: 42,
      exitCode,
      signal,
      message: "",
      logPath: "/x.log",
      startedUnixMs: 1,
      finishedUnixMs: 2,
      visibleDevices: "0",
      interruption,
    };
  }

  it("requeues a gang whose member was fenced only after the member on an unreachable node is certainly stopped", async () => {
    const { time, scheduler, job, sessions, report } = await gangOnTwoNodes();
    // n2's agent is away (its member may still run); n1's agent fenced its member.
    scheduler.disconnected("n2", sessions.n2.id);
    report("n1", [exited(job.id, -1, "SIGTERM", "fenced")]);
    await time.advance(100);
    expect(scheduler.job(job.id)?.state).toBe("Scheduled");
    expect(scheduler.job(job.id)?.attempt).toBe(1);
    expect(scheduler.job(job.id)?.reason).toMatch(/fencing timeout.*stopping the other members/);
    // Past n2's lease and the fencing timeout, its agent has stopped its member itself: only now Pending again.
    for (let i = 0; i < 40; i++) {
      await time.advance(10_000);
      report("n1", []);
    }
    const requeued = scheduler.job(job.id);
    expect(requeued?.transitions.map((t) => t.to)).toEqual(["Pending", "Scheduled", "Pending"]);
    expect(requeued?.transitions[2]?.reason).toMatch(/requeued: its agent lost contact/);
    expect(requeued?.allocations).toEqual([]);
  });

  it("stops the other members when one fails, and says which member failed and how", async () => {
    const { time, scheduler, job, messages, report, rankOf } = await gangOnTwoNodes();
    report("n1", [exited(job.id, 3)]);
    await time.advance(100);
    // The job holds n2's slice until n2's member is gone; n2 was told to stop it.
    expect(scheduler.job(job.id)?.state).toBe("Scheduled");
    expect(scheduler.job(job.id)?.stop?.cause).toBe("failed");
    expect(messages.n2.at(-1)?.desired?.assignments).toEqual([]);
    report("n2", [exited(job.id, -1, "SIGTERM")]);
    await time.advance(100);
    const failed = scheduler.job(job.id);
    expect(failed?.state).toBe("Failed");
    expect(failed?.reason).toBe(`member rank ${rankOf("n1")} on n1 exited with code 3`);
  });

  it("finishes a gang's cancel on the last member's confirmation, not the first", async () => {
    const { time, scheduler, job, report } = await gangOnTwoNodes();
    await scheduler.cancel(job.id, "not needed");
    await time.advance(100);
    report("n1", []);
    await time.advance(100);
    expect(scheduler.job(job.id)?.state).toBe("Scheduled");
    report("n2", []);
    await time.advance(100);
    expect(scheduler.job(job.id)?.state).toBe("Cancelled");
    expect(scheduler.job(job.id)?.reason).toBe("cancelled: not needed");
  });

  it("succeeds a gang once every member exited with code 0, holding every slice until then", async () => {
    const { time, scheduler, job, report } = await gangOnTwoNodes();
    report("n2", [exited(job.id, 0)]);
    await time.advance(100);
    expect(scheduler.job(job.id)?.state).toBe("Scheduled");
    expect(scheduler.job(job.id)?.allocations).toHaveLength(2);
    report("n1", [exited(job.id, 0)]);
    await time.advance(100);
    expect(scheduler.job(job.id)?.state).toBe("Succeeded");
    expect(scheduler.job(job.id)?.reason).toBe("all 2 members exited with code 0");
  });

  it("never sends a member that ended back to its agent: not to one that lost its records, nor after a restart", async () => {
    const { time, store, scheduler, job, sessions, messages, report } = await gangOnTwoNodes();
    const n2Assignments = () => messages.n2.at(-1)?.desired?.assignments?.map((a) => a.jobId);
    expect(n2Assignments()).toEqual([job.id]);
    report("n2", [exited(job.id, 0)]);
    await time.advance(100);
    // n2's host is rebuilt: its agent returns with no record of the member, and is not told to start it again
    // (it would then run beside a later attempt once the gang is requeued).
    scheduler.disconnected("n2", sessions.n2.id);
    scheduler.register(registration("n2", ["H100-SXM5-80GB"]), {
      send: (m) => messages.n2.push(m),
      close: () => {},
    });
    await time.advance(100);
    expect(n2Assignments()).toEqual([]);
    expect(scheduler.job(job.id)?.state).toBe("Scheduled");
    // A restarted scheduler counts n2's member stopped from its stored report: the gang ends with n1's member.
    const closing = scheduler.close();
    await time.advance(100);
    await closing;
    const restarted = schedulerOn(store, time);
    const sent: Record<"n1" | "n2", SchedulerMessage[]> = { n1: [], n2: [] };
    const again = (node: "n1" | "n2", jobs: Register__Output["jobs"]) =>
      restarted.register(
        { ...registration(node, ["H100-SXM5-80GB"]), jobs },
        { send: (m) => sent[node].push(m), close: () => {} },
      );
    again("n2", []);
    const n1 = again("n1", [{ ...exited(job.id, 0), state: "running", finishedUnixMs: 0 }]);
    await time.advance(100);
    expect(sent.n2.at(-1)?.desired?.assignments).toEqual([]);
    expect(restarted.job(job.id)?.state).toBe("Running");
    restarted.report("n1", n1.id, {
      ...wholeReportFlags,
      generation: Number(sent.n1.at(-1)?.desired?.generation),
      gpus: [],
      jobs: [exited(job.id, 0)],
      errors: [],
      kubeletAllocations: [],
      capabilities: null,
    });
    await time.advance(100);
    expect(restarted.job(job.id)?.state).toBe("Succeeded");
    const closed = restarted.close();
    await time.advance(100);
    await closed;
  });
});

describe("Scheduler: gang members", () => {
  /** A 2-node gang placed on n1 and n2 of `simulated()`; returns both agents' messages and sessions. */
  async function placedGang() {
    const sim = simulated();
    const second: SchedulerMessage[] = [];
    const session2 = sim.scheduler.register(registration("n2", ["H100-SXM5-80GB"]), {
      send: (m) => second.push(m),
      close: () => {},
    });
    const gang = wholeGpuJob("ddp");
    gang.request.shape = { kind: "gang", nodes: 2, gpusPerNode: 1 };
    const { job } = await sim.scheduler.submit(gang, "");
    await sim.time.advance(100);
    const nodes = [...new Set(sim.scheduler.job(job.id)!.allocations.map((a) => a.node))];
    const agents = {
      n1: { messages: sim.sent, session: sim.session.id },
      n2: { messages: second, session: session2.id },
    };
    const member = (rank: number) => agents[nodes[rank] as "n1" | "n2"];
    return { ...sim, job, nodes, member };
  }

  function observed(jobId: string, state: string, at: number, end: Partial<JobObserved__Output> = {}) {
    return {
      jobId,
      attempt: 1,
      state,
      pid: 7,
      exitCode: 0,
      signal: "",
      message: "",
      logPath: `/logs/${jobId}-1.log`,
      startedUnixMs: at,
      finishedUnixMs: state === "running" ? 0 : at + 1,
      visibleDevices: "0",
      interruption: "",
      ...end,
    };
  }

  function report(scheduler: Scheduler, node: string, session: number, jobs: JobObserved__Output[]) {
    scheduler.report(node, session, {
      ...wholeReportFlags,
      generation: 0,
      gpus: [],
      jobs,
      errors: [],
      kubeletAllocations: [],
      capabilities: null,
    });
  }

  it("shows every member with its node, state and log, and which member failed the gang", async () => {
    const { time, scheduler, job, nodes, member } = await placedGang();
    const [r0, r1] = [member(0), member(1)];
    report(scheduler, nodes[0]!, r0.session, [observed(job.id, "running", 1000)]);
    await time.advance(10);
    let members = jobMessage(scheduler.job(job.id)!).members!;
    expect(members.map((m) => [m.rank, m.node, m.state, m.logPath])).toEqual([
      [0, nodes[0], "Running", `/logs/${job.id}-1.log`],
      [1, nodes[1], "Scheduled", ""],
    ]);
    report(scheduler, nodes[1]!, r1.session, [observed(job.id, "exited", 1001, { exitCode: 3 })]);
    await time.advance(10);
    // The job holds every slice until its other member has stopped too.
    expect(scheduler.job(job.id)?.state).toBe("Running");
    expect(scheduler.job(job.id)?.stop?.cause).toBe("failed");
    // The other member is stopped with the gang, and says so.
    report(scheduler, nodes[0]!, r0.session, [
      observed(job.id, "exited", 1005, { exitCode: -1, signal: "SIGTERM" }),
    ]);
    await time.advance(10);
    expect(scheduler.job(job.id)?.state).toBe("Failed");
    expect(scheduler.job(job.id)?.reason).toBe(`member rank 1 on ${nodes[1]} exited with code 3`);
    members = jobMessage(scheduler.job(job.id)!).members!;
    expect(members.map((m) => [m.rank, m.state, m.detail])).toEqual([
      [0, "Stopped", "killed by SIGTERM"],
      [1, "Failed", "exited with code 3"],
    ]);
    expect(jobDetail(jobMessage(scheduler.job(job.id)!) as Job__Output)).toContain(
      `Failed:    rank 1 on ${nodes[1]}: exited with code 3`,
    );
  });

  it("streams every member's log prefixed with its rank, or one member's with a rank", async () => {
    const { time, scheduler, job, nodes, member } = await placedGang();
    for (const rank of [0, 1]) {
      const m = member(rank);
      report(scheduler, nodes[rank]!, m.session, [observed(job.id, "running", 1000)]);
    }
    await time.advance(10);
    const requestOf = (rank: number) => member(rank).messages.findLast((m) => m.logRequest)!.logRequest!;
    let out = "";
    let ended = false;
    scheduler.openLog(
      job.id,
      false,
      (d) => {
        out += d.toString();
      },
      () => {
        ended = true;
      },
    );
    const reply = (rank: number, data: string) =>
      scheduler.logChunk(nodes[rank]!, member(rank).session, {
        requestId: Number(requestOf(rank).requestId),
        data: Buffer.from(data),
        eof: true,
        error: "",
      });
    reply(1, "world\n");
    reply(0, "hello\n");
    expect([out, ended]).toEqual(["[rank 1] world\n[rank 0] hello\n", true]);
    out = "";
    scheduler.openLog(
      job.id,
      false,
      (d) => {
        out += d.toString();
      },
      () => {},
      1,
    );
    reply(1, "as it is\n");
    expect(out).toBe("as it is\n");
    expect(() =>
      scheduler.openLog(
        job.id,
        false,
        () => {},
        () => {},
        2,
      ),
    ).toThrow(`job ${job.id} is a gang of 2: its ranks are 0..1`);
  });
});

describe("MPS shares on a MIG instance in the fleet view and its costs", () => {
  const spec = (name: string, tenant: string, shape: JobSpec["request"]["shape"]): JobSpec => ({
    ...wholeGpuJob(name),
    tenant,
    request: { ...wholeGpuJob(name).request, shape },
  });

  it("shows each share job as a holder of the instance and charges each team its part: the parts add up to the GPU", async () => {
    const { time, scheduler } = simulated();
    // An H100 carved 4g.40gb@0 + 3g.40gb@4 by an operator; n1's H100 is taken whole, so shares go to an instance.
    const carved = registration("m1", ["H100-SXM5-80GB"]);
    carved.observed[0]!.migEnabled = true;
    carved.observed[0]!.instances = [
      { profile: "4g.40gb", start: 0, size: 4, gpuInstanceId: 1, computeInstanceId: 0, uuid: "MIG-4g" },
      { profile: "3g.40gb", start: 4, size: 4, gpuInstanceId: 2, computeInstanceId: 0, uuid: "MIG-3g" },
    ].map((i) => ({ ...i, pids: [], memoryUsedMib: 0 }));
    carved.capabilities = { vmRuntimes: [], mps: true, containerRuntimes: [], probed: true };
    scheduler.register(carved, { send: () => {}, close: () => {} });
    const submit = async (s: JobSpec) => {
      const { job } = await scheduler.submit(s, "");
      await time.advance(100);
      expect(scheduler.job(job.id)?.state, scheduler.job(job.id)?.reason).toBe("Scheduled");
      return job.id;
    };
    const mig = await submit(spec("mig", "team-c", { kind: "mig", profile: "4g.40gb" }));
    await submit(spec("whole", "team-w", { kind: "whole", gpus: 1, requireNvlink: false }));
    const a = await submit(spec("share-a", "team-a", { kind: "share", gpuMilli: 250, memoryMiB: 8192 }));
    const b = await submit(spec("share-b", "team-b", { kind: "share", gpuMilli: 178, memoryMiB: 8192 }));

    const view = new SchedulerFleetView(scheduler);
    const gpu = view.snapshot().nodes.find((n) => n.name === "m1")!.gpus[0]!;
    const instance = gpu.slices.find((s) => s.placementStart === 4)!;
    expect(instance.jobId).toBeUndefined();
    expect(instance.shares?.map((s) => [s.jobId, s.kind, s.profile, s.migUuid])).toEqual([
      [a, "shared", "3g.40gb", "MIG-3g"],
      [b, "shared", "3g.40gb", "MIG-3g"],
    ]);
    expect(gpu.slices.find((s) => s.placementStart === 0)?.jobId).toBe(mig);
    // Each share job names its own part of the instance; capacity still counts the instance held whole.
    expect(view.snapshot().jobs.find((j) => j.id === a)?.sliceIds).toEqual([instance.shares![0]!.id]);
    expect(fleetCapacity(view.snapshot()).allocatedGpus).toBeCloseTo(2, 9);

    const now = { t: time.clock() };
    const finops = new Finops({
      db: new Database(":memory:"),
      fleet: view,
      settings: parseFinopsSettings({ cost: { currency: "USD", gpuHour: { "H100-SXM5-80GB": 7 } } }),
      now: () => now.t,
      warn: () => {},
    });
    finops.sync();
    now.t += 3_600_000;
    const report = finops.usageReport(now.t - 3_600_000, now.t);
    const team = (t: string) => report.tenants.find((r) => r.tenant === t);
    expect(team("team-c")?.gpuHours).toBeCloseTo(4 / 7, 8);
    expect(team("team-c")?.cost).toBeCloseTo(4, 8);
    expect(team("team-a")?.gpuHours).toBeCloseTo((3 / 7) * (250 / 428), 8);
    expect(team("team-a")?.cost).toBeCloseTo(3 * (250 / 428), 8);
    expect(team("team-b")?.cost).toBeCloseTo(3 * (178 / 428), 8);
    const shared = ["team-a", "team-b", "team-c"].map((t) => team(t)!);
    expect(shared.reduce((sum, r) => sum + r.gpuHours, 0)).toBeCloseTo(1, 8);
    expect(shared.reduce((sum, r) => sum + (r.cost ?? 0), 0)).toBeCloseTo(7, 8);
    // A configured profile price is split the same way: each share pays its part of the instance's price.
    const priced = new CostModel(
      parseFinopsSettings({
        cost: { currency: "USD", gpuHour: {}, migProfileHour: { "H100-SXM5-80GB": { "3g.40gb": 3.5 } } },
      }).cost,
    );
    const hourly = (share: number) => priced.hourlyCost("H100-SXM5-80GB", "3g.40gb", share) ?? 0;
    expect(hourly(instance.share)).toBe(3.5);
    expect(hourly(instance.shares![0]!.share)).toBeCloseTo(3.5 * (250 / 428), 9);
    expect(instance.shares!.reduce((sum, s) => sum + hourly(s.share), 0)).toBeCloseTo(3.5, 9);
  });
});
