import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Agent } from "../node-agent/agent/Agent.ts";
import { Executor } from "../node-agent/executor/Executor.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { type RunningScheduler, startSchedulerServer } from "../scheduler/service/SchedulerServer.ts";
import type { JobRecord } from "../scheduler/store/JobRecord.ts";
import { eventually } from "./support/Eventually.ts";
import { MemoryGpuHost } from "./support/MemoryGpuHost.ts";

// Jobs without GPUs (request shape no_gpu): held on a node by an allocation that names only the node, counted
// against its CPU and memory, released at the end and adopted by a restarted scheduler.
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function scheduler(db: string, port = 0): Promise<RunningScheduler> {
  return startSchedulerServer({
    listen: `127.0.0.1:${port}`,
    db,
    policy: "tessera",
    leaseMs: 2000,
    heartbeatMs: 200,
    lostNodePolicy: "requeue",
  });
}

async function cluster() {
  const dir = mkdtempSync(join(tmpdir(), "tessera-cpu-only-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, "scheduler.db");
  const state = { server: await scheduler(db) };
  cleanups.push(() => state.server.close());
  let agent: Agent | undefined;
  const executor = new Executor({
    dataDir: join(dir, "node-a"),
    onChange: () => agent?.onJobChange(),
    pollMs: 100,
  });
  agent = new Agent({
    scheduler: state.server.address,
    node: "node-a",
    dataDir: join(dir, "node-a"),
    host: new MemoryGpuHost("node-a", ["L4-24GB"]),
    executor,
  });
  agent.start();
  cleanups.push(async () => {
    agent?.stop();
    // Jobs run in their own process groups: stop them, or they outlive the test.
    await executor.stopAll();
    executor.close();
  });
  const client = new SchedulerClient(state.server.address);
  cleanups.push(() => client.close());
  await eventually("node ready", () => state.server.scheduler.node("node-a")?.state === "Ready");
  return { state, client, db };
}

const cpuOnly = (name: string, cpuMillis: number, command: string[]) => ({
  name,
  request: { noGpu: {}, cpuMillis, memoryMib: 64 },
  command,
});

function settled(server: RunningScheduler, id: string, states: string[]) {
  return eventually(`job ${id} in ${states.join("/")}`, () => {
    const j = server.scheduler.job(id);
    return j && states.includes(j.state) ? j : undefined;
  });
}

describe("jobs without GPUs through the scheduler", () => {
  it("runs a CPU-only job on a node with an allocation naming the node and no GPU", async () => {
    const { state, client } = await cluster();
    const { job } = await client.submit(
      cpuOnly("hi", 1000, ["sh", "-c", 'echo "hi [$CUDA_VISIBLE_DEVICES]"']),
      "",
    );
    const done: JobRecord = await settled(state.server, job!.id, ["Succeeded", "Failed"]);
    expect(done.state).toBe("Succeeded");
    expect(done.spec.request.shape).toEqual({ kind: "none" });
    expect(done.allocations).toEqual([
      expect.objectContaining({ node: "node-a", kind: "none", gpuUuid: "" }),
    ]);
    expect(readFileSync(done.logPath, "utf8")).toBe("hi []\n");
    const wire = await client.get(job!.id);
    expect(wire.spec?.request?.shape).toBe("noGpu");
    expect(wire.allocations).toEqual([expect.objectContaining({ node: "node-a", kind: "none" })]);
  });

  it("refuses a no_gpu request that asks for nothing", async () => {
    const { client } = await cluster();
    await expect(
      client.submit({ name: "nothing", request: { noGpu: {} }, command: ["true"] }, ""),
    ).rejects.toThrow(/request\.no_gpu: asks for nothing/);
  });

  it("counts CPU: a job that does not fit waits, runs once the holder ends, and survives a scheduler restart", async () => {
    const { state, client, db } = await cluster();
    const nodeCpu = state.server.scheduler.node("node-a")!.cpuMillis;
    const { job: holder } = await client.submit(cpuOnly("holder", nodeCpu, ["sleep", "600"]), "");
    await settled(state.server, holder!.id, ["Running"]);
    const { job: waiter } = await client.submit(cpuOnly("waiter", 1000, ["sleep", "600"]), "");
    const pending = await eventually("the waiter's pending reason", () => {
      const j = state.server.scheduler.job(waiter!.id);
      return j && j.state === "Pending" && !j.reason.startsWith("queued") ? j : undefined;
    });
    expect(pending.reason).toMatch(/cpu/i);
    const startedMs = state.server.scheduler.job(holder!.id)!.startedMs;

    // Restart the scheduler on the same port and store: the running CPU-only job is adopted, not restarted,
    // and still holds the node's CPU.
    const port = Number(state.server.address.split(":")[1]);
    await state.server.close();
    state.server = await scheduler(db, port);
    const adopted = await eventually("node-a back and the holder adopted", () => {
      const j = state.server.scheduler.job(holder!.id);
      return state.server.scheduler.node("node-a")?.state === "Ready" && j?.state === "Running"
        ? j
        : undefined;
    });
    expect(adopted.attempt).toBe(1);
    expect(adopted.allocations).toEqual([expect.objectContaining({ node: "node-a", kind: "none" })]);
    expect(adopted.startedMs).toBe(startedMs);
    await new Promise((r) => setTimeout(r, 500));
    expect(state.server.scheduler.job(waiter!.id)?.state).toBe("Pending");

    // Released on end: the waiter gets the CPU.
    const restarted = new SchedulerClient(state.server.address);
    cleanups.push(() => restarted.close());
    await restarted.cancel(holder!.id, "test");
    expect((await settled(state.server, holder!.id, ["Cancelled"])).state).toBe("Cancelled");
    await settled(state.server, waiter!.id, ["Running"]);
    await restarted.cancel(waiter!.id, "test");
    await settled(state.server, waiter!.id, ["Cancelled"]);
  }, 30_000);
});
