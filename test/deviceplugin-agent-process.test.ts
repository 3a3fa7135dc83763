import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
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

const dir = mkdtempSync(join(tmpdir(), "tessera-dp-agent-"));
const pluginDir = join(dir, "device-plugins");
const kubelet = new FakeKubelet(pluginDir);
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

it("tessera agent --kubelet-dir serves the plugin and keeps a Tessera job's GPU away from Kubernetes", async () => {
  await kubelet.start();
  scheduler = await startSchedulerProcess(dir);
  agent = startAgentProcess(
    dir,
    { name: "gpu-0", models: ["H100-SXM5-80GB", "H100-SXM5-80GB"] },
    scheduler.address,
    // The job must not outlive the test.
    ["--kubelet-dir", pluginDir, "--stop-jobs-on-exit"],
  );
  await eventually(() => {
    expect(kubelet.connected("nvidia.com/gpu"), agent!.process.output).toBe(true);
    expect(kubelet.allocatable("nvidia.com/gpu")).toBe(2);
  }, 30_000);

  client = new SchedulerClient(scheduler.address);
  const job = (
    await client.submit({ name: "train", request: { whole: { gpus: 1 } }, command: ["sleep", "60"] }, "t1")
  ).job!;
  const running = await eventually(async () => {
    const j = await client!.get(job.id);
    expect(j.state).toBe("Running");
    return j;
  }, 30_000);
  const taken = running.allocations[0]!.gpuUuid;
  await eventually(
    () => expect(kubelet.devices("nvidia.com/gpu").map((d) => d.ID)).not.toContain(taken),
    10_000,
  );
  expect(kubelet.capacity("nvidia.com/gpu")).toBe(1);

  await agent.process.kill("SIGTERM");
  expect(readdirSync(pluginDir)).toEqual(["kubelet.sock"]);
  expect(existsSync(join(pluginDir, "tessera-nvidia.com_gpu.sock"))).toBe(false);
}, 90_000);
