import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildProgram } from "../bin/cli.ts";
import { Agent } from "../node-agent/agent/Agent.ts";
import { Executor } from "../node-agent/executor/Executor.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { startSchedulerServer } from "../scheduler/service/SchedulerServer.ts";
import { eventually } from "./support/Eventually.ts";
import { MemoryGpuHost } from "./support/MemoryGpuHost.ts";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const QUEUES = `
queues:
  - {name: team-a, cohort: lab, quota: {gpus: 1}}
  - {name: team-b, cohort: lab, quota: {gpus: 1}}
priorityClasses:
  - {name: high, value: 1000, preemptionGraceSeconds: 1}
`;

describe("queueing through the scheduler service", () => {
  it("lends idle quota, reclaims it by preemption, shows queues, and reloads the config only when valid", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-queues-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const queuesFile = join(dir, "queues.yaml");
    writeFileSync(queuesFile, QUEUES);
    const server = await startSchedulerServer({
      listen: "127.0.0.1:0",
      db: join(dir, "scheduler.db"),
      policy: "best-fit",
      leaseMs: 2000,
      heartbeatMs: 300,
      lostNodePolicy: "requeue",
      queues: queuesFile,
    });
    cleanups.push(() => server.close());
    let agent: Agent | undefined;
    const executor = new Executor({
      dataDir: join(dir, "n"),
      onChange: () => agent?.onJobChange(),
      pollMs: 100,
    });
    const host = new MemoryGpuHost("node-q", ["H100-SXM5-80GB", "H100-SXM5-80GB"]);
    agent = new Agent({ scheduler: server.address, node: "node-q", dataDir: join(dir, "n"), host, executor });
    agent.start();
    cleanups.push(async () => {
      agent?.stop();
      // Jobs run in their own process groups: stop them, or they outlive the test.
      await executor.stopAll();
      executor.close();
    });
    const client = new SchedulerClient(server.address);
    cleanups.push(() => client.close());
    await eventually("node ready", () => server.scheduler.node("node-q")?.state === "Ready");

    const spec = (name: string, queue: string, extra: object = {}) => ({
      name,
      queue,
      request: { whole: { gpus: 1, requireNvlink: false } },
      command: ["sh", "-c", "sleep 60"],
      ...extra,
    });
    await expect(client.submit(spec("lost", "team-z"), "")).rejects.toThrow(
      /unknown queue "team-z"; use --queue with one of: team-a, team-b/,
    );
    await expect(client.submit(spec("gold", "team-a", { priorityClass: "gold" }), "")).rejects.toThrow(
      /unknown priority class "gold"/,
    );

    // team-a borrows team-b's idle GPU.
    const a1 = (await client.submit(spec("a1", "team-a", { requeueOnPreemption: true }), "")).job!.id;
    await eventually("a1 running", async () => (await client.get(a1)).state === "Running");
    const a2 = (await client.submit(spec("a2", "team-a", { requeueOnPreemption: true }), "")).job!.id;
    await eventually("a2 running", async () => (await client.get(a2)).state === "Running");
    const lending = await client.queues();
    expect(lending.map((q) => [q.name, q.usage.gpus ?? 0, q.borrowed.gpus ?? 0])).toEqual([
      ["team-a", 2, 1],
      ["team-b", 0, 0],
    ]);

    // team-b comes back: the borrowed job (the last started) is preempted, requeued, and b1 runs.
    const b1 = (await client.submit(spec("b1", "team-b", { priorityClass: "high" }), "")).job!.id;
    await eventually("b1 running", async () => (await client.get(b1)).state === "Running", 20_000);
    const preempted = await client.get(a2);
    expect(preempted.transitions.map((t) => t.to)).toContain("Preempted");
    expect(preempted.transitions.find((t) => t.to === "Preempted")?.reason).toContain(
      "give queue team-b its guaranteed quota back",
    );
    expect(preempted.state).toBe("Pending");
    expect(preempted.reason).toMatch(/^pending in queue team-a, position 1 of 1; waits for: /);
    expect((await client.get(a1)).state).toBe("Running");
    expect((await client.queues()).map((q) => [q.name, q.pending, q.preemptedTotal])).toEqual([
      ["team-a", 1, 1],
      ["team-b", 0, 0],
    ]);

    // An invalid config is refused as a whole with its line; the old one stays in force.
    writeFileSync(queuesFile, `${QUEUES}  - {name: low, value: lots}\n`);
    await expect(client.quota(true)).rejects.toThrow(/queues\.yaml:7:24: value must be a number, got "lots"/);
    expect((await client.quota(false)).priorityClasses.map((c) => c.name)).toEqual(["high"]);
    writeFileSync(queuesFile, `${QUEUES}  - {name: low, value: -5}\n`);
    const reloaded = await client.quota(true);
    expect(reloaded.priorityClasses.map((c) => c.name)).toEqual(["high", "low"]);
    expect(reloaded.source).toBe(queuesFile);

    // The same through the CLI: `tessera queues` and `tessera quota --json`.
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    try {
      await (await buildProgram()).parseAsync(["node", "tessera", "queues", "--scheduler", server.address]);
      await (await buildProgram()).parseAsync([
        "node",
        "tessera",
        "quota",
        "--json",
        "--scheduler",
        server.address,
      ]);
      await (await buildProgram()).parseAsync(["node", "tessera", "job", a2, "--scheduler", server.address]);
    } finally {
      write.mockRestore();
    }
    expect(out[0]).toMatch(/QUEUE\s+COHORT\s+WEIGHT\s+QUOTA\s+USAGE\s+BORROWED\s+PENDING/);
    expect(out[0]).toMatch(/team-a\s+lab\s+1\s+gpus=1\s+gpus=1\s+nothing\s+1\s+1\s+2\s+1/);
    expect(out[2]).toContain("Queueing:  priority 0, not preemptible by priority, requeued if preempted");
    expect(out[2]).toMatch(/Reason: {4}pending in queue team-a, position 1 of 1; waits for: /);
    expect(out[2]).toMatch(/Running\s+-> Preempted\s+preemption requested \(preempted to give queue team-b/);
    expect(JSON.parse(out[1] ?? "{}").priorityClasses.map((c: { name: string }) => c.name)).toEqual([
      "high",
      "low",
    ]);
  }, 60_000);
});
