import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { processAlive } from "../node-agent/mps/MpsControlDaemon.ts";
import { ensureStandinMpsControl } from "../node-agent/standin/StandinBuild.ts";
import { eventually } from "./deviceplugin-fixtures.ts";
import { FakeKubelet } from "./fake-kubelet/FakeKubelet.ts";
import {
  type AgentProcess,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-mps-dp-"));
const pluginDir = join(dir, "device-plugins");
const mpsRoot = join(dir, "mps");
const mpsControl = ensureStandinMpsControl();
const kubelet = new FakeKubelet(pluginDir);
let scheduler: SchedulerProcess | undefined;
let agent: AgentProcess | undefined;

afterAll(async () => {
  await agent?.process.kill();
  await scheduler?.process.kill();
  await kubelet.stop();
  rmSync(dir, { recursive: true, force: true });
});

function daemonPid(gpu: string): number | undefined {
  const file = join(mpsRoot, gpu, "pipe", "nvidia-cuda-mps-control.pid");
  return existsSync(file) ? Number(readFileSync(file, "utf8").trim()) : undefined;
}

it("shared replicas for pods are served by the agent's MPS daemon: Allocate mounts its pipe directory and sets the replica's limits", async () => {
  await kubelet.start();
  scheduler = await startSchedulerProcess(dir);
  // An L4 is not MIG-capable: the scheduler's layout makes it shared, and the plugin splits it into 4 replicas.
  agent = startAgentProcess(dir, { name: "l4-0", models: ["L4-24GB"] }, scheduler.address, [
    "--kubelet-dir",
    pluginDir,
    "--mps-root",
    mpsRoot,
    "--mps-control",
    mpsControl,
  ]);
  await eventually(() => {
    expect(kubelet.connected("nvidia.com/gpu.shared"), agent!.process.output).toBe(true);
    expect(kubelet.allocatable("nvidia.com/gpu.shared")).toBe(4);
  }, 60_000);
  const gpu = kubelet.devices("nvidia.com/gpu.shared")[0]!.ID.split("::")[0]!;
  const pid = await eventually(() => {
    const p = daemonPid(gpu);
    expect(p !== undefined && processAlive(p), agent!.process.output).toBe(true);
    return p!;
  }, 20_000);

  const { response } = await kubelet.allocate("nvidia.com/gpu.shared", 1);
  const container = response.container_responses[0]!;
  expect(container.envs).toMatchObject({
    CUDA_MPS_PIPE_DIRECTORY: "/tmp/nvidia-mps",
    CUDA_MPS_ACTIVE_THREAD_PERCENTAGE: "25",
    CUDA_MPS_PINNED_DEVICE_MEM_LIMIT: "0=5758M",
  });
  const pipe = container.mounts.find((m) => m.container_path === "/tmp/nvidia-mps")!.host_path;
  expect(pipe).toBe(join(mpsRoot, gpu, "pipe"));
  expect(existsSync(container.mounts.find((m) => m.container_path === "/dev/shm")!.host_path)).toBe(true);
  // A client in the pod reaches the daemon through the mounted directory and sees the replica's limits as defaults.
  const ask = (command: string) =>
    execFileSync(mpsControl, [], {
      input: `${command}\n`,
      env: { ...process.env, CUDA_MPS_PIPE_DIRECTORY: pipe },
    })
      .toString()
      .trim();
  expect(ask("get_default_active_thread_percentage")).toBe("25.0");
  expect(ask("get_default_device_pinned_mem_limit 0")).toBe("5G");

  // The agent stops; a pod still holds a replica, so the daemon it uses stays (a restarted agent adopts it).
  await agent.process.kill("SIGTERM");
  expect(agent.process.output).not.toContain("stopped the MPS control daemon");
  expect(processAlive(pid)).toBe(true);
  execFileSync(mpsControl, [], { input: "quit\n", env: { ...process.env, CUDA_MPS_PIPE_DIRECTORY: pipe } });
  await eventually(() => expect(processAlive(pid)).toBe(false), 10_000);
}, 120_000);
