import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as grpc from "@grpc/grpc-js";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KubeletAllocation } from "../plugins/deviceplugin/AllocationSink.ts";
import { defaultDevicePluginConfig } from "../plugins/deviceplugin/DevicePluginConfig.ts";
import { DevicePluginManager } from "../plugins/deviceplugin/DevicePluginManager.ts";
import { MemorySliceInventory } from "../plugins/deviceplugin/MemorySliceInventory.ts";
import { silentLog } from "../plugins/deviceplugin/PluginLog.ts";
import type { NodeInventory } from "../plugins/deviceplugin/SliceInventory.ts";
import { XidHealthInventory } from "../plugins/deviceplugin/XidHealthInventory.ts";
import { devicePluginService, registrationService } from "../proto/k8s/DevicePluginApi.ts";
import { eventually, exampleInventory, migUuids, uuids } from "./deviceplugin-fixtures.ts";
import { FakeKubelet } from "./fake-kubelet/FakeKubelet.ts";

const cli = fileURLToPath(new URL("../bin/tessera.js", import.meta.url));
let dir: string;
let kubelet: FakeKubelet;
let inventory: MemorySliceInventory;
let health: XidHealthInventory;
let manager: DevicePluginManager;
let reports: KubeletAllocation[];

function startPlugin(): Promise<void> {
  manager = new DevicePluginManager({
    rejectedRetryMs: 300,
    inventory: health,
    config: { ...defaultDevicePluginConfig, kubeletDir: dir, mpsRoot: "/run/tessera/mps" },
    log: silentLog,
    sink: { reportAllocation: (a) => reports.push(a) },
    resyncIntervalMs: 200,
  });
  return manager.start();
}

const ALL_RESOURCES = [
  "nvidia.com/H100_SXM5_80GB",
  "nvidia.com/gpu",
  "nvidia.com/gpu.shared",
  "nvidia.com/mig-1g.10gb",
  "nvidia.com/mig-3g.40gb",
];

async function registered(): Promise<void> {
  await eventually(() => {
    for (const name of ALL_RESOURCES) expect(kubelet.connected(name), name).toBe(true);
    expect(kubelet.capacity("nvidia.com/gpu")).toBe(4);
  });
}

function grpcError(error: unknown): { code: number; details: string } {
  const e = error as grpc.ServiceError;
  return { code: e.code, details: e.details };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "tessera-dp-"));
  kubelet = new FakeKubelet(dir, { gracePeriodMs: 300, dialTimeoutMs: 1000 });
  await kubelet.start();
  inventory = new MemorySliceInventory(exampleInventory());
  health = new XidHealthInventory(inventory, { ignoredXids: [13, 31, 43], recoveryMs: 400 });
  reports = [];
  await startPlugin();
});

afterEach(async () => {
  await manager.stop();
  health.close();
  await kubelet.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("device plugin against the fake kubelet", () => {
  it("registers one plugin per resource with the full device lists and options", async () => {
    await registered();
    expect(kubelet.resources()).toEqual(ALL_RESOURCES);
    expect(kubelet.registrations.every((r) => r.version === "v1beta1")).toBe(true);
    const gpu = kubelet.registrations.find((r) => r.resource_name === "nvidia.com/gpu")!;
    expect(gpu.endpoint).toBe("tessera-nvidia.com_gpu.sock");
    expect(gpu.options).toEqual({ pre_start_required: false, get_preferred_allocation_available: true });
    expect(kubelet.options("nvidia.com/gpu")).toEqual(gpu.options);
    expect(kubelet.devices("nvidia.com/gpu")).toEqual(
      uuids.h100.map((id, i) => ({
        ID: id,
        health: "Healthy",
        topology: { nodes: [{ ID: i < 2 ? 0 : 1 }] },
      })),
    );
    expect(kubelet.devices("nvidia.com/mig-1g.10gb").map((d) => d.ID)).toEqual([
      migUuids.small0,
      migUuids.small1,
    ]);
    expect(kubelet.devices("nvidia.com/gpu.shared").map((d) => d.ID)).toEqual(
      [0, 1, 2, 3].map((n) => `${uuids.l4}::${n}`),
    );
    expect(kubelet.devices("nvidia.com/gpu.shared")[0]!.topology).toBeNull();
    expect(kubelet.devices("nvidia.com/H100_SXM5_80GB").map((d) => d.ID)).toEqual(["0000:65:00.0"]);
    await eventually(() => expect(manager.status().every((s) => s.registered)).toBe(true));
  });

  it("allocates NVLink-connected GPUs, MIG, shares with MPS limits and VFIO GPUs, and reports each", async () => {
    await registered();
    // Take GPU 0 alone first: a pair must then come from the still-intact NVLink pair 2-3.
    const one = await kubelet.allocate("nvidia.com/gpu", 1);
    const pair = await kubelet.allocate("nvidia.com/gpu", 2);
    expect(pair.deviceIds.sort()).toEqual([uuids.h100[2], uuids.h100[3]]);
    expect(pair.response.container_responses[0]!.envs).toEqual({
      NVIDIA_VISIBLE_DEVICES: pair.deviceIds.join(","),
    });

    const mig = await kubelet.allocate("nvidia.com/mig-3g.40gb", 1);
    expect(mig.response.container_responses[0]!.envs.NVIDIA_VISIBLE_DEVICES).toBe(migUuids.big);

    const share = await kubelet.allocate("nvidia.com/gpu.shared", 1);
    const shareResponse = share.response.container_responses[0]!;
    expect(shareResponse.envs).toEqual({
      NVIDIA_VISIBLE_DEVICES: uuids.l4,
      CUDA_MPS_PIPE_DIRECTORY: "/tmp/nvidia-mps",
      CUDA_MPS_PINNED_DEVICE_MEM_LIMIT: "0=5632M",
      CUDA_MPS_ACTIVE_THREAD_PERCENTAGE: "25",
      TESSERA_SHARE_ISOLATION: "mps",
    });
    expect(shareResponse.mounts).toEqual([
      { container_path: "/tmp/nvidia-mps", host_path: `/run/tessera/mps/${uuids.l4}/pipe`, read_only: false },
      { container_path: "/dev/shm", host_path: "/run/tessera/mps/shm", read_only: false },
    ]);

    const vm = await kubelet.allocate("nvidia.com/H100_SXM5_80GB", 1);
    expect(vm.response.container_responses[0]).toEqual({
      envs: { PCI_RESOURCE_NVIDIA_COM_H100_SXM5_80GB: "0000:65:00.0" },
      mounts: [],
      devices: [
        { container_path: "/dev/vfio/vfio", host_path: "/dev/vfio/vfio", permissions: "mrw" },
        { container_path: "/dev/vfio/42", host_path: "/dev/vfio/42", permissions: "mrw" },
      ],
      annotations: {},
      cdi_devices: [],
    });

    expect(reports.map((r) => [r.resourceName, r.deviceIds])).toEqual([
      ["nvidia.com/gpu", one.deviceIds],
      ["nvidia.com/gpu", pair.deviceIds],
      ["nvidia.com/mig-3g.40gb", [migUuids.big]],
      ["nvidia.com/gpu.shared", share.deviceIds],
      ["nvidia.com/H100_SXM5_80GB", ["0000:65:00.0"]],
    ]);
    expect(reports[3]!.gpuUuids).toEqual([uuids.l4]);
  });

  it("follows a MIG layout change without a restart and leaves no stale resource", async () => {
    await registered();
    const next: NodeInventory = exampleInventory();
    const a100 = next.gpus[4]!;
    a100.use = {
      mode: "mig",
      instances: [
        {
          uuid: migUuids.small0,
          profile: "1g.10gb",
          gpuInstanceId: 9,
          computeInstanceId: 0,
          health: "Healthy",
        },
        {
          uuid: migUuids.medium,
          profile: "2g.20gb",
          gpuInstanceId: 5,
          computeInstanceId: 0,
          health: "Healthy",
        },
      ],
    };
    inventory.set(next);
    await eventually(() => {
      expect(kubelet.devices("nvidia.com/mig-1g.10gb").map((d) => d.ID)).toEqual([migUuids.small0]);
      expect(kubelet.devices("nvidia.com/mig-2g.20gb").map((d) => d.ID)).toEqual([migUuids.medium]);
      // The 3g.40gb plugin announced an empty list before going away.
      expect(kubelet.updates("nvidia.com/mig-3g.40gb").at(-1)).toEqual({ devices: [] });
    });
    expect(kubelet.capacity("nvidia.com/mig-3g.40gb")).toBe(0);
    expect(existsSync(join(dir, "tessera-nvidia.com_mig-3g.40gb.sock"))).toBe(false);
    await eventually(() => expect(kubelet.resources()).not.toContain("nvidia.com/mig-3g.40gb"));
    await expect(kubelet.allocateIds("nvidia.com/mig-1g.10gb", [migUuids.small1])).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
    });
  });

  it("marks a device unhealthy on a critical Xid and healthy again after the recovery window", async () => {
    await registered();
    expect(health.recordXid({ gpuUuid: uuids.h100[1], xid: 13 })).toBe(false);
    expect(health.recordXid({ gpuUuid: uuids.h100[1], xid: 79 })).toBe(true);
    await eventually(() => {
      expect(kubelet.devices("nvidia.com/gpu")[1]!.health).toBe("Unhealthy");
      expect(kubelet.allocatable("nvidia.com/gpu")).toBe(3);
    });
    await expect(kubelet.allocateIds("nvidia.com/gpu", [uuids.h100[1]])).rejects.toMatchObject({
      code: grpc.status.FAILED_PRECONDITION,
    });
    // An Xid scoped to GPU instance 10 takes down that MIG device only.
    health.recordXid({ gpuUuid: uuids.a100, xid: 94, gpuInstanceId: 10, computeInstanceId: 0 });
    await eventually(() =>
      expect(kubelet.devices("nvidia.com/mig-1g.10gb").map((d) => d.health)).toEqual([
        "Healthy",
        "Unhealthy",
      ]),
    );
    await eventually(() => {
      expect(kubelet.allocatable("nvidia.com/gpu")).toBe(4);
      expect(kubelet.allocatable("nvidia.com/mig-1g.10gb")).toBe(2);
    }, 3000);
    // Agent health: all down while NVML is lost, all back after.
    health.setAgentHealth("NVML_ERROR_GPU_IS_LOST");
    await eventually(() => expect(kubelet.allocatable("nvidia.com/gpu.shared")).toBe(0));
    health.setAgentHealth(null);
    await eventually(() => expect(kubelet.allocatable("nvidia.com/gpu.shared")).toBe(4));
  });

  it("re-registers when the kubelet restarts and deletes the plugin sockets", async () => {
    await registered();
    const before = kubelet.registrations.length;
    await kubelet.restart();
    expect(readdirSync(dir)).toEqual(["kubelet.sock"]);
    expect(kubelet.capacity("nvidia.com/gpu")).toBe(0);
    await registered();
    expect(kubelet.registrations.length - before).toBe(ALL_RESOURCES.length);
    const { deviceIds } = await kubelet.allocate("nvidia.com/gpu", 1);
    expect(deviceIds).toHaveLength(1);
  });

  it("removes its sockets on stop, and a restarted plugin replaces the endpoint with its full list", async () => {
    await registered();
    await manager.stop();
    expect(readdirSync(dir)).toEqual(["kubelet.sock"]);
    await eventually(() => {
      expect(kubelet.connected("nvidia.com/gpu")).toBe(false);
      expect(kubelet.allocatable("nvidia.com/gpu")).toBe(0);
    });
    await expect(kubelet.allocate("nvidia.com/gpu", 1)).rejects.toThrow(/has been stopped/);
    await startPlugin();
    await registered();
    expect(kubelet.allocatable("nvidia.com/gpu")).toBe(4);
  });

  it("registers once a kubelet appears after the plugin started", async () => {
    await registered();
    await manager.stop();
    await kubelet.stop();
    await startPlugin();
    expect(readdirSync(dir).sort()).toEqual(
      ALL_RESOURCES.map((r) => `tessera-${r.replace("/", "_")}.sock`).sort(),
    );
    expect(manager.status().every((s) => !s.registered)).toBe(true);
    await kubelet.start();
    await registered();
  });

  it("asks again after a while when the kubelet refuses a registration, and says why meanwhile", async () => {
    await registered();
    await manager.stop();
    kubelet.refuseRegistrations = ALL_RESOURCES.length;
    await startPlugin();
    await eventually(() =>
      expect(manager.status().find((s) => s.resourceName === "nvidia.com/gpu")).toMatchObject({
        registered: false,
        lastError: expect.stringContaining("failed to dial device plugin"),
      }),
    );
    await registered();
    // The plugin records success when Register returns, just after the kubelet opened ListAndWatch.
    await eventually(() =>
      expect(manager.status().every((s) => s.registered && s.lastError === null)).toBe(true),
    );
  });

  it("answers bad input with clear gRPC errors and keeps serving", async () => {
    await registered();
    const unknown = await kubelet.allocateIds("nvidia.com/gpu", ["GPU-nope"]).catch(grpcError);
    expect(unknown).toEqual({
      code: grpc.status.INVALID_ARGUMENT,
      details: expect.stringContaining('unknown device ID "GPU-nope"; this node advertises 4:'),
    });
    const garbage = await kubelet
      .rawCall("nvidia.com/gpu", "Allocate", Buffer.from([0x0a, 0xff, 0xff]))
      .catch(grpcError);
    expect(garbage).toEqual({
      code: grpc.status.INVALID_ARGUMENT,
      details: expect.stringMatching(
        /^nvidia.com\/gpu: malformed AllocateRequest: .+; send a v1beta1.AllocateRequest$/,
      ),
    });
    const empty = await kubelet.rawCall("nvidia.com/gpu", "Allocate", Buffer.alloc(0)).catch(grpcError);
    expect(empty).toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      details: expect.stringContaining("no container_requests"),
    });
    const twoShares = await kubelet
      .allocateIds("nvidia.com/gpu.shared", [`${uuids.l4}::0`, `${uuids.l4}::1`])
      .catch(grpcError);
    expect(twoShares).toEqual({
      code: grpc.status.INVALID_ARGUMENT,
      details: expect.stringContaining("maximum request size for shared resources on"),
    });
    const repeated = await kubelet
      .allocateIds("nvidia.com/gpu", [uuids.h100[0], uuids.h100[0]])
      .catch(grpcError);
    expect(repeated).toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      details: expect.stringContaining("requested more than once"),
    });
    const preferred = await kubelet
      .rawCall(
        "nvidia.com/gpu",
        "GetPreferredAllocation",
        devicePluginService.GetPreferredAllocation.requestSerialize({
          container_requests: [
            { available_deviceIDs: [uuids.h100[0]], must_include_deviceIDs: [], allocation_size: 3 },
          ],
        }),
      )
      .catch(grpcError);
    expect(preferred).toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      details: expect.stringContaining("cannot pick 3"),
    });
    // Random bytes: every one is refused as INVALID_ARGUMENT, none breaks the server.
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), async (bytes) => {
        const outcome = await kubelet
          .rawCall("nvidia.com/gpu", "Allocate", Buffer.from(bytes))
          .catch(grpcError);
        expect(outcome).toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
      }),
      { numRuns: 60 },
    );
    // Still serving.
    const ok = await kubelet.allocate("nvidia.com/gpu", 1);
    expect(ok.response.container_responses).toHaveLength(1);
    expect(kubelet.connected("nvidia.com/gpu")).toBe(true);
  });
});

describe("tessera device-plugin", () => {
  it("refuses a bad inventory file with the key to fix and exit status 1", async () => {
    const inventory = join(dir, "inventory.yaml");
    writeFileSync(
      inventory,
      "gpus:\n  - uuid: GPU-1\n    model: L4-24GB\n    memoryMiB: 23034\n    pciBusId: 0000:01:00.0\n    use: { mode: split }\n",
    );
    // Not spawnSync: the plugin and fake kubelet of this suite keep running on this event loop meanwhile.
    const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [
        cli,
        "device-plugin",
        "--inventory",
        inventory,
        "--kubelet-dir",
        dir,
      ]);
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.once("close", (status) => resolve({ status, stderr }));
    });
    expect({ status: run.status, stderr: run.stderr.trim() }).toEqual({
      status: 1,
      stderr: `tessera device-plugin: ${inventory}: gpus[0].use: mode is "split"; use whole, mig, shared or vfio`,
    });
  });
});

describe("fake kubelet registration checks", () => {
  it("refuses a wrong API version and an invalid resource name with the kubelet's messages", async () => {
    const client = new grpc.Client(`unix:${kubelet.socketPath}`, grpc.credentials.createInsecure());
    const register = (version: string, name: string) =>
      new Promise<void>((resolve, reject) =>
        client.makeUnaryRequest(
          registrationService.Register.path,
          registrationService.Register.requestSerialize,
          registrationService.Register.responseDeserialize,
          { version, endpoint: "x.sock", resource_name: name, options: null },
          (error) => (error ? reject(error) : resolve()),
        ),
      );
    await expect(register("v1alpha1", "nvidia.com/gpu")).rejects.toMatchObject({
      details:
        'requested API version "v1alpha1" is not supported by kubelet. Supported version is "[v1beta1]"',
    });
    await expect(register("v1beta1", "kubernetes.io/gpu")).rejects.toMatchObject({
      details: 'the ResourceName "kubernetes.io/gpu" is invalid',
    });
    await expect(register("v1beta1", "example.com/nothing")).rejects.toMatchObject({
      details: expect.stringContaining("failed to dial device plugin"),
    });
    client.close();
  });
});
