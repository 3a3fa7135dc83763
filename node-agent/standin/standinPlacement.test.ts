import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gpuModels } from "../../proto/catalog/GpuCatalog.ts";
import type { Nvml } from "../nvml/Nvml.ts";
import { NvmlError, NvmlReturn } from "../nvml/NvmlError.ts";
import { StandinFleet } from "./StandinFleet.ts";

const migModels = gpuModels.filter((m) => m.mig !== null);

describe("stand-in GPU-instance placement rules (property, every MIG model)", () => {
  let fleet: StandinFleet;
  let nvml: Nvml;

  beforeAll(() => {
    fleet = StandinFleet.create({ gpus: migModels.map((m) => ({ model: m.id, mig: true })) });
    nvml = fleet.open();
  });
  afterAll(() => {
    nvml.close();
    fleet.remove();
  });

  it("accepts a create exactly when the placement is allowed, free, and within the profile and compute budgets", () => {
    migModels.forEach((model, index) => {
      const mig = model.mig;
      if (!mig) return;
      const device = nvml.deviceByIndex(index);
      const attempt = fc.record({
        profile: fc.constantFrom(...mig.profiles),
        start: fc.integer({ min: 0, max: mig.memorySlices }),
      });
      fc.assert(
        fc.property(fc.array(attempt, { minLength: 1, maxLength: 10 }), (attempts) => {
          const taken: { id: number; start: number; size: number; compute: number }[] = [];
          for (const { profile, start } of attempts) {
            const allowed = profile.placementStarts.includes(start);
            const overlaps = taken.some(
              (t) => start < t.start + t.size && t.start < start + profile.memorySlices,
            );
            const full =
              taken.filter((t) => t.id === profile.id).length >= profile.maxInstances ||
              taken.reduce((s, t) => s + t.compute, 0) + profile.computeSlices > mig.computeSlices;
            const expected = !allowed
              ? NvmlReturn.ERROR_INVALID_ARGUMENT
              : overlaps || full
                ? NvmlReturn.ERROR_INSUFFICIENT_RESOURCES
                : NvmlReturn.SUCCESS;
            let code: number = NvmlReturn.SUCCESS;
            try {
              nvml.createGpuInstanceWithPlacement(device, profile.id, { start, size: profile.memorySlices });
            } catch (error) {
              if (!(error instanceof NvmlError)) throw error;
              code = error.code;
            }
            expect(code, `${model.id} ${profile.name}@${start}`).toBe(expected);
            if (code === NvmlReturn.SUCCESS) {
              taken.push({
                id: profile.id,
                start,
                size: profile.memorySlices,
                compute: profile.computeSlices,
              });
            }
            const remaining = nvml.gpuInstanceRemainingCapacity(device, profile.id);
            expect(remaining).toBeLessThanOrEqual(
              profile.maxInstances - taken.filter((t) => t.id === profile.id).length,
            );
          }
          for (const p of mig.profiles) {
            for (const gi of nvml.gpuInstances(device, p.id, p.maxInstances)) nvml.destroyGpuInstance(gi);
          }
        }),
        { numRuns: 25 },
      );
    });
  });
});
