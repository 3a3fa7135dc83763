import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { eventually } from "./support/Eventually.ts";
import {
  type AgentProcess,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-agent-adopt-"));
const agents: AgentProcess[] = [];
let scheduler: SchedulerProcess | undefined;
let client: SchedulerClient | undefined;
const previousQemu = process.env.TESSERA_QEMU;

afterAll(async () => {
  client?.close();
  await Promise.all(agents.map((a) => a.process.kill()));
  await scheduler?.process.kill();
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

it("an agent restarted at once after kill -9 adopts its running job before its slow VM probe ends", async () => {
  // The VM runtime probe takes 30 s, longer than the 20 s lease (which leaves time for the agent process itself to
  // start on a busy machine): an agent that probed before connecting would come back after its lease expired, and
  // its job would be run again elsewhere.
  const slowQemu = join(dir, "slow-qemu");
  writeFileSync(slowQemu, "#!/bin/sh\nsleep 30\nexit 1\n");
  chmodSync(slowQemu, 0o755);
  process.env.TESSERA_QEMU = slowQemu;
  scheduler = await startSchedulerProcess(dir, { lease: "20s", heartbeat: "200ms" });
  const node = { name: "l4-a", models: ["L4-24GB"] };
  const first = startAgentProcess(dir, node, scheduler.address);
  agents.push(first);
  agents.push(startAgentProcess(dir, { name: "l4-b", models: ["L4-24GB"] }, scheduler.address));
  client = new SchedulerClient(scheduler.address);
  const c = client;
  await eventually(
    "2 Ready nodes",
    async () => (await c.nodes()).filter((n) => n.state === "Ready").length === 2 || undefined,
    30_000,
  );
  const job = (
    await c.submit({ name: "keep", request: { whole: { gpus: 1 } }, command: ["sleep", "60"] }, "keep")
  ).job!;
  const running = await eventually("keep running", async () => {
    const j = await c.get(job.id);
    return j.state === "Running" ? j : undefined;
  });
  const victim = agents.find((a) => a.node.name === running.allocations[0]!.node)!;
  const pid = Number(/pid (\d+)/.exec(running.transitions.at(-1)!.reason)![1]);

  victim.process.child.kill("SIGKILL");
  await eventually("agent gone", () => !victim.process.running || undefined);
  const restarted = startAgentProcess(dir, victim.node, scheduler.address);
  agents.push(restarted);
  // Connected (and its job adopted) before the probe ended; then, past the probe: the same attempt, never Lost.
  await restarted.process.waitFor(/connected to/, 30_000);
  expect(restarted.process.output).not.toMatch(/VM runtime qemu/);
  await restarted.process.waitFor(/VM runtime qemu: not runnable/, 60_000);
  const after = await c.get(job.id);
  expect(after.transitions.map((t) => `${t.to}: ${t.reason}`).join("\n")).not.toContain("Lost");
  expect(after.state).toBe("Running");
  expect(after.attempt).toBe(1);
  expect(after.transitions.map((t) => t.to)).not.toContain("Lost");
  expect(alive(pid)).toBe(true);
  const n = (await c.nodes()).find((x) => x.name === victim.node.name)!;
  expect(n.state).toBe("Ready");
}, 150_000);
