import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DiscoveredGpu } from "../../node-agent/nvml/discoverHost.ts";
import type { MigInstance } from "../../node-agent/nvml/MigInventory.ts";
import { SysfsTree } from "../../node-agent/vfio/SysfsTree.ts";
import type { DesiredState__Output } from "../../proto/generated/tessera/v1/DesiredState.ts";
import { buildFakeSysfs, fakeGpuWithAudio } from "../../test/vmFakeSysfs.ts";
import { AgentSliceInventory } from "./AgentSliceInventory.ts";
import type { NodeInventory } from "./SliceInventory.ts";
import { scanVfioGpus } from "./VfioGpuScan.ts";

function gpu(index: number, model: string, over: Partial<DiscoveredGpu> = {}): DiscoveredGpu {
  return {
    index,
    uuid: `GPU-${index}`,
    name: `NVIDIA ${model}`,
    model,
    serial: null,
    memoryMiB: 81_920,
    pciBusId: `00000000:${(0x10 + index).toString(16)}:00.0`,
    pciDeviceId: "0x233010DE",
    computeCapability: "9.0",
    nvlinkPeers: [],
    processes: [],
    mig: {
      capable: true,
      enabled: false,
      pendingEnabled: false,
      profilesSource: "catalog",
      profiles: [],
      instances: [],
    },
    ...over,
  };
}

function instance(profile: string, start: number, gpuInstanceId: number): MigInstance {
  return {
    profile,
    gpuInstanceProfile: profile,
    gpuInstanceProfileId: 0,
    start,
    size: 1,
    gpuInstanceId,
    computeInstanceId: 0,
    computeInstanceProfileId: 0,
    computeSlices: 1,
    computeStart: 0,
    migDeviceIndex: gpuInstanceId,
    uuid: `MIG-${gpuInstanceId}`,
  };
}

const migGpu = gpu(2, "A100-80GB", {
  mig: {
    capable: true,
    enabled: true,
    pendingEnabled: true,
    profilesSource: "nvml",
    profiles: [],
    instances: [instance("1g.10gb", 0, 9), instance("1g.10gb", 1, 10), instance("3g.40gb", 4, 2)],
  },
});

function desired(over: Partial<DesiredState__Output>): DesiredState__Output {
  return {
    generation: 1,
    gpus: [],
    assignments: [],
    heartbeatMs: 0,
    leaseMs: 0,
    stops: [],
    fencingTimeoutMs: 0,
    ...over,
  };
}

function job(slices: { gpuUuid: string; kind: string; migProfile?: string; migStart?: number }[]) {
  return {
    jobId: "j1",
    attempt: 1,
    command: ["true"],
    env: {},
    workdir: "",
    image: "",
    mounts: [],
    slices: slices.map((s) => ({ migProfile: "", migStart: 0, shareMilli: 0, shareMemoryMib: 0, ...s })),
  };
}

function uses(inventory: NodeInventory) {
  return Object.fromEntries(inventory.gpus.map((g) => [g.uuid, g.use]));
}

describe("agent slice inventory", () => {
  it("before any desired state, offers what NVML shows, shared where a rule says so", async () => {
    const gpus = [
      gpu(0, "H100-SXM5-80GB", { nvlinkPeers: [{ pciBusId: "X", gpuIndex: 1, links: 18 }] }),
      gpu(1, "L4-24GB", { memoryMiB: 23_034 }),
      migGpu,
    ];
    const inventory = new AgentSliceInventory(
      { discover: () => gpus, desired: () => undefined, vfioGpus: async () => [] },
      [{ gpus: ["L4-24GB"], replicas: 2 }],
    );
    await inventory.refresh();
    const snapshot = inventory.current();
    expect(snapshot.gpus[0]).toMatchObject({
      uuid: "GPU-0",
      model: "H100-SXM5-80GB",
      nvlinkPeers: { "GPU-1": 18 },
    });
    expect(uses(snapshot)).toEqual({
      "GPU-0": { mode: "whole" },
      "GPU-1": {
        mode: "shared",
        replicas: 2,
        memoryMiBPerReplica: 11_517,
        computePercentPerReplica: 50,
        maxReplicasPerContainer: 1,
      },
      "GPU-2": {
        mode: "mig",
        instances: [
          { uuid: "MIG-9", profile: "1g.10gb", gpuInstanceId: 9, computeInstanceId: 0, health: "Healthy" },
          { uuid: "MIG-10", profile: "1g.10gb", gpuInstanceId: 10, computeInstanceId: 0, health: "Healthy" },
          { uuid: "MIG-2", profile: "3g.40gb", gpuInstanceId: 2, computeInstanceId: 0, health: "Healthy" },
        ],
      },
    });
  });

  it("leaves out every slice the scheduler gave to a Tessera job, and GPUs whose mode is still changing", async () => {
    const gpus = [gpu(0, "H100-SXM5-80GB"), gpu(1, "L4-24GB"), migGpu, gpu(3, "H100-SXM5-80GB")];
    const state = desired({
      gpus: [
        { uuid: "GPU-0", mode: "whole", mig: [] },
        { uuid: "GPU-1", mode: "shared", mig: [] },
        { uuid: "GPU-2", mode: "mig", mig: [] },
        { uuid: "GPU-3", mode: "mig", mig: [] },
      ],
      assignments: [
        job([
          { gpuUuid: "GPU-0", kind: "whole" },
          { gpuUuid: "GPU-2", kind: "mig", migProfile: "1g.10gb", migStart: 1 },
        ]),
        // Shares of Tessera jobs on an instance (MPS on MIG) keep it from pods too.
        job([{ gpuUuid: "GPU-2", kind: "share", migProfile: "3g.40gb", migStart: 4 }]),
      ],
    });
    const inventory = new AgentSliceInventory(
      { discover: () => gpus, desired: () => state, vfioGpus: async () => [] },
      [],
    );
    const seen: NodeInventory[] = [];
    inventory.subscribe((s) => seen.push(s));
    await inventory.refresh();
    await inventory.refresh();
    expect(seen).toHaveLength(1);
    const snapshot = uses(inventory.current());
    expect(Object.keys(snapshot)).toEqual(["GPU-1", "GPU-2"]);
    expect(snapshot["GPU-1"]).toMatchObject({ mode: "shared", replicas: 4 });
    const mig = snapshot["GPU-2"];
    expect(mig?.mode === "mig" && mig.instances.map((i) => i.uuid)).toEqual(["MIG-9"]);
  });

  it("reads the NUMA node from sysfs", async () => {
    const sysfs = mkdtempSync(join(tmpdir(), "tessera-sysfs-"));
    mkdirSync(join(sysfs, "bus/pci/devices/0000:10:00.0"), { recursive: true });
    writeFileSync(join(sysfs, "bus/pci/devices/0000:10:00.0/numa_node"), "1\n");
    mkdirSync(join(sysfs, "bus/pci/devices/0000:11:00.0"), { recursive: true });
    writeFileSync(join(sysfs, "bus/pci/devices/0000:11:00.0/numa_node"), "-1\n");
    const inventory = new AgentSliceInventory(
      {
        discover: () => [gpu(0, "H100-SXM5-80GB"), gpu(1, "H100-SXM5-80GB")],
        desired: () => undefined,
        vfioGpus: async () => [],
      },
      [],
      sysfs,
    );
    await inventory.refresh();
    expect(inventory.current().gpus.map((g) => g.numaNode)).toEqual([1, null]);
  });

  it("offers the GPUs bound to vfio-pci that the operator chose for VMs", async () => {
    const root = join(mkdtempSync(join(tmpdir(), "tessera-sysfs-")), "sys");
    const [vmGpu, audio] = fakeGpuWithAudio(0x65, 42);
    const [hostGpu] = fakeGpuWithAudio(0x66, 43);
    buildFakeSysfs(root, [{ ...vmGpu!, driver: "vfio-pci" }, { ...audio!, driver: "vfio-pci" }, hostGpu!]);
    const sysfs = new SysfsTree(root);
    expect(await scanVfioGpus(sysfs, [])).toEqual([]);
    expect(await scanVfioGpus(sysfs, ["0000:66:00.0"])).toEqual([]);
    const inventory = new AgentSliceInventory(
      {
        discover: () => [gpu(0, "H100-SXM5-80GB")],
        desired: () => undefined,
        vfioGpus: () => scanVfioGpus(sysfs, ["all"]),
      },
      [],
      root,
    );
    await inventory.refresh();
    expect(inventory.current().gpus[1]).toEqual({
      uuid: "VFIO-0000:65:00.0",
      index: 1,
      model: "H100-SXM5-80GB",
      memoryMiB: expect.any(Number),
      pciBusId: "0000:65:00.0",
      numaNode: null,
      nvlinkPeers: {},
      health: "Healthy",
      use: { mode: "vfio", iommuGroup: 42 },
    });
  });

  it("keeps a GPU that a Tessera VM job bound to vfio-pci away from Kubernetes", async () => {
    const root = join(mkdtempSync(join(tmpdir(), "tessera-sysfs-")), "sys");
    const [jobGpu] = fakeGpuWithAudio(0x10, 42);
    const [freeGpu] = fakeGpuWithAudio(0x11, 43);
    buildFakeSysfs(root, [
      { ...jobGpu!, driver: "vfio-pci" },
      { ...freeGpu!, driver: "vfio-pci" },
    ]);
    const sysfs = new SysfsTree(root);
    // NVML showed GPU-0 at 0000:10:00.0 before the VM job's launcher moved it to vfio-pci.
    let visible = [gpu(0, "H100-SXM5-80GB")];
    const state = desired({ assignments: [job([{ gpuUuid: "GPU-0", kind: "whole" }])] });
    const inventory = new AgentSliceInventory(
      { discover: () => visible, desired: () => state, vfioGpus: () => scanVfioGpus(sysfs, ["all"]) },
      [],
      root,
    );
    await inventory.refresh();
    visible = [];
    await inventory.refresh();
    expect(inventory.current().gpus.map((g) => g.uuid)).toEqual(["VFIO-0000:11:00.0"]);
  });
});
