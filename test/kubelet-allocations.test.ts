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
import { PodResourcesReleaser } from "../plugins/deviceplugin/PodResourcesReleaser.ts";
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

it("keeps Tessera jobs off a GPU a pod got through the kubelet, and places them once the pod ends or the GPU is no longer offered", async () => {
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
    kubeletHolds: table,
  });
  agent.start();
  cleanups.push(async () => {
    agent?.stop();
    // Jobs run in their own process groups: stop them, or they outlive the test.
    await executor.stopAll();
    executor.close();
  });
  const kubelet = new FakeKubelet(pluginDir, { podResources: true });
  await kubelet.start();
  cleanups.push(() => kubelet.stop());
  const releaser = new PodResourcesReleaser({
    socket: kubelet.podResourcesSocketPath,
    table,
    log: silentLog,
    intervalMs: 200,
    settleMs: 0,
  });
  releaser.start();
  cleanups.push(() => releaser.stop());
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

  const submit = async (name: string) =>
    (await client.submit({ name, request: { whole: { gpus: 1 } }, command: ["sh", "-c", "true"] }, name)).job!
      .id;
  const heldPod = async (deviceIds: string[]) => {
    const held = await eventually("scheduler knows the pod's GPU", () => {
      const node = server.scheduler.node("node-a");
      return node?.kubeletAllocations?.length === 1 ? node.kubeletAllocations[0] : undefined;
    });
    expect(held).toMatchObject({ resourceName: "nvidia.com/gpu", kind: "gpu", deviceIds });
  };
  const succeeded = (job: string) =>
    eventually(`${job} succeeded`, () => {
      const j = server.scheduler.job(job);
      return j?.state === "Succeeded" ? j : undefined;
    });

  // A pod gets the L4: the agent reports it and the scheduler counts it as taken.
  const pod = await kubelet.allocate("nvidia.com/gpu", 1);
  expect(pod.deviceIds).toEqual([uuid]);
  await heldPod([uuid]);
  const first = await submit("train-1");
  await new Promise((r) => setTimeout(r, 600));
  expect(server.scheduler.job(first)?.state).toBe("Pending");
  // Still listed by pod-resources while it runs: the releaser has asked and kept it.
  expect(kubelet.podResourcesLists).toBeGreaterThan(0);
  expect(table.current()).toHaveLength(1);

  // The pod's container ends: pod-resources List no longer shows the GPU, the agent releases it.
  kubelet.endContainer(pod.pod);
  expect((await succeeded(first)).allocations[0]?.gpuUuid).toBe(uuid);
  expect(server.scheduler.node("node-a")?.kubeletAllocations).toEqual([]);

  // Another pod takes it; the plugin stops offering the GPU (a device no longer advertised is not the pod's).
  const second = await kubelet.allocate("nvidia.com/gpu", 1);
  await heldPod(second.deviceIds);
  const next = await submit("train-2");
  await new Promise((r) => setTimeout(r, 600));
  expect(server.scheduler.job(next)?.state).toBe("Pending");
  slices.set({ gpus: [] });
  expect((await succeeded(next)).allocations[0]?.gpuUuid).toBe(uuid);
  expect(server.scheduler.node("node-a")?.kubeletAllocations).toEqual([]);
});

it("keeps Tessera jobs off a MIG instance a pod holds, and lets them reuse it once released", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tessera-kubelet-mig-"));
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
  // The H100 already has a 3g.40gb instance at start 4 when the agent starts; a pod holds it.
  const host = new MemoryGpuHost("node-m", ["H100-SXM5-80GB"]);
  const gpu = host.inventory()[0]!.uuid ?? "";
  host.apply(gpu, "mig", [{ profile: "3g.40gb", start: 4, size: 4 }]);
  const podInstance = host.observe()[0]!.instances![0]!.uuid!;
  const table = new KubeletAllocationTable();
  table.reportAllocation({
    resourceName: "nvidia.com/mig-3g.40gb",
    kind: "mig",
    deviceIds: [podInstance],
    gpuUuids: [gpu],
    at: new Date(),
  });
  let agent: Agent | undefined;
  const executor = new Executor({ dataDir: dir, onChange: () => agent?.onJobChange(), pollMs: 100 });
  agent = new Agent({
    scheduler: server.address,
    node: "node-m",
    dataDir: dir,
    host,
    executor,
    kubeletHolds: table,
  });
  agent.start();
  cleanups.push(async () => {
    agent?.stop();
    // Jobs run in their own process groups: stop them, or they outlive the test.
    await executor.stopAll();
    executor.close();
  });
  const client = new SchedulerClient(server.address);
  cleanups.push(() => client.close());
  await eventually("pod's instance known", () =>
    server.scheduler.node("node-m")?.kubeletAllocations?.length === 1 ? true : undefined,
  );

  const mig = (name: string) => ({
    name,
    request: { mig: { profile: "3g.40gb" } },
    command: ["sh", "-c", "sleep 30"],
  });
  const first = (await client.submit(mig("m1"), "m1")).job!.id;
  const placed = await eventually("m1 placed", () => {
    const j = server.scheduler.job(first);
    return j && j.state !== "Pending" ? j : undefined;
  });
  // Not the pod's free-looking instance at 4: a new one at 0.
  expect(placed.allocations[0]?.migStart).toBe(0);
  const second = (await client.submit(mig("m2"), "m2")).job!.id;
  await new Promise((r) => setTimeout(r, 600));
  expect(server.scheduler.job(second)?.state).toBe("Pending");

  // The pod's instance is no longer advertised: m2 reuses it.
  table.advertised(new Set());
  agent.reportNow();
  const reused = await eventually("m2 placed", () => {
    const j = server.scheduler.job(second);
    return j && j.state !== "Pending" ? j : undefined;
  });
  expect(reused.allocations[0]?.migStart).toBe(4);
});
