import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { eventually } from "./deviceplugin-fixtures.ts";
import { FakeKubelet } from "./fake-kubelet/FakeKubelet.ts";
import {
  type AgentProcess,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-kubelet-hold-"));
const pluginDir = join(dir, "device-plugins");
const kubelet = new FakeKubelet(pluginDir, { podResources: true });
let scheduler: SchedulerProcess | undefined;
let agent: AgentProcess | undefined;
let client: SchedulerClient | undefined;

afterAll(async () => {
  client?.close();
  await agent?.process.kill();
  await scheduler?.process.kill();
  await kubelet.stop();
  rmSync(dir, { recursive: true, force: true });
});

it("tessera agent reports a pod's GPU to the scheduler, which keeps Tessera jobs off it across an agent restart until the pod ends", async () => {
  await kubelet.start();
  scheduler = await startSchedulerProcess(dir);
  const node = { name: "gpu-0", models: ["H100-SXM5-80GB"] };
  const flags = ["--kubelet-dir", pluginDir, "--stop-jobs-on-exit"];
  agent = startAgentProcess(dir, node, scheduler.address, flags);
  await eventually(
    () => expect(kubelet.allocatable("nvidia.com/gpu"), agent!.process.output).toBe(1),
    30_000,
  );

  const pod = await kubelet.allocate("nvidia.com/gpu", 1);
  const table = join(agent.dataDir, "kubelet-allocations.json");
  await eventually(() => expect(existsSync(table)).toBe(true));
  expect(JSON.parse(readFileSync(table, "utf8"))).toMatchObject([
    { resourceName: "nvidia.com/gpu", kind: "gpu", deviceIds: pod.deviceIds },
  ]);

  client = new SchedulerClient(scheduler.address);
  const job = (
    await client.submit({ name: "train", request: { whole: { gpus: 1 } }, command: ["sleep", "60"] }, "t1")
  ).job!;
  const pending = await eventually(async () => {
    const j = await client!.get(job.id);
    expect(j.reason).toMatch(/^pending/);
    return j;
  }, 10_000);
  expect(pending.state).toBe("Pending");

  // The agent restarts: the kubelet does not call Allocate again, the table on disk keeps the hold.
  await agent.process.kill("SIGTERM");
  agent = startAgentProcess(dir, node, scheduler.address, flags);
  await eventually(
    () => expect(kubelet.allocatable("nvidia.com/gpu"), agent!.process.output).toBe(1),
    30_000,
  );
  await new Promise((r) => setTimeout(r, 1500));
  expect((await client.get(job.id)).state).toBe("Pending");

  // The pod ends: the agent's next pod-resources List (every 5 s) no longer shows the GPU, the job runs there.
  kubelet.endContainer(pod.pod);
  await eventually(async () => expect((await client!.get(job.id)).state).toBe("Running"), 30_000);
  expect(JSON.parse(readFileSync(table, "utf8"))).toEqual([]);
}, 90_000);
