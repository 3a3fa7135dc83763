import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { processAlive } from "../node-agent/mps/MpsControlDaemon.ts";
import { ensureStandinLibrary, ensureStandinMpsControl } from "../node-agent/standin/StandinBuild.ts";
import { writeSimulatedNode } from "../scheduler/cli/SimulatedFleet.ts";
import { eventually } from "./deviceplugin-fixtures.ts";
import { FakeKubelet } from "./fake-kubelet/FakeKubelet.ts";
import {
  type AgentProcess,
  runTessera,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
  type TesseraProcess,
} from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-mps-dp-"));
const pluginDir = join(dir, "device-plugins");
const mpsRoot = join(dir, "mps");
const mpsControl = ensureStandinMpsControl();
const kubelet = new FakeKubelet(pluginDir);
let scheduler: SchedulerProcess | undefined;
let agent: AgentProcess | undefined;
/** `tessera device-plugin` on its own (no agent), and its kubelet. */
const standaloneDir = join(dir, "standalone");
const standaloneKubelet = new FakeKubelet(join(standaloneDir, "device-plugins"));
let standalone: TesseraProcess | undefined;

afterAll(async () => {
  await standalone?.kill();
  await standaloneKubelet.stop();
  await agent?.process.kill();
  await scheduler?.process.kill();
  await kubelet.stop();
  rmSync(dir, { recursive: true, force: true });
});

function daemonPid(gpu: string, root = mpsRoot): number | undefined {
  const file = join(root, gpu, "pipe", "nvidia-cuda-mps-control.pid");
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

/** `tessera device-plugin` over the stand-in NVML's node `name`, with a sharing rule for every GPU. */
function startStandalonePlugin(
  name: string,
  extra: string[],
  env: Record<string, string> = {},
): TesseraProcess {
  const nodeDir = join(standaloneDir, name);
  mkdirSync(nodeDir, { recursive: true });
  const files = writeSimulatedNode(nodeDir, { name, models: ["L4-24GB"] });
  const config = join(nodeDir, "device-plugin.yaml");
  writeFileSync(config, "sharing:\n  - gpus: [all]\n    replicas: 4\n");
  return runTessera(
    `device-plugin ${name}`,
    [
      "device-plugin",
      "--kubelet-dir",
      join(standaloneDir, "device-plugins"),
      "--device-plugin-config",
      config,
      ...extra,
    ],
    {
      TESSERA_NVML_LIBRARY: ensureStandinLibrary(),
      TESSERA_NVML_STANDIN_FLEET: files.fleetFile,
      TESSERA_NVML_STANDIN_STATE: files.stateFile,
      ...env,
    },
  );
}

it("the standalone device plugin runs the MPS daemons of its shared GPUs itself, and says time-sliced where it has none", async () => {
  await standaloneKubelet.start();
  const root = join(standaloneDir, "mps");
  standalone = startStandalonePlugin("l4-alone", ["--mps-control", mpsControl, "--mps-root", root]);
  await eventually(() => {
    expect(standaloneKubelet.connected("nvidia.com/gpu.shared"), standalone!.output).toBe(true);
    expect(standaloneKubelet.allocatable("nvidia.com/gpu.shared")).toBe(4);
  }, 60_000);
  const gpu = standaloneKubelet.devices("nvidia.com/gpu.shared")[0]!.ID.split("::")[0]!;
  const pid = await eventually(() => {
    const p = daemonPid(gpu, root);
    expect(p !== undefined && processAlive(p), standalone!.output).toBe(true);
    return p!;
  }, 20_000);
  const { response } = await standaloneKubelet.allocate("nvidia.com/gpu.shared", 1);
  const container = response.container_responses[0]!;
  expect(container.envs).toMatchObject({
    TESSERA_SHARE_ISOLATION: "mps",
    CUDA_MPS_ACTIVE_THREAD_PERCENTAGE: "25",
    CUDA_MPS_PINNED_DEVICE_MEM_LIMIT: "0=5758M",
  });
  const pipe = container.mounts.find((m) => m.container_path === "/tmp/nvidia-mps")!.host_path;
  expect(pipe).toBe(join(root, gpu, "pipe"));
  // A client in the pod gets its replica's limits from the daemon this plugin started.
  const line = execFileSync("sh", ["-c", `${mpsControl} standin-client & sleep 0.5; kill $!`], {
    env: { ...process.env, CUDA_MPS_PIPE_DIRECTORY: pipe },
  }).toString();
  expect(line).toMatch(/^server \d+ active_thread_percentage 25\.0 device_pinned_mem_limit 5G$/m);
  expect(standalone.output).toContain(`started the MPS control daemon of ${gpu}`);

  // The plugin stops while a container holds a replica: the daemon that container uses stays.
  await standalone.kill("SIGTERM");
  expect(processAlive(pid)).toBe(true);
  execFileSync(mpsControl, [], { input: "quit\n", env: { ...process.env, CUDA_MPS_PIPE_DIRECTORY: pipe } });
  await eventually(() => expect(processAlive(pid)).toBe(false), 10_000);

  // Without a control daemon (none on PATH, no --mps-control) the replicas are time-sliced, and said so.
  standalone = startStandalonePlugin("l4-plain", [], { PATH: "/nonexistent" });
  await eventually(() => {
    expect(standalone!.output).toContain("shared replicas are time-sliced; GPU memory is not isolated");
    expect(standaloneKubelet.allocatable("nvidia.com/gpu.shared")).toBe(4);
  }, 60_000);
  const sliced = await standaloneKubelet.allocate("nvidia.com/gpu.shared", 1);
  expect(sliced.response.container_responses[0]!.envs.TESSERA_SHARE_ISOLATION).toBe("time-sliced");
  expect(sliced.response.container_responses[0]!.mounts).toEqual([]);
}, 120_000);
