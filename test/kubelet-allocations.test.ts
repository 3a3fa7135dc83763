import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { Agent } from "../node-agent/agent/Agent.ts";
import { Executor } from "../node-agent/executor/Executor.ts";
import { defaultDevicePluginConfig } from "../plugins/deviceplugin/DevicePluginConfig.ts";
import { DevicePluginManager } from "../plugins/deviceplugin/DevicePluginManager.ts";
import { KubeletAllocationTable } from "../plugins/deviceplugin/KubeletAllocationTable.ts";
import { MemorySliceInventory } from "../plugins/deviceplugin/MemorySliceInventory.ts";
import { silentLog } from "../plugins/deviceplugin/PluginLog.ts";
import type { NodeInventory } from "../plugins/deviceplugin/SliceInventory.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { startSchedulerServer } from "../scheduler/service/SchedulerServer.ts";
import { FakeKubelet } from "./fake-kubelet/FakeKubelet.ts";
import { eventually } from "./support/Eventually.ts";
import { MemoryGpuHost } from "./support/MemoryGpuHost.ts";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

it("keeps Tessera jobs off a GPU a pod got through the kubelet, and places them once the pod's hold is released", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tessera-kubelet-alloc-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const pluginDir = join(dir, "device-plugins");
  mkdirSync(pluginDir);
  const server = await startSchedulerServer({
    listen: "127.0.0.1:0",
    db: join(dir, "scheduler.db"),
    policy: "tessera",
    leaseMs: 2000,
    heartbeatMs: 300,
    lostNodePolicy: "requeue",
  });
  cleanups.push(() => server.close());

  // One L4: the agent's GPU, offered to Kubernetes whole by the node's device plugin.
  const host = new MemoryGpuHost("node-a", ["L4-24GB"]);
  const { uuid = "", memoryMib = 0, pciBusId = "" } = host.inventory()[0]!;
  const offered: NodeInventory = {
    gpus: [
      {
        uuid,
        index: 0,
        model: "L4-24GB",
        memoryMiB: memoryMib,
        pciBusId,
        numaNode: null,
        nvlinkPeers: {},
        health: "Healthy",
        use: { mode: "whole" },
      },
    ],
  };
  const slices = new MemorySliceInventory(offered);
  let agent: Agent | undefined;
  const table = new KubeletAllocationTable({
    onChange: () => agent?.reportNow(),
    path: join(dir, "kubelet-allocations.json"),
  });
  const executor = new Executor({ dataDir: dir, onChange: () => agent?.onJobChange(), pollMs: 100 });
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
  const kubelet = new FakeKubelet(pluginDir);
  await kubelet.start();
  cleanups.push(() => kubelet.stop());
  const plugin = new DevicePluginManager({
    inventory: slices,
    config: { ...defaultDevicePluginConfig, kubeletDir: pluginDir },
    log: silentLog,
    sink: table,
    resyncIntervalMs: 200,
  });
  await plugin.start();
  cleanups.push(() => plugin.stop());
  const client = new SchedulerClient(server.address);
  cleanups.push(() => client.close());
  await eventually("node ready", () => server.scheduler.node("node-a")?.state === "Ready");
  await eventually("GPU advertised", () => kubelet.allocatable("nvidia.com/gpu") === 1);

  // A pod gets the L4: the agent reports it and the scheduler counts it as taken.
  const pod = await kubelet.allocate("nvidia.com/gpu", 1);
  expect(pod.deviceIds).toEqual([uuid]);
  const held = await eventually("scheduler knows the pod's GPU", () => {
    const node = server.scheduler.node("node-a");
    return node?.kubeletAllocations?.length === 1 ? node.kubeletAllocations[0] : undefined;
  });
  expect(held).toMatchObject({ resourceName: "nvidia.com/gpu", kind: "gpu", deviceIds: [uuid] });
  const { job } = await client.submit(
    { name: "train", request: { whole: { gpus: 1 } }, command: ["sh", "-c", "true"] },
    "req-1",
  );
  await new Promise((r) => setTimeout(r, 600));
  expect(server.scheduler.job(job!.id)?.state).toBe("Pending");

  // The plugin stops offering the GPU (release rule: a device no longer advertised is no longer the pod's).
  slices.set({ gpus: [] });
  const done = await eventually("job succeeded", () => {
    const j = server.scheduler.job(job!.id);
    return j?.state === "Succeeded" ? j : undefined;
  });
  expect(done.allocations[0]?.gpuUuid).toBe(uuid);
  expect(server.scheduler.node("node-a")?.kubeletAllocations).toEqual([]);
});
