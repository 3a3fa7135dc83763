import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Agent } from "../node-agent/agent/Agent.ts";
import { Executor } from "../node-agent/executor/Executor.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { type RunningScheduler, startSchedulerServer } from "../scheduler/service/SchedulerServer.ts";
import { eventually } from "./support/Eventually.ts";
import { MemoryGpuHost } from "./support/MemoryGpuHost.ts";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function cluster(nodes: Record<string, string[]>) {
  const dir = mkdtempSync(join(tmpdir(), "tessera-inproc-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const server: RunningScheduler = await startSchedulerServer({
    listen: "127.0.0.1:0",
    db: join(dir, "scheduler.db"),
    policy: "tessera",
    leaseMs: 2000,
    heartbeatMs: 300,
    lostNodePolicy: "requeue",
  });
  cleanups.push(() => server.close());
  const hosts = new Map<string, MemoryGpuHost>();
  for (const [name, models] of Object.entries(nodes)) {
    const host = new MemoryGpuHost(name, models);
    hosts.set(name, host);
    let agent: Agent | undefined;
    const executor = new Executor({
      dataDir: join(dir, name),
      onChange: () => agent?.onJobChange(),
      pollMs: 100,
    });
    agent = new Agent({ scheduler: server.address, node: name, dataDir: join(dir, name), host, executor });
    agent.start();
    cleanups.push(async () => {
      agent?.stop();
      // Jobs run in their own process groups: stop them, or they outlive the test.
      await executor.stopAll();
      executor.close();
    });
  }
  const client = new SchedulerClient(server.address);
  cleanups.push(() => client.close());
  return { server, client, hosts, dir };
}

const shell = (script: string) => ["sh", "-c", script];

describe("scheduler and agents in one process", () => {
  it("places a MIG job through the engine, runs it with its MIG device and records success and logs", async () => {
    const { server, client } = await cluster({ "node-a": ["H100-SXM5-80GB", "L4-24GB"] });
    await eventually("node ready", () => server.scheduler.node("node-a")?.state === "Ready");
    const { job } = await client.submit(
      {
        name: "mig-job",
        request: { mig: { profile: "3g.40gb" } },
        command: shell('echo "devices=$CUDA_VISIBLE_DEVICES"'),
      },
      "req-1",
    );
    const done = await eventually("job succeeded", () => {
      const j = server.scheduler.job(job!.id);
      return j && ["Succeeded", "Failed"].includes(j.state) ? j : undefined;
    });
    expect(done.state).toBe("Succeeded");
    expect(done.allocations[0]?.migProfile).toBe("3g.40gb");
    const mig = done.allocations[0]?.migUuid;
    expect(mig).toMatch(/^MIG-/);
    expect(readFileSync(done.logPath, "utf8")).toBe(`devices=${mig}\n`);
    const fetched: Buffer[] = [];
    await client.logs(job!.id, false, (d) => fetched.push(d));
    expect(Buffer.concat(fetched).toString()).toBe(`devices=${mig}\n`);
    const { job: ticker } = await client.submit(
      {
        name: "ticker",
        request: { mig: { profile: "1g.10gb" } },
        command: shell("for i in 1 2 3; do echo tick $i; sleep 0.2; done"),
      },
      "",
    );
    await eventually("ticker running", () => server.scheduler.job(ticker!.id)?.state === "Running");
    const followed: Buffer[] = [];
    await client.logs(ticker!.id, true, (d) => followed.push(d));
    expect(Buffer.concat(followed).toString()).toBe("tick 1\ntick 2\ntick 3\n");
    await expect(client.logs("j-none", false, () => {})).rejects.toMatchObject({ code: 5 });
    expect(done.transitions.map((t) => t.to)).toEqual(["Pending", "Scheduled", "Running", "Succeeded"]);
  });

  it("runs a shared job with MPS limits, refuses what no node could hold, cancels a running job", async () => {
    const { server, client } = await cluster({ "node-a": ["L4-24GB"] });
    await eventually("node ready", () => server.scheduler.node("node-a")?.state === "Ready");
    const { job } = await client.submit(
      {
        name: "share",
        request: { share: { gpuMilli: 250, memoryMib: 4096 } },
        command: shell('echo "$CUDA_MPS_ACTIVE_THREAD_PERCENTAGE $CUDA_MPS_PINNED_DEVICE_MEM_LIMIT"'),
      },
      "",
    );
    const done = await eventually("share done", () => {
      const j = server.scheduler.job(job!.id);
      return j?.state === "Succeeded" ? j : undefined;
    });
    expect(readFileSync(done.logPath, "utf8")).toBe("25 0=4096M\n");
    await expect(
      client.submit({ name: "big", request: { mig: { profile: "7g.80gb" } }, command: ["true"] }, ""),
    ).rejects.toMatchObject({ code: 8 });
    const { job: long } = await client.submit(
      { name: "long", request: { share: { gpuMilli: 100, memoryMib: 1024 } }, command: ["sleep", "30"] },
      "",
    );
    await eventually("running", () => server.scheduler.job(long!.id)?.state === "Running");
    await client.cancel(long!.id, "test");
    const cancelled = await eventually("cancelled", () => {
      const j = server.scheduler.job(long!.id);
      return j?.state === "Cancelled" ? j : undefined;
    });
    expect(cancelled.reason).toContain("test");
  });

  it("says why a job is pending in words: which GPUs could be repartitioned once which jobs end", async () => {
    const { server, client } = await cluster({ "node-a": ["H100-SXM5-80GB"] });
    await eventually("node ready", () => server.scheduler.node("node-a")?.state === "Ready");
    const { job: small } = await client.submit(
      { name: "small", request: { mig: { profile: "1g.10gb" } }, command: ["sleep", "30"] },
      "",
    );
    await eventually("small running", () => server.scheduler.job(small!.id)?.state === "Running");
    const { job: big } = await client.submit(
      { name: "big", request: { mig: { profile: "7g.80gb" } }, command: ["true"] },
      "",
    );
    const pending = await eventually("big has a reason", () => {
      const j = server.scheduler.job(big!.id);
      return j?.state === "Pending" && j.reason.includes("repartitioned") ? j : undefined;
    });
    expect(pending.reason).toContain("no H100-SXM5-80GB GPU has a free 7g.80gb placement");
    expect(pending.reason).toContain(`1 GPU(s) could be repartitioned once job(s) small (${small!.id}) end`);
    await client.cancel(small!.id);
    await eventually(
      "big ran after the GPU was repartitioned",
      () => server.scheduler.job(big!.id)?.state === "Succeeded",
    );
  });

  it("ends a gang only when the member on every node has exited, holding all its slices until then", async () => {
    const { server, client } = await cluster({ "node-a": ["L4-24GB"], "node-b": ["L4-24GB"] });
    await eventually(
      "nodes ready",
      () =>
        server.scheduler.node("node-b")?.state === "Ready" &&
        server.scheduler.node("node-a")?.state === "Ready",
    );
    const { job } = await client.submit(
      {
        name: "gang",
        request: { gang: { nodes: 2, gpusPerNode: 1 } },
        command: shell('case "$CUDA_VISIBLE_DEVICES" in *node-b*) sleep 0.6;; esac; echo done'),
      },
      "",
    );
    const t0 = Date.now();
    const done = await eventually("gang done", () => {
      const j = server.scheduler.job(job!.id);
      return j?.state === "Succeeded" ? j : undefined;
    });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(500);
    expect(done.reason).toBe("all 2 members exited with code 0");
    expect(new Set(done.allocations.map((a) => a.node))).toEqual(new Set(["node-a", "node-b"]));
  });

  it("streams job events, pages and filters lists, and reports capacity", async () => {
    const { server, client } = await cluster({ "node-a": ["H100-SXM5-80GB"] });
    await eventually("node ready", () => server.scheduler.node("node-a")?.state === "Ready");
    const events: string[] = [];
    const stop = client.watch(
      {},
      (e) => events.push(`${e.job?.spec?.name}:${e.job?.state}`),
      () => {},
    );
    await new Promise((r) => setTimeout(r, 100));
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { job } = await client.submit(
        {
          name: `w${i}`,
          tenant: i % 2 ? "odd" : "even",
          request: { mig: { profile: "1g.10gb" } },
          command: ["true"],
        },
        "",
      );
      ids.push(job!.id);
    }
    await eventually(
      "all succeeded",
      async () => (await client.list({ states: ["Succeeded"] })).length === 5 || undefined,
    );
    await eventually("events for every state", () => events.includes("w4:Succeeded") || undefined);
    stop();
    expect(events.filter((e) => e.startsWith("w0:"))).toEqual([
      "w0:Pending",
      "w0:Scheduled",
      "w0:Running",
      "w0:Succeeded",
    ]);
    const page = await new Promise<{ jobs: { id: string }[]; nextPageToken: string }>((resolve, reject) =>
      client.jobs.List({ pageSize: 2 }, (err, res) => (err ? reject(err) : resolve(res!))),
    );
    expect(page.jobs.map((j) => j.id)).toEqual(ids.slice(0, 2));
    expect(page.nextPageToken).not.toBe("");
    expect((await client.list()).map((j) => j.id)).toEqual(ids);
    expect((await client.list({ tenant: "odd" })).map((j) => j.spec?.name)).toEqual(["w1", "w3"]);
    await expect(client.list({ states: ["Sleeping"] })).rejects.toMatchObject({ code: 3 });
    const capacity = await client.capacity();
    expect(capacity).toMatchObject({ nodes: 1, readyNodes: 1, gpus: 1, pendingJobs: 0, runningJobs: 0 });
    expect(capacity.models[0]?.profiles.find((p) => p.profile === "7g.80gb")?.freeInstances).toBe(1);
  });
});
