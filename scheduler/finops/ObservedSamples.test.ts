import { describe, expect, it } from "vitest";
import { samplesFromObserved } from "./ObservedSamples.ts";

const inventory = [
  {
    uuid: "GPU-a",
    index: 0,
    name: "NVIDIA H100 80GB HBM3",
    model: "H100-SXM5-80GB",
    memoryMib: 81_559,
    pciBusId: "",
    migCapable: true,
    nvlinkPeers: [],
    iommuGroup: "",
  },
  {
    uuid: "GPU-b",
    index: 1,
    name: "NVIDIA A100-SXM4-80GB",
    model: "A100-80GB",
    memoryMib: 81_920,
    pciBusId: "",
    migCapable: true,
    nvlinkPeers: [],
    iommuGroup: "",
  },
];
const gpu = {
  instances: [],
  pids: [],
  health: "ok",
  utilizationUnsupported: false,
  temperatureC: 0,
  powerMw: 0,
  layoutError: "",
};

describe("samples from agent reports", () => {
  it("turns GPU and MIG readings into samples, with no utilization where NVML has none", () => {
    const samples = samplesFromObserved(
      "node-1",
      inventory,
      [
        {
          ...gpu,
          uuid: "GPU-a",
          migEnabled: false,
          utilizationPercent: 63,
          memoryUsedMib: 4000,
          temperatureC: 55,
          powerMw: 312_500,
        },
        {
          ...gpu,
          uuid: "GPU-b",
          migEnabled: true,
          utilizationPercent: 0,
          memoryUsedMib: 9000,
          utilizationUnsupported: true,
          instances: [
            {
              profile: "3g.40gb",
              start: 0,
              size: 4,
              gpuInstanceId: 2,
              computeInstanceId: 0,
              uuid: "MIG-1",
              pids: [7],
              memoryUsedMib: 9000,
            },
            {
              profile: "1g.10gb",
              start: 4,
              size: 1,
              gpuInstanceId: 9,
              computeInstanceId: 0,
              uuid: "",
              pids: [],
              memoryUsedMib: 0,
            },
          ],
        },
      ],
      1000,
    );
    expect(samples).toEqual([
      {
        at: 1000,
        node: "node-1",
        gpuUuid: "GPU-a",
        utilizationPercent: 63,
        memoryUsedMiB: 4000,
        memoryTotalMiB: 81_559,
        temperatureC: 55,
        powerW: 312.5,
      },
      {
        at: 1000,
        node: "node-1",
        gpuUuid: "GPU-b",
        utilizationPercent: null,
        memoryUsedMiB: 9000,
        memoryTotalMiB: 81_920,
        temperatureC: null,
        powerW: null,
      },
      {
        at: 1000,
        node: "node-1",
        gpuUuid: "GPU-b",
        migUuid: "MIG-1",
        utilizationPercent: null,
        memoryUsedMiB: 9000,
        memoryTotalMiB: 40_192,
      },
    ]);
  });
});
