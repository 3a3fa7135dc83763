import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { Agent } from "../node-agent/agent/Agent.ts";
import { Executor } from "../node-agent/executor/Executor.ts";
import { KubeletAllocationTable } from "../plugins/deviceplugin/KubeletAllocationTable.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { startSchedulerServer } from "../scheduler/service/SchedulerServer.ts";
import { eventually } from "./support/Eventually.ts";
import { MemoryGpuHost } from "./support/MemoryGpuHost.ts";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

it("keeps Tessera jobs off a GPU a pod holds through the device plugin, and places them once it is released", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tessera-kubelet-alloc-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const server = await startSchedulerServer({
    listen: "127.0.0.1:0",
    db: join(dir, "scheduler.db"),
    policy: "tessera",
    leaseMs: 2000,
    heartbeatMs: 300,
    lostNodePolicy: "requeue",
  });
  cleanups.push(() => server.close());
  const host = new MemoryGpuHost("node-a", ["L4-24GB"]);
  let agent: Agent | undefined;
  const executor = new Executor({ dataDir: dir, onChange: () => agent?.onJobChange(), pollMs: 100 });
  const table = new KubeletAllocationTable(() => agent?.reportNow());
  agent = new Agent({
    scheduler: server.address,
    node: "node-a",
    dataDir: dir,
    host,
    executor,
    kubeletAllocations: table,
  });
  agent.start();
  cleanups.push(() => {
    agent?.stop();
    executor.close();
  });
  const client = new SchedulerClient(server.address);
  cleanups.push(() => client.close());
  await eventually("node ready", () => server.scheduler.node("node-a")?.state === "Ready");

  // What the plugin's Allocate hands its sink when the kubelet gives the L4 to a pod.
  const l4 = host.inventory()[0]!.uuid;
  table.reportAllocation({
    resourceName: "nvidia.com/gpu",
    kind: "whole",
    deviceIds: [l4],
    gpuUuids: [l4],
    at: new Date(),
  });
  await eventually("scheduler knows the pod's GPU", () =>
    server.scheduler.node("node-a")?.kubeletAllocations?.length === 1 ? true : undefined,
  );
  const { job } = await client.submit(
    { name: "train", request: { whole: { gpus: 1 } }, command: ["sh", "-c", "true"] },
    "req-1",
  );
  await new Promise((r) => setTimeout(r, 500));
  expect(server.scheduler.job(job!.id)?.state).toBe("Pending");

  // The device leaves the advertised list (release rule): the job runs on it.
  table.keepAdvertised(new Set());
  const done = await eventually("job succeeded", () => {
    const j = server.scheduler.job(job!.id);
    return j?.state === "Succeeded" ? j : undefined;
  });
  expect(done.allocations[0]?.gpuUuid).toBe(l4);
});
