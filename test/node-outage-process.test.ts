import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Job__Output } from "../proto/generated/tessera/v1/Job.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { eventually } from "./support/Eventually.ts";
import {
  type AgentProcess,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

// Real `tessera scheduler` and `tessera agent` processes (two one-GPU L4 nodes on the stand-in NVML): an agent
// frozen past its lease (SIGSTOP), a cancel while that agent is away, and a kill -9 of the scheduler for longer
// than the lease. The fencing timeout (60 s) is longer than every outage here, so nothing may be killed or run
// twice.
const dir = mkdtempSync(join(tmpdir(), "tessera-node-outage-"));
const lease = 1500;
const agents: AgentProcess[] = [];
let scheduler: SchedulerProcess | undefined;
let client: SchedulerClient | undefined;

afterAll(async () => {
  client?.close();
  for (const a of agents) if (a.process.running) a.process.child.kill("SIGCONT");
  await Promise.all(agents.map((a) => a.process.kill()));
  await scheduler?.process.kill();
  rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The PID its agent reported when the job started. */
function pidOf(job: Job__Output): number {
  const started = job.transitions.findLast((t) => t.to === "Running");
  return Number(/pid (\d+)/.exec(started?.reason ?? "")?.[1] ?? 0);
}

function startScheduler(port = 0): Promise<SchedulerProcess> {
  return startSchedulerProcess(dir, {
    port,
    lease: `${lease}ms`,
    heartbeat: "200ms",
    extra: ["--fencing-timeout", "60s"],
  });
}

async function running(c: SchedulerClient, id: string): Promise<Job__Output> {
  return eventually(
    `job ${id} Running`,
    async () => {
      const j = await c.get(id);
      return j.state === "Running" ? j : undefined;
    },
    30_000,
  );
}

function submitWhole(c: SchedulerClient, name: string): Promise<string> {
  return c
    .submit({ name, request: { whole: { gpus: 1 } }, command: ["sleep", "120"] }, name)
    .then((r) => r.job!.id);
}

async function nodeState(c: SchedulerClient, name: string): Promise<string | undefined> {
  return (await c.nodes()).find((n) => n.name === name)?.state;
}

describe("outages of an agent and of the scheduler", () => {
  it("runs no job twice and kills none: frozen agent, cancel while it is away, scheduler down past the lease", async () => {
    scheduler = await startScheduler();
    for (const name of ["l4-a", "l4-b"]) {
      agents.push(startAgentProcess(dir, { name, models: ["L4-24GB"] }, scheduler.address));
    }
    client = new SchedulerClient(scheduler.address);
    const c = client;
    await eventually(
      "2 Ready nodes",
      async () => (await c.nodes()).filter((n) => n.state === "Ready").length === 2 || undefined,
      45_000,
    );
    const keep = await running(c, await submitWhole(c, "keep"));
    const keepPid = pidOf(keep);
    const frozenNode = keep.allocations[0]!.node;
    const frozen = agents.find((a) => a.node.name === frozenNode)!;
    const otherNode = agents.find((a) => a !== frozen)!.node.name;

    // Reproduction 6: the agent is frozen past its lease. The node leaves the engine, but its job is neither
    // requeued nor started elsewhere before the fencing timeout: its process still runs there.
    frozen.process.child.kill("SIGSTOP");
    await eventually(
      `${frozenNode} NotReady`,
      async () => (await nodeState(c, frozenNode)) === "NotReady" || undefined,
    );
    // New work goes to the node whose agent is connected, not to the frozen one.
    const other = await running(c, await submitWhole(c, "other"));
    expect(other.allocations[0]!.node).toBe(otherNode);
    const during = await c.get(keep.id);
    expect(during).toMatchObject({ state: "Running", attempt: 1 });
    expect(during.allocations[0]!.node).toBe(frozenNode);
    expect(alive(keepPid)).toBe(true);

    // Reproduction 9: a cancel while the agent is away is only requested; the job keeps its slice (a job that
    // needs it waits) until the returning agent has stopped the process.
    const cancelled = await c.cancel(keep.id, "not needed");
    expect(cancelled.state).toBe("Running");
    expect(cancelled.reason).toMatch(/cancel requested/);
    const third = await submitWhole(c, "third");
    const violations: string[] = [];
    const watch = setInterval(() => {
      void Promise.all([c.get(keep.id), c.get(third)])
        .then(([k, t]) => {
          if (!alive(keepPid) || violations.length > 0) return;
          if (k.state === "Cancelled") violations.push("keep Cancelled while its process runs");
          if (t.state === "Running" && t.allocations[0]?.node === frozenNode)
            violations.push("third Running beside keep's process");
        })
        .catch(() => {});
    }, 50);
    try {
      frozen.process.child.kill("SIGCONT");
      const ended = await eventually(
        "keep Cancelled",
        async () => {
          const j = await c.get(keep.id);
          return j.state === "Cancelled" ? j : undefined;
        },
        30_000,
      );
      expect(ended.reason).toMatch(/not needed/);
      expect(alive(keepPid)).toBe(false);
      const placed = await running(c, third);
      expect(placed.allocations[0]!.node).toBe(frozenNode);
    } finally {
      clearInterval(watch);
    }
    expect(violations).toEqual([]);
    expect((await c.get(keep.id)).transitions.map((t) => t.to)).not.toContain("Lost");

    // Reproduction 7 (lease grace after a restart): the scheduler is down for more than the lease. Its successor
    // starts every node's lease afresh; the agents come back and their jobs are adopted: same attempt, same
    // process, never Lost.
    const before = await Promise.all([c.get(other.id), c.get(third)]);
    const port = scheduler.port;
    scheduler.process.child.kill("SIGKILL");
    await eventually("scheduler gone", () => !scheduler!.process.running || undefined);
    const downSince = Date.now();
    await eventually(
      "an outage longer than the lease",
      () => Date.now() - downSince > 2 * lease || undefined,
    );
    scheduler = await startScheduler(port);
    await eventually(
      "2 Ready nodes after the restart",
      async () => (await c.nodes()).filter((n) => n.state === "Ready").length === 2 || undefined,
      30_000,
    );
    // Past one more lease: nothing expired, nothing was requeued.
    const back = Date.now();
    await eventually("one more lease", () => Date.now() - back > 2 * lease || undefined);
    for (const job of before) {
      const now = await c.get(job.id);
      expect(now.state).toBe("Running");
      expect(now.attempt).toBe(job.attempt);
      expect(pidOf(now)).toBe(pidOf(job));
      expect(alive(pidOf(job))).toBe(true);
      expect(now.transitions.map((t) => t.to)).not.toContain("Lost");
    }
  }, 150_000);
});
