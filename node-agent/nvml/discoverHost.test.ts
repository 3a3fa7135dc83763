import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { StandinFleet } from "../standin/StandinFleet.ts";
import { discoverWith, type GpuFixedFacts, type HostDiscovery } from "./discoverHost.ts";

/** Fact sheet 7.2 and 7.4: name -> [ID, MiB, max instances, placement starts, size]. */
const factSheet: Record<string, Record<string, [number, number, number, number[], number]>> = {
  "NVIDIA H100 80GB HBM3": {
    "1g.10gb": [19, 9984, 7, [0, 1, 2, 3, 4, 5, 6], 1],
    "1g.10gb+me": [20, 9984, 1, [0, 1, 2, 3, 4, 5, 6], 1],
    "1g.20gb": [15, 20096, 4, [0, 2, 4, 6], 2],
    "2g.20gb": [14, 20096, 3, [0, 2, 4], 2],
    "3g.40gb": [9, 40448, 2, [0, 4], 4],
    "4g.40gb": [5, 40448, 1, [0], 4],
    "7g.80gb": [0, 81152, 1, [0], 8],
  },
  "NVIDIA A100-SXM4-40GB": {
    "1g.5gb": [19, 4864, 7, [0, 1, 2, 3, 4, 5, 6], 1],
    "1g.5gb+me": [20, 4864, 1, [0, 1, 2, 3, 4, 5, 6], 1],
    "1g.10gb": [15, 9856, 4, [0, 2, 4, 6], 2],
    "2g.10gb": [14, 9856, 3, [0, 2, 4], 2],
    "3g.20gb": [9, 19968, 2, [0, 4], 4],
    "4g.20gb": [5, 19968, 1, [0], 4],
    "7g.40gb": [0, 40192, 1, [0], 8],
  },
};

describe("discoverHost on a stand-in H100 + A100-40GB", () => {
  let fleet: StandinFleet;
  let host: HostDiscovery;

  beforeAll(() => {
    fleet = StandinFleet.create({
      gpus: [
        { model: "H100-SXM5-80GB", mig: true, nvlinkPeers: [1, 1] },
        {
          model: "A100-SXM4-40GB",
          mig: true,
          nvlinkPeers: [0, 0],
          processes: [{ pid: 77, usedMemoryMiB: 100, gpuInstanceId: 1, computeInstanceId: 0 }],
        },
      ],
    });
    const nvml = fleet.open();
    try {
      const a100 = nvml.deviceByIndex(1);
      const gi = nvml.createGpuInstanceWithPlacement(a100, 9, { start: 4, size: 4 });
      nvml.createComputeInstance(gi, 0);
      nvml.createComputeInstance(gi, 0);
      host = discoverWith(nvml);
    } finally {
      nvml.close();
    }
  });
  afterAll(() => fleet.remove());

  it("shows the fact sheet's profiles, IDs, memory, instance counts and placements", () => {
    for (const gpu of host.gpus) {
      const expected = factSheet[gpu.name];
      expect(expected).toBeDefined();
      const seen = Object.fromEntries(
        gpu.mig.profiles.map((p) => [
          p.name,
          [p.id, p.memoryMiB, p.maxInstances, p.placements.map((q) => q.start), p.placements[0]?.size],
        ]),
      );
      expect(seen).toEqual(expected);
      expect(gpu.mig.profilesSource).toBe("nvml");
    }
  });

  it("lists identity, memory, PCI, NVLink peers and MIG state per GPU", () => {
    const [h100, a100] = host.gpus;
    expect(h100).toMatchObject({
      index: 0,
      name: "NVIDIA H100 80GB HBM3",
      model: "H100-SXM5-80GB",
      memoryMiB: 81559,
      pciDeviceId: "0x233010DE",
      computeCapability: "9.0",
      mig: { capable: true, enabled: true, instances: [] },
    });
    expect(h100?.nvlinkPeers).toEqual([{ pciBusId: a100?.pciBusId, gpuIndex: 1, links: 2 }]);
    expect(a100?.memoryMiB).toBe(40960);
    expect(h100?.uuid).toMatch(/^GPU-/);
  });

  it("lists GPU/compute instances with placements and MIG UUIDs, and processes with their instance", () => {
    const a100 = host.gpus[1];
    expect(
      a100?.mig.instances.map((i) => [i.profile, i.start, i.size, i.gpuInstanceId, i.computeInstanceId]),
    ).toEqual([
      ["1c.3g.20gb", 4, 4, 1, 0],
      ["1c.3g.20gb", 4, 4, 1, 1],
    ]);
    for (const i of a100?.mig.instances ?? []) expect(i.uuid).toMatch(/^MIG-/);
    // Each keeps the slot nvmlDeviceGetMigDeviceHandleByIndex has it at (the stand-in numbers them as nvidia-smi).
    expect(a100?.mig.instances.map((i) => i.migDeviceIndex)).toEqual([0, 1]);
    expect(a100?.processes).toEqual([
      { pid: 77, usedMemoryMiB: 100, gpuInstanceId: 1, computeInstanceId: 0 },
    ]);
  });

  it("is stable JSON (the keys docs/nvml.md documents)", () => {
    const json = JSON.parse(JSON.stringify(host));
    expect(Object.keys(json)).toEqual(["driverVersion", "nvmlVersion", "cudaDriverVersion", "gpus"]);
    expect(Object.keys(json.gpus[0])).toEqual([
      "index",
      "uuid",
      "name",
      "model",
      "serial",
      "memoryMiB",
      "pciBusId",
      "pciDeviceId",
      "computeCapability",
      "nvlinkPeers",
      "processes",
      "mig",
    ]);
    expect(Object.keys(json.gpus[1].mig.instances[0])).toEqual(
      expect.arrayContaining(["profile", "start", "size", "gpuInstanceId", "computeInstanceId", "uuid"]),
    );
  });

  it("reads a GPU's fixed facts once per session, and a new MIG instance at the next discovery", () => {
    const nvml = fleet.open();
    try {
      const known = new Map<number, GpuFixedFacts>();
      const first = discoverWith(nvml, known);
      const nameReads = vi.spyOn(nvml, "name");
      const linkReads = vi.spyOn(nvml, "nvLinkActive");
      const gi = nvml.createGpuInstanceWithPlacement(nvml.deviceByIndex(0), 9, { start: 0, size: 4 });
      nvml.createComputeInstance(gi, 0);
      const second = discoverWith(nvml, known);
      expect(nameReads).not.toHaveBeenCalled();
      expect(linkReads).not.toHaveBeenCalled();
      expect(second.gpus.map((g) => g.nvlinkPeers)).toEqual(first.gpus.map((g) => g.nvlinkPeers));
      expect(second.gpus[0]?.mig.profiles).toEqual(first.gpus[0]?.mig.profiles);
      expect(second.gpus[0]?.mig.instances.map((i) => i.profile)).toEqual(["1c.3g.40gb"]);
      expect(JSON.stringify({ ...second.gpus[1], mig: undefined })).toBe(
        JSON.stringify({ ...first.gpus[1], mig: undefined }),
      );
    } finally {
      nvml.close();
    }
  });
});
