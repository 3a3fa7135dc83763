import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { eventually } from "./deviceplugin-fixtures.ts";
import {
  type AgentProcess,
  runTessera,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-gpu-health-"));
let scheduler: SchedulerProcess | undefined;
let agent: AgentProcess | undefined;
let client: SchedulerClient | undefined;

afterAll(async () => {
  client?.close();
  await agent?.process.kill();
  await scheduler?.process.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** `tessera nodes` as a user runs it. */
async function nodesText(address: string): Promise<string> {
  const cli = runTessera("nodes", ["nodes", "--scheduler", address]);
  await new Promise((r) => cli.child.once("exit", r));
  return cli.output;
}

it("takes a stand-in Xid all the way to the scheduler: the GPU takes no work until it recovers, and says why", async () => {
  scheduler = await startSchedulerProcess(dir);
  const config = join(dir, "device-plugin.yaml");
  // How long after its last critical Xid a GPU counts as healthy again.
  writeFileSync(config, "xidRecoverySeconds: 20\n");
  agent = startAgentProcess(dir, { name: "l4-0", models: ["L4-24GB"] }, scheduler.address, [
    "--stop-jobs-on-exit",
    "--device-plugin-config",
    config,
  ]);
  client = new SchedulerClient(scheduler.address);
  const health = async () => (await client!.nodes())[0]?.observed[0]?.health;
  await eventually(async () => expect(await health()).toBe("ok"), 60_000);

  // The stand-in NVML raises Xid 79 (fallen off the bus) on the node's only GPU.
  const fleet = JSON.parse(readFileSync(agent.fleetFile, "utf8")) as { gpus: Array<Record<string, unknown>> };
  fleet.gpus[0]!.xids = [79];
  writeFileSync(agent.fleetFile, JSON.stringify(fleet));
  await eventually(async () => expect(await health()).toBe("xid 79: fallen off the bus"), 20_000);
  expect(await nodesText(scheduler.address)).toContain("xid 79: fallen off the bus");

  const job = (
    await client.submit(
      { name: "after-xid", request: { whole: { gpus: 1 } }, command: ["sh", "-c", "echo ran"] },
      "xid-1",
    )
  ).job!;
  // While the GPU is unhealthy the job waits, and its reason says why.
  const waiting = await eventually(async () => {
    const j = await client!.get(job.id);
    expect(j.reason).toMatch(/insufficient healthy GPUs/);
    return j;
  }, 10_000);
  expect(waiting.state).toBe("Pending");

  // Past the recovery time with no new Xid, the GPU is healthy again and the job runs on it.
  await eventually(async () => expect(await health()).toBe("ok"), 30_000);
  const done = await eventually(async () => {
    const j = await client!.get(job.id);
    expect(j.state).toBe("Succeeded");
    return j;
  }, 30_000);
  expect(done.allocations[0]?.gpuUuid).toBe((await client.nodes())[0]?.gpus[0]?.uuid);
}, 150_000);
