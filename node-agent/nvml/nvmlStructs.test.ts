import koffi from "koffi";
import { describe, expect, it } from "vitest";
import { nvmlStructs, nvmlStructVersions } from "./nvmlStructs.ts";

describe("NVML struct layouts (fact sheet section 5)", () => {
  it("has the measured sizes", () => {
    const sizes = Object.fromEntries(
      Object.entries(nvmlStructs).map(([name, type]) => [name, koffi.sizeof(type)]),
    );
    expect(sizes).toEqual({
      memory: 24,
      memoryV2: 40,
      pciInfo: 68,
      utilization: 8,
      processInfo: 24,
      gpuInstanceProfileInfo: 48,
      gpuInstanceProfileInfoV2: 152,
      gpuInstanceProfileInfoV3: 152,
      placement: 8,
      gpuInstanceInfo: 24,
      computeInstanceProfileInfo: 36,
      computeInstanceProfileInfoV2: 136,
      computeInstanceProfileInfoV3: 140,
      computeInstancePlacement: 8,
      computeInstanceInfo: 32,
      eventData: 32,
      temperature: 12,
    });
  });

  it("keeps the padding holes and offsets", () => {
    expect(koffi.offsetof(nvmlStructs.memoryV2, "total")).toBe(8);
    expect(koffi.offsetof(nvmlStructs.processInfo, "usedGpuMemory")).toBe(8);
    expect(koffi.offsetof(nvmlStructs.processInfo, "computeInstanceId")).toBe(20);
    expect(koffi.offsetof(nvmlStructs.gpuInstanceProfileInfo, "memorySizeMB")).toBe(40);
    expect(koffi.offsetof(nvmlStructs.gpuInstanceProfileInfoV2, "memorySizeMB")).toBe(48);
    expect(koffi.offsetof(nvmlStructs.gpuInstanceProfileInfoV2, "name")).toBe(56);
    expect(koffi.offsetof(nvmlStructs.gpuInstanceProfileInfoV3, "memorySizeMB")).toBe(40);
    expect(koffi.offsetof(nvmlStructs.gpuInstanceProfileInfoV3, "capabilities")).toBe(144);
    expect(koffi.offsetof(nvmlStructs.pciInfo, "busId")).toBe(36);
    expect(koffi.offsetof(nvmlStructs.gpuInstanceInfo, "placement")).toBe(16);
    expect(koffi.offsetof(nvmlStructs.computeInstanceInfo, "placement")).toBe(24);
    expect(koffi.offsetof(nvmlStructs.computeInstanceProfileInfoV3, "capabilities")).toBe(136);
    expect(koffi.offsetof(nvmlStructs.eventData, "eventData")).toBe(16);
    expect(koffi.offsetof(nvmlStructs.temperature, "temperature")).toBe(8);
  });

  it("computes the versioned struct words as size | version << 24", () => {
    expect(nvmlStructVersions).toEqual({
      memoryV2: 0x02000028,
      gpuInstanceProfileInfoV2: 0x02000098,
      gpuInstanceProfileInfoV3: 0x03000098,
      computeInstanceProfileInfoV2: 0x02000088,
      computeInstanceProfileInfoV3: 0x0300008c,
      temperature: 0x0100000c,
    });
  });
});
