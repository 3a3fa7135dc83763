import { describe, expect, it } from "vitest";
import {
  findMigProfile,
  gpuModel,
  gpuModels,
  smallestFittingProfile,
  validComputeSliceCounts,
} from "./GpuCatalog.ts";

describe("GpuCatalog", () => {
  it("holds the eight catalog models of the fact sheet", () => {
    expect(gpuModels.map((m) => m.id)).toEqual([
      "A30-24GB",
      "A100-SXM4-40GB",
      "A100-80GB",
      "H100-SXM5-80GB",
      "H100-NVL-94GB",
      "H200-141GB",
      "L4-24GB",
      "T4-16GB",
    ]);
  });

  it("names every profile by go-nvlib's memory formula", () => {
    for (const model of gpuModels) {
      const totalBytes = model.memoryMiB * 2 ** 20;
      const gib = Math.ceil(totalBytes / 2 ** 30);
      for (const profile of model.mig?.profiles ?? []) {
        const eighths = Math.ceil((8 * profile.memoryMiB * 2 ** 20) / totalBytes);
        const gb = Math.round((eighths / 8) * gib);
        expect(profile.name.split("+")[0]).toBe(`${profile.computeSlices}g.${gb}gb`);
      }
    }
  });

  it("maps a model-agnostic slice to the smallest fitting profile", () => {
    expect(smallestFittingProfile(gpuModel("H100-SXM5-80GB"), 15_000, 1)?.name).toBe("1g.20gb");
    expect(smallestFittingProfile(gpuModel("A100-SXM4-40GB"), 15_000, 2)?.name).toBe("3g.20gb");
    expect(smallestFittingProfile(gpuModel("L4-24GB"), 1, 1)).toBeUndefined();
    expect(findMigProfile(gpuModel("H100-SXM5-80GB"), "3g.40gb")?.placementStarts).toEqual([0, 4]);
  });

  it("knows which compute-instance sizes fit a GPU instance", () => {
    expect(validComputeSliceCounts(4)).toEqual([1, 2, 4]);
    expect(validComputeSliceCounts(7)).toEqual([1, 2, 3, 4, 7]);
  });
});
