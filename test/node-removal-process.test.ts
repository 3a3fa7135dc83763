import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { eventually } from "./support/Eventually.ts";
import {
  type AgentProcess,
  runTessera,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

// Departed nodes through real processes: `tessera nodes remove NAME` (admin only, audited, refused while the
// agent is connected or jobs still hold slices there) and `--node-expiry`.
const dir = mkdtempSync(join(tmpdir(), "tessera-node-removal-"));
const adminToken = "admin-token-0123456789";
const viewerToken = "viewer-token-0123456789";
const agentToken = "agent-token-0123456789";
const adminTokenFile = join(dir, "admin.token");
const agents: AgentProcess[] = [];
let scheduler: SchedulerProcess | undefined;
const clients: SchedulerClient[] = [];

afterAll(async () => {
  for (const c of clients) c.close();
  await Promise.all(agents.map((a) => a.process.kill("SIGKILL")));
  await scheduler?.process.kill();
  rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
});

function client(token: string): SchedulerClient {
  const c = new SchedulerClient(scheduler!.address, token);
  clients.push(c);
  return c;
}

async function nodeState(c: SchedulerClient, name: string): Promise<string | undefined> {
  return (await c.nodes()).find((n) => n.name === name)?.state;
}

function refusal(promise: Promise<unknown>): Promise<Error | undefined> {
  return promise.then(
    () => undefined,
    (err: Error) => err,
  );
}

describe("departed nodes", () => {
  it("are removed by hand by an admin (not while connected or holding jobs), and on their own after --node-expiry", async () => {
    writeFileSync(adminTokenFile, adminToken);
    const credentials = join(dir, "users.yaml");
    // With a credentials file, agents act only with an agent token for their nodes (never a user's token).
    const agentTokenFile = join(dir, "agent.token");
    writeFileSync(agentTokenFile, agentToken);
    writeFileSync(
      credentials,
      `users:\n  - { name: vera, token: ${viewerToken}, role: viewer, tenants: [default] }\n` +
        `  - { name: rack, token: ${agentToken}, role: agent, nodes: [l4-a, l4-b] }\n`,
    );
    scheduler = await startSchedulerProcess(dir, {
      lease: "1500ms",
      heartbeat: "200ms",
      extra: [
        ...["--fencing-timeout", "2s", "--node-expiry", "3s"],
        ...["--token-file", adminTokenFile, "--credentials", credentials],
      ],
    });
    for (const name of ["l4-a", "l4-b"]) {
      agents.push(
        startAgentProcess(dir, { name, models: ["L4-24GB"] }, scheduler.address, [
          "--token-file",
          agentTokenFile,
        ]),
      );
    }
    const admin = client(adminToken);
    await eventually(
      "2 Ready nodes",
      async () => (await admin.nodes()).filter((n) => n.state === "Ready").length === 2 || undefined,
      45_000,
    );
    const { job } = await admin.submit(
      { name: "hold", request: { whole: { gpus: 1 } }, command: ["sleep", "120"] },
      "hold",
    );
    const running = await eventually(
      "hold Running",
      async () => {
        const j = await admin.get(job!.id);
        return j.state === "Running" ? j : undefined;
      },
      30_000,
    );
    const busy = agents.find((a) => a.node.name === running.allocations[0]!.node)!;
    const idle = agents.find((a) => a !== busy)!;

    // A node whose agent is connected is not removed (through the CLI: it says why and exits 1).
    const cli = runTessera("nodes remove", [
      ...["nodes", "remove", idle.node.name],
      ...["--scheduler", scheduler.address, "--token-file", adminTokenFile],
    ]);
    await cli.exit();
    expect(cli.child.exitCode).toBe(1);
    expect(cli.output).toMatch(/agent is connected: stop the agent on that host first/);

    // Its agent gone, the idle node is removed by an admin (a viewer may not), and that is audited.
    await idle.process.kill("SIGKILL");
    await eventually(
      `${idle.node.name} NotReady`,
      async () => (await nodeState(admin, idle.node.name)) === "NotReady" || undefined,
    );
    const denied = await refusal(client(viewerToken).removeNode(idle.node.name));
    expect(denied?.message).toMatch(/removing a node needs the admin role; vera is a viewer/);
    const removed = await admin.removeNode(idle.node.name);
    expect(removed).toMatchObject({ name: idle.node.name, state: "NotReady" });
    expect(await nodeState(admin, idle.node.name)).toBeUndefined();
    const audit = await admin.audit(50);
    expect(audit.some((e) => e.action === "node-remove" && e.target === idle.node.name)).toBe(true);

    // A departed node that still holds a job is not removed by hand: it names the job.
    await busy.process.kill("SIGKILL");
    await eventually(
      `${busy.node.name} NotReady`,
      async () => (await nodeState(admin, busy.node.name)) === "NotReady" || undefined,
    );
    const holding = await refusal(admin.removeNode(busy.node.name));
    expect(holding?.message).toContain(
      `node ${busy.node.name} still holds 1 active job(s): ${job!.id} (Running)`,
    );
    // (A killed agent cannot stop its job; here the test does, as the rule expects of an agent.)
    const pid = Number(/pid (\d+)/.exec(running.transitions.at(-1)!.reason)![1]);
    process.kill(-pid, "SIGKILL");

    // After the fencing timeout its job is requeued; with nothing left on it, the node expires on its own.
    await eventually(
      `${busy.node.name} removed after --node-expiry`,
      async () => (await nodeState(admin, busy.node.name)) === undefined || undefined,
      20_000,
    );
    expect((await admin.get(job!.id)).state).toBe("Pending");
    expect(scheduler.process.output).toMatch(
      new RegExp(`node ${busy.node.name}: removed: its agent has been gone for the node expiry`),
    );
  }, 150_000);
});
