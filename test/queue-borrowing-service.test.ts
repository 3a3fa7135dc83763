import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { buildProgram } from "../bin/cli.ts";
import { Agent } from "../node-agent/agent/Agent.ts";
import { Executor } from "../node-agent/executor/Executor.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { startScheduler } from "../scheduler/cli/SchedulerCommand.ts";
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
  - {name: high, value: 1000, preemptionGraceSeconds: 30}
  - {name: batch, value: 0, preemptionGraceSeconds: 2}
`;

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

it("says whose quota a borrowing job uses (tessera job, GET /v1/queues) and gives a preempted job its class's grace", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tessera-borrow-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const queuesFile = join(dir, "queues.yaml");
  writeFileSync(queuesFile, QUEUES);
  const started = await startScheduler(
    {
      listen: "127.0.0.1:0",
      http: "127.0.0.1:0",
      db: join(dir, "scheduler.db"),
      lease: "2s",
      heartbeat: "300ms",
      policy: "best-fit",
      queues: queuesFile,
    },
    () => {},
  );
  cleanups.push(() => started.stop());
  const address = started.running.address;
  // The agent's own default grace is short, so only the grace sent with the stop can keep the job alive longer.
  let agent: Agent | undefined;
  const executor = new Executor({
    dataDir: join(dir, "n"),
    onChange: () => agent?.onJobChange(),
    pollMs: 100,
    stopGraceMs: 200,
  });
  const host = new MemoryGpuHost("node-q", ["H100-SXM5-80GB", "H100-SXM5-80GB"]);
  agent = new Agent({ scheduler: address, node: "node-q", dataDir: join(dir, "n"), host, executor });
  agent.start();
  cleanups.push(async () => {
    agent?.stop();
    // Jobs run in their own process groups: stop them, or they outlive the test.
    await executor.stopAll();
    executor.close();
  });
  const client = new SchedulerClient(address);
  cleanups.push(() => client.close());
  await eventually("node ready", () => started.running.scheduler.node("node-q")?.state === "Ready");

  const spec = (name: string, queue: string, command: string, extra: object = {}) => ({
    name,
    queue,
    request: { whole: { gpus: 1, requireNvlink: false } },
    command: ["sh", "-c", command],
    ...extra,
  });
  // a2 ignores SIGTERM: only SIGKILL ends it. Its class gives it 2 s of grace when preempted.
  const a1 = (await client.submit(spec("a1", "team-a", "sleep 60"), "")).job!.id;
  await eventually("a1 running", async () => (await client.get(a1)).state === "Running");
  const a2 = (
    await client.submit(
      spec("a2", "team-a", "trap '' TERM; while :; do sleep 0.05; done", { priorityClass: "batch" }),
      "",
    )
  ).job!.id;
  await eventually("a2 running", async () => (await client.get(a2)).state === "Running");
  const borrowed = await eventually("a2 says it borrows", async () => {
    const j = await client.get(a2);
    return j.reason.includes("borrowed") ? j : undefined;
  });
  expect(borrowed.reason).toBe(
    "admitted to queue team-a on capacity borrowed from the quota of queue team-b (cohort lab); it can reclaim it",
  );
  expect((await client.get(a1)).reason).not.toContain("borrowed");

  const out: string[] = [];
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  try {
    await (await buildProgram()).parseAsync(["node", "tessera", "job", a2, "--scheduler", address]);
    await (await buildProgram()).parseAsync(["node", "tessera", "queues", "--json", "--scheduler", address]);
  } finally {
    write.mockRestore();
  }
  expect(out[0]).toContain(
    "Reason:    admitted to queue team-a on capacity borrowed from the quota of queue team-b",
  );
  const viaHttp = await fetch(`${started.httpUrl}/v1/queues`);
  expect(viaHttp.status).toBe(200);
  const body = (await viaHttp.json()) as { queues: unknown[] };
  expect(body.queues).toEqual(JSON.parse(out[1] ?? "[]"));
  expect(body.queues).toMatchObject([
    { name: "team-a", cohort: "lab", usage: { gpus: 2 }, borrowed: { gpus: 1 }, running: 2 },
    { name: "team-b", cohort: "lab", usage: {}, borrowed: {}, running: 0 },
  ]);
  const openapi = (await (await fetch(`${started.httpUrl}/openapi.json`)).json()) as { paths: object };
  expect(Object.keys(openapi.paths)).toContain("/v1/queues");

  // team-b reclaims its GPU: a2 is preempted and gets its own class's 2 s grace (not the preemptor's 30 s).
  const pid = executor.get(a2, 1)!.pid;
  await client.submit(spec("b1", "team-b", "sleep 60", { priorityClass: "high" }), "");
  await eventually("a2 asked to stop", async () => (await client.get(a2)).reason.includes("graceful stop"));
  const askedAt = Date.now();
  await new Promise((r) => setTimeout(r, 1000));
  expect(groupAlive(pid)).toBe(true);
  await eventually("a2 killed", () => !groupAlive(pid), 5000);
  expect(Date.now() - askedAt).toBeGreaterThanOrEqual(1000);
}, 60_000);
