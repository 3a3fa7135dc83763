import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assignment } from "../proto/generated/tessera/v1/Assignment.ts";
import type { JobObserved__Output } from "../proto/generated/tessera/v1/JobObserved.ts";
import { eventually } from "./support/Eventually.ts";
import { RecordingNodeService } from "./support/RecordingNodeService.ts";
import { type AgentProcess, startAgentProcess } from "./support/TesseraProcesses.ts";

// Real `tessera agent` processes on the stand-in NVML, against a recording stand-in of the scheduler's
// NodeService (so what the agent sends is checked, not a scheduler's reading of it).
const dir = mkdtempSync(join(tmpdir(), "tessera-agent-recovery-"));
const agents: AgentProcess[] = [];
const services: RecordingNodeService[] = [];
const previousQemu = process.env.TESSERA_QEMU;

beforeAll(() => {
  // A VM runtime probe that takes 4 s and finds nothing runnable (a KVM boot probe takes about as long).
  const slowQemu = join(dir, "slow-qemu");
  writeFileSync(slowQemu, "#!/bin/sh\nsleep 4\nexit 1\n");
  chmodSync(slowQemu, 0o755);
  process.env.TESSERA_QEMU = slowQemu;
});

afterAll(async () => {
  await Promise.all(agents.map((a) => a.process.kill("SIGKILL")));
  for (const s of services) s.stop();
  if (previousQemu === undefined) delete process.env.TESSERA_QEMU;
  else process.env.TESSERA_QEMU = previousQemu;
  rmSync(dir, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function service(): Promise<RecordingNodeService> {
  const s = new RecordingNodeService();
  await s.start();
  services.push(s);
  return s;
}

function agent(name: string, scheduler: string, flags: string[], models = ["L4-24GB"], mig = false) {
  const started = startAgentProcess(dir, { name, models, ...(mig ? { mig } : {}) }, scheduler, flags);
  agents.push(started);
  return started;
}

/** The job as the agent last reported it (reports and registrations alike). */
function lastSeen(s: RecordingNodeService, jobId: string, fromStream = 0): JobObserved__Output | undefined {
  for (let i = s.received.length - 1; i >= 0; i--) {
    const r = s.received[i]!;
    if (r.stream < fromStream) break;
    const jobs = r.message.register?.jobs ?? r.message.report?.jobs ?? [];
    const job = jobs.find((j) => j.jobId === jobId);
    if (job) return job;
  }
  return undefined;
}

function sleepJob(jobId: string, extra: Partial<Assignment> = {}): Assignment {
  return { jobId, attempt: 1, command: ["sleep", "60"], env: {}, workdir: "", slices: [], ...extra };
}

describe("tessera agent against a scheduler that goes away", () => {
  it("registers before its slow VM probe ends, with its address, and reports the probed capabilities later", async () => {
    const s = await service();
    const a = agent("probe-node", s.address, [
      "--advertise-address",
      "192.0.2.7",
      "--reconnect-max",
      "500ms",
      "--fencing-timeout",
      "6s",
    ]);
    const registered = await eventually("registration", () => s.registrations()[0], 60_000);
    const register = registered.message.register!;
    expect(register.address).toBe("192.0.2.7");
    expect(register.capabilities).toMatchObject({ probed: false, vmRuntimes: [], containerRuntimes: [] });
    const probed = await eventually(
      "a report with the probed capabilities",
      () => s.reports().find((r) => r.message.report!.capabilities?.probed),
      20_000,
    );
    // The probe takes 4 s and started as the agent connected: registration did not wait for it.
    expect(probed.atMs - registered.atMs).toBeGreaterThanOrEqual(2000);
    expect(probed.message.report!.capabilities).toMatchObject({ vmRuntimes: [], mps: false });
    expect(a.process.output).toMatch(/VM runtime qemu: not runnable/);

    // A scheduler outage of 10 s: the gRPC channel's own backoff would reach several seconds by then.
    s.stop();
    await new Promise((r) => setTimeout(r, 10_000));
    await s.start(s.port);
    const restartedMs = Date.now();
    const again = await eventually("re-registration", () => s.registrations()[1], 20_000);
    // --reconnect-max 500ms: back within the cap plus a connection's set-up, not the channel's 120 s backoff.
    expect(again.atMs - restartedMs).toBeLessThan(2500);
    // Registered again after the probe: the capabilities come with it.
    expect(again.message.register!.capabilities?.probed).toBe(true);
    // On each stream the first report is whole, the later ones deltas; an idle agent's say nothing (heartbeats).
    const onNewStream = await eventually(
      "three reports on the new stream",
      () => {
        const wire = s.received
          .filter((r) => r.stream === again.stream && r.wire.report)
          .map((r) => r.wire.report!);
        return wire.length >= 3 ? wire : undefined;
      },
      10_000,
    );
    expect(onNewStream[0]!.delta).toBe(false);
    expect(onNewStream.slice(1).every((r) => r.delta)).toBe(true);
    expect(onNewStream.some((r) => r.gpus.length === 0 && !r.jobsChanged && !r.errorsChanged)).toBe(true);
  }, 150_000);

  it("keeps its jobs through an outage shorter than the fencing timeout, and stops them (fenced) after a longer one", async () => {
    const s = services[0]!;
    s.send({ generation: 2, gpus: [], assignments: [sleepJob("fence-me")], heartbeatMs: 200, leaseMs: 2000 });
    const running = await eventually(
      "fence-me running",
      () => {
        const job = lastSeen(s, "fence-me");
        return job?.state === "running" && job.pid > 0 ? job : undefined;
      },
      30_000,
    );

    // Short outage (1 s < the 6 s timeout): nothing is stopped.
    s.stop();
    await new Promise((r) => setTimeout(r, 1000));
    await s.start(s.port);
    const streams = s.registrations().length;
    await eventually("re-registration", () => s.registrations().length > streams || undefined, 10_000);
    const kept = s
      .registrations()
      .at(-1)!
      .message.register!.jobs.find((j) => j.jobId === "fence-me")!;
    expect(kept).toMatchObject({ state: "running", pid: running.pid, interruption: "" });
    expect(alive(running.pid)).toBe(true);

    // Long outage: the agent stops the job itself once the fencing timeout has passed without contact.
    s.stop();
    const stoppedAt = Date.now();
    await eventually("the job stopped by its fenced agent", () => !alive(running.pid) || undefined, 20_000);
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(5000);
    const before = s.registrations().length;
    await s.start(s.port);
    const back = await eventually("registration after the outage", () => s.registrations()[before], 10_000);
    const fenced = back.message.register!.jobs.find((j) => j.jobId === "fence-me")!;
    expect(fenced).toMatchObject({ state: "exited", interruption: "fenced" });
    expect(fenced.message).toMatch(/fencing timeout/);
    expect(fenced.message).not.toMatch(/killed by/);

    // The scheduler's fencing timeout, shorter than --fencing-timeout, is the one that holds.
    s.send({
      generation: 3,
      gpus: [],
      assignments: [sleepJob("fence-sooner")],
      heartbeatMs: 200,
      leaseMs: 2000,
      fencingTimeoutMs: 2000,
    });
    const sooner = await eventually(
      "fence-sooner running",
      () => {
        const job = lastSeen(s, "fence-sooner");
        return job?.state === "running" && job.pid > 0 ? job : undefined;
      },
      30_000,
    );
    s.stop();
    await eventually("fence-sooner stopped", () => !alive(sooner.pid) || undefined, 20_000);
    expect(agents[0]!.process.output).toMatch(
      /no contact with the scheduler for 2000 ms \(fencing timeout\)/,
    );
    await s.start(s.port);
  }, 120_000);
});

describe("tessera agent on a GPU host", () => {
  let s: RecordingNodeService;
  let a: AgentProcess;
  let gpu: string;

  beforeAll(async () => {
    s = await service();
    const config = join(dir, "device-plugin.yaml");
    writeFileSync(config, "xidRecoverySeconds: 2\n");
    a = agent(
      "a100-node",
      s.address,
      ["--stop-jobs-on-exit", "--device-plugin-config", config],
      ["A100-SXM4-40GB"],
      true,
    );
    const registered = await eventually("registration", () => s.registrations()[0], 60_000);
    gpu = registered.message.register!.gpus[0]!.uuid;
    expect(registered.message.register!.address).toBe("127.0.0.1");
  }, 120_000);

  function gpuHealth(): string | undefined {
    return s
      .reports()
      .at(-1)
      ?.message.report?.gpus.find((g) => g.uuid === gpu)?.health;
  }

  function setFleetGpu(change: (gpu: Record<string, unknown>) => void): void {
    const fleet = JSON.parse(readFileSync(a.fleetFile, "utf8")) as { gpus: Array<Record<string, unknown>> };
    change(fleet.gpus[0]!);
    writeFileSync(a.fleetFile, JSON.stringify(fleet));
  }

  it("reports a GPU with a critical Xid unhealthy with the reason, and healthy again after the recovery time", async () => {
    await eventually("GPU healthy", () => gpuHealth() === "ok" || undefined);
    setFleetGpu((g) => {
      g.xids = [13, 79];
    });
    await eventually(
      "xid 79 in the GPU's health",
      () => gpuHealth() === "xid 79: fallen off the bus" || undefined,
    );
    await eventually("GPU healthy again", () => gpuHealth() === "ok" || undefined, 10_000);
  }, 60_000);

  it("does not start a whole-GPU job on a GPU left in MIG mode by a busy instance; says so", async () => {
    s.send({
      generation: 2,
      gpus: [{ uuid: gpu, mode: "mig", mig: [{ profile: "1g.5gb", start: 0, size: 1 }] }],
      assignments: [],
      heartbeatMs: 200,
      leaseMs: 2000,
    });
    const instance = await eventually("the MIG instance", () => {
      const observed = s
        .reports()
        .at(-1)
        ?.message.report?.gpus.find((g) => g.uuid === gpu);
      return observed?.instances.find((i) => i.profile === "1g.5gb");
    });
    // A process (not Tessera's) on the instance: the agent must not destroy it.
    setFleetGpu((g) => {
      g.processes = [
        { pid: 999999, usedMemoryMiB: 512, gpuInstanceId: instance.gpuInstanceId, computeInstanceId: 0 },
      ];
    });
    await new Promise((r) => setTimeout(r, 1500));
    const whole = {
      gpuUuid: gpu,
      kind: "whole",
      migProfile: "",
      migStart: 0,
      shareMilli: 0,
      shareMemoryMib: 0,
    };
    s.send({
      generation: 3,
      gpus: [{ uuid: gpu, mode: "whole", mig: [] }],
      assignments: [sleepJob("whole-gpu", { slices: [whole] })],
      heartbeatMs: 200,
      leaseMs: 2000,
    });
    const refused = await eventually("whole-gpu reported", () => lastSeen(s, "whole-gpu"), 10_000);
    expect(refused.state).toBe("failed_to_start");
    expect(refused.message).toContain(`GPU ${gpu} could not be given the layout this job needs`);
    expect(refused.message).toContain("999999");
    const report = s.reports().at(-1)!.message.report!;
    expect(report.errors.some((e) => e.includes("999999"))).toBe(true);
    expect(report.gpus.find((g) => g.uuid === gpu)!.migEnabled).toBe(true);
    setFleetGpu((g) => {
      delete g.processes;
    });
  }, 30_000);

  it("reports the jobs it stops on shutdown as agent_shutdown, in its last report and when it registers again", async () => {
    s.send({
      generation: 4,
      gpus: [],
      assignments: [sleepJob("interrupted")],
      heartbeatMs: 200,
      leaseMs: 2000,
    });
    const running = await eventually(
      "interrupted running",
      () => {
        const job = lastSeen(s, "interrupted");
        return job?.state === "running" && job.pid > 0 ? job : undefined;
      },
      30_000,
    );
    await a.process.kill("SIGTERM");
    expect(alive(running.pid)).toBe(false);
    const last = lastSeen(s, "interrupted")!;
    expect(last).toMatchObject({ state: "exited", interruption: "agent_shutdown" });
    expect(last.message).toMatch(/agent was shut down/);

    const streams = s.registrations().length;
    const restarted = agent("a100-node", s.address, [], ["A100-SXM4-40GB"], true);
    const again = await eventually("registration after restart", () => s.registrations()[streams], 60_000);
    expect(again.message.register!.jobs.find((j) => j.jobId === "interrupted")).toMatchObject({
      state: "exited",
      interruption: "agent_shutdown",
    });
    await restarted.process.kill("SIGKILL");
  }, 120_000);
});
