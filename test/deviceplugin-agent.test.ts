import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureStandinLibrary } from "../node-agent/standin/StandinBuild.ts";
import { defaultDevicePluginConfig } from "../plugins/deviceplugin/DevicePluginConfig.ts";
import { type NvmlDevicePlugin, startNvmlDevicePlugin } from "../plugins/deviceplugin/NvmlDevicePlugin.ts";
import { silentLog } from "../plugins/deviceplugin/PluginLog.ts";
import type { DesiredState__Output } from "../proto/generated/tessera/v1/DesiredState.ts";
import { eventually } from "./deviceplugin-fixtures.ts";
import { FakeKubelet } from "./fake-kubelet/FakeKubelet.ts";

const cli = fileURLToPath(new URL("../bin/tessera.js", import.meta.url));
let dir: string;
let kubelet: FakeKubelet;
let plugin: NvmlDevicePlugin;
let desired: DesiredState__Output | undefined;
const fleetFile = () => join(dir, "fleet.json");
const fleet = (l4Xids: number[]) =>
  JSON.stringify({ gpus: [{ model: "H100-SXM5-80GB" }, { model: "L4-24GB", xids: l4Xids }] });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tessera-dpa-"));
  writeFileSync(fleetFile(), fleet([]));
  process.env.TESSERA_NVML_STANDIN_FLEET = fleetFile();
  process.env.TESSERA_NVML_STANDIN_STATE = join(dir, "state.json");
  kubelet = new FakeKubelet(join(dir, "device-plugins"));
  await kubelet.start();
  plugin = await startNvmlDevicePlugin({
    config: {
      ...defaultDevicePluginConfig,
      kubeletDir: join(dir, "device-plugins"),
      xidRecoverySeconds: 0.5,
      sharing: [{ gpus: ["L4-24GB"], replicas: 3 }],
    },
    desired: () => desired,
    log: silentLog,
    nvmlLibrary: ensureStandinLibrary(),
    refreshMs: 100,
  });
});

afterAll(async () => {
  await plugin?.stop();
  await kubelet?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it("advertises the agent's GPUs from NVML, follows Xids and the scheduler's assignments", async () => {
  await eventually(() => {
    expect(kubelet.capacity("nvidia.com/gpu")).toBe(1);
    expect(kubelet.allocatable("nvidia.com/gpu.shared")).toBe(3);
  });
  const [h100] = kubelet.devices("nvidia.com/gpu");
  const l4 = kubelet.devices("nvidia.com/gpu.shared")[0]!.ID.split("::")[0]!;

  // A critical Xid on the L4 (from the stand-in's fleet file) takes its shares down, then they recover.
  writeFileSync(fleetFile(), fleet([79]));
  await eventually(() => expect(kubelet.allocatable("nvidia.com/gpu.shared")).toBe(0));
  await eventually(() => expect(kubelet.allocatable("nvidia.com/gpu.shared")).toBe(3), 5000);
  expect(kubelet.capacity("nvidia.com/gpu.shared")).toBe(3);

  // The scheduler gives the H100 to a Tessera job: Kubernetes no longer sees it.
  desired = {
    generation: 2,
    gpus: [{ uuid: h100!.ID, mode: "whole", mig: [] }],
    assignments: [
      {
        jobId: "train-1",
        attempt: 1,
        command: ["python", "train.py"],
        env: {},
        workdir: "",
        image: "",
        mounts: [],
        slices: [
          { gpuUuid: h100!.ID, kind: "whole", migProfile: "", migStart: 0, shareMilli: 0, shareMemoryMib: 0 },
        ],
      },
    ],
    heartbeatMs: 0,
    leaseMs: 0,
    stops: [],
    fencingTimeoutMs: 0,
  };
  await plugin.refresh();
  await eventually(() => expect(kubelet.updates("nvidia.com/gpu").at(-1)).toEqual({ devices: [] }));
  await eventually(() =>
    expect(plugin.status().map((s) => s.resourceName)).toEqual(["nvidia.com/gpu.shared"]),
  );
  expect(l4).toMatch(/^GPU-/);
});

it("tessera device-plugin without an inventory serves the GPUs NVML shows, and stops cleanly", async () => {
  const standalone = new FakeKubelet(join(dir, "standalone"));
  await standalone.start();
  const env = {
    ...process.env,
    TESSERA_NVML_LIBRARY: ensureStandinLibrary(),
    TESSERA_NVML_STANDIN_FLEET: fleetFile(),
    TESSERA_NVML_STANDIN_STATE: join(dir, "state.json"),
  };
  const missing = spawnSync(process.execPath, [cli, "device-plugin", "--kubelet-dir", join(dir, "nowhere")], {
    env,
    encoding: "utf8",
    timeout: 20_000,
  });
  expect(missing.status).toBe(1);
  expect(missing.stderr).toContain(`kubelet device-plugin directory ${join(dir, "nowhere")} does not exist`);

  const child = spawn(
    process.execPath,
    [cli, "device-plugin", "--kubelet-dir", standalone.dir, "--naming", "tessera"],
    {
      env,
      stdio: "ignore",
    },
  );
  try {
    await eventually(() => {
      expect(standalone.capacity("tessera.io/gpu")).toBe(2);
    }, 20_000);
  } finally {
    child.kill("SIGTERM");
  }
  const code = await new Promise((resolve) => child.once("exit", resolve));
  expect(code).toBe(0);
  expect(readdirSync(standalone.dir)).toEqual(["kubelet.sock"]);
  await standalone.stop();
}, 40_000);
