import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gpuModels } from "../../proto/catalog/GpuCatalog.ts";
import { computeInstanceProfileName, gpuInstanceProfileName, migMemoryGb } from "./migProfileName.ts";

describe("MIG profile names", () => {
  it("reproduces NVIDIA's name of every catalog profile from index, slices and memory", () => {
    for (const model of gpuModels) {
      for (const p of model.mig?.profiles ?? []) {
        expect(gpuInstanceProfileName(p.index, p.computeSlices, p.memoryMiB, model.memoryMiB * 2 ** 20)).toBe(
          p.name,
        );
      }
    }
  });

  it("spells attributes and compute-instance prefixes", () => {
    const total = 81559 * 2 ** 20;
    expect(gpuInstanceProfileName(0xd, 1, 9984, total)).toBe("1g.10gb-me");
    expect(gpuInstanceProfileName(0xf, 1, 9984, total)).toBe("1g.10gb+me.all");
    expect(gpuInstanceProfileName(0xa, 1, 9984, total)).toBe("1g.10gb+gfx");
    expect(computeInstanceProfileName(1, 3, "3g.40gb")).toBe("1c.3g.40gb");
    expect(computeInstanceProfileName(3, 3, "3g.40gb")).toBe("3g.40gb");
  });

  it("never names more memory than the GPU has", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1024, max: 200_000 }),
        fc.integer({ min: 1, max: 8 }),
        (totalMiB, eighths) => {
          const total = totalMiB * 2 ** 20;
          const gb = migMemoryGb(Math.floor((totalMiB * eighths) / 8), total);
          expect(gb).toBeLessThanOrEqual(Math.ceil(total / 2 ** 30));
        },
      ),
    );
  });
});
