import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import type { SimulatedNode } from "../scheduler/cli/SimulatedFleet.ts";
import { eventually } from "./support/Eventually.ts";
import {
  type AgentProcess,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-agent-crash-"));
const agents: AgentProcess[] = [];
let scheduler: SchedulerProcess | undefined;
afterAll(async () => {
  await Promise.all(agents.map((a) => a.process.kill()));
  await scheduler?.process.kill();
  rmSync(dir, { recursive: true, force: true });
});

const nodes: SimulatedNode[] = [
  { name: "h100-a", models: ["H100-SXM5-80GB"], mig: true },
  { name: "h100-b", models: ["H100-SXM5-80GB"], mig: true },
];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Makes the stand-in report a process on a GPU instance (or none), as a CUDA program would appear to NVML. */
function setInjectedProcess(fleetFile: string, gpuInstanceId: number | undefined): void {
  const fleet = JSON.parse(readFileSync(fleetFile, "utf8")) as { gpus: Array<Record<string, unknown>> };
  const gpu = fleet.gpus[0]!;
  if (gpuInstanceId === undefined) delete gpu.processes;
  else gpu.processes = [{ pid: 999999, usedMemoryMiB: 1024, gpuInstanceId, computeInstanceId: 0 }];
  writeFileSync(fleetFile, JSON.stringify(fleet));
}

describe("kill -9 of an agent", () => {
  it("expires the lease and requeues its job; the restarted agent is fenced and destroys no busy MIG instance", async () => {
    scheduler = await startSchedulerProcess(dir, {
      lease: "1500ms",
      heartbeat: "200ms",
      extra: ["--fencing-timeout", "2s"],
    });
    for (const node of nodes) agents.push(startAgentProcess(dir, node, scheduler.address));
    const client = new SchedulerClient(scheduler.address);
    await eventually(
      "2 Ready nodes",
      async () => (await client.nodes()).filter((n) => n.state === "Ready").length === 2 || undefined,
      30_000,
    );

    const x = (
      await client.submit(
        { name: "x", request: { mig: { profile: "3g.40gb" } }, command: ["sleep", "60"] },
        "x",
      )
    ).job!;
    const first = await eventually("x running", async () => {
      const j = await client.get(x.id);
      return j.state === "Running" ? j : undefined;
    });
    const victimNode = first.allocations[0]!.node;
    const victim = agents.find((a) => a.node.name === victimNode)!;
    const firstPid = Number(/pid (\d+)/.exec(first.transitions.at(-1)!.reason)![1]);
    const gi = (await client.nodes())
      .find((n) => n.name === victimNode)!
      .observed[0]!.instances.find((i) => i.profile === "3g.40gb")!.gpuInstanceId;
    setInjectedProcess(victim.fleetFile, gi);

    victim.process.child.kill("SIGKILL");
    const moved = await eventually(
      "x requeued onto the other node",
      async () => {
        const j = await client.get(x.id);
        return j.attempt === 2 && j.state === "Running" ? j : undefined;
      },
      20_000,
    );
    expect(moved.allocations[0]!.node).not.toBe(victimNode);
    expect(moved.transitions.map((t) => t.to)).toEqual([
      "Pending",
      "Scheduled",
      "Running",
      "Lost",
      "Pending",
      "Scheduled",
      "Running",
    ]);
    // Requeued only after the fencing timeout, by when a live agent would have stopped it.
    expect(moved.transitions[3]!.reason).toMatch(/fencing timeout/);
    const lost = (await client.nodes()).find((n) => n.name === victimNode)!;
    expect(lost.state).toBe("NotReady");
    expect(alive(firstPid)).toBe(true);

    // Restart: the agent is behind, gets the current desired state, and stops the job that now runs elsewhere.
    const restarted = startAgentProcess(dir, victim.node, scheduler.address);
    agents.push(restarted);
    await eventually("old process of x stopped", () => !alive(firstPid) || undefined, 20_000);
    await eventually(
      "node Ready again",
      async () => (await client.nodes()).find((n) => n.name === victimNode)?.state === "Ready" || undefined,
      20_000,
    );

    // A job that needs the whole GPU makes the scheduler repartition it; the busy 3g.40gb instance must survive.
    const y = (
      await client.submit({ name: "y", request: { mig: { profile: "7g.80gb" } }, command: ["true"] }, "y")
    ).job!;
    const blocked = await eventually(
      "the agent refuses to destroy the busy instance",
      async () => {
        const n = (await client.nodes()).find((node) => node.name === victimNode)!;
        return n.errors.some((e) => e.includes("999999")) ? n : undefined;
      },
      20_000,
    );
    expect(blocked.observed[0]!.instances.map((i) => i.profile)).toContain("3g.40gb");
    // The layout y needs cannot be made while the process holds the instance: the agent does not start y there
    // (it reports layout_failed), y is requeued and waits, its reason naming the GPU and why, and that GPU takes
    // no job until its agent has applied the layout (reproduction 8, the scheduler's side).
    const waiting = await eventually("y waiting for the layout", async () => {
      const j = await client.get(y.id);
      return j.state === "Pending" && /layout change that failed/.test(j.reason) ? j : undefined;
    });
    expect(waiting.reason).toMatch(/GPU \S+ of node h100-\w .*999999/);
    const history = waiting.transitions.map((t) => `${t.to}: ${t.reason}`).join("\n");
    expect(history).toMatch(/Pending: requeued: its GPU could not be given the layout it needs/);
    expect(history).not.toMatch(/Failed|Running/);

    // Once the process is gone, the level-triggered agent makes the layout, and y itself runs there.
    setInjectedProcess(victim.fleetFile, undefined);
    const done = await eventually(
      "y ran after the process left",
      async () => {
        const j = await client.get(y.id);
        return j.state === "Succeeded" ? j : undefined;
      },
      20_000,
    );
    expect(done.allocations[0]!.node).toBe(victimNode);
    expect(done.transitions.map((t) => t.to)).not.toContain("Failed");
    await client.cancel(x.id, "test over");
    await eventually("x cancelled", async () => (await client.get(x.id)).state === "Cancelled" || undefined);
    client.close();
  }, 90_000);
});
