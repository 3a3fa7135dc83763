import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gpuModel } from "../../proto/catalog/GpuCatalog.ts";
import { canCreateAt, type MigInstance } from "../engine/MigLayout.ts";
import type { FleetGpu, FleetSlice } from "../readmodel/FleetReadModel.ts";
import { fleetCapacity } from "./FleetCapacity.ts";

const h100 = gpuModel("H100-SXM5-80GB");
const computeSlices = h100.mig?.computeSlices ?? 7;

function migSlice(profile: string, start: number, jobId?: string): FleetSlice {
  const p = h100.mig?.profiles.find((x) => x.name === profile);
  if (!p) throw new Error(`no ${profile} on ${h100.id}`);
  return {
    id: `n/gpu/mig-${start}`,
    kind: "mig",
    profile,
    placementStart: start,
    share: p.computeSlices / computeSlices,
    ...(jobId ? { jobId } : {}),
  };
}

function gpu(slices: FleetSlice[], index = 0): FleetGpu {
  return {
    uuid: `GPU-${index}`,
    index,
    modelId: h100.id,
    modelName: h100.name,
    memoryMiB: h100.memoryMiB,
    sharingMode: slices.length > 0 ? "mig" : "whole",
    healthy: true,
    slices,
  };
}

const fleet = (gpus: FleetGpu[]) =>
  fleetCapacity({ nodes: [{ name: "n", state: "Ready", labels: {}, gpus }], jobs: [] });
const available = (report: ReturnType<typeof fleet>, profile: string) =>
  report.models[0]?.profiles.find((p) => p.profile === profile)?.available;

describe("fleetCapacity", () => {
  it("counts a MIG GPU whose instances are all free as repartitionable, and a busy one by its layout", () => {
    const idle = fleet([gpu([migSlice("4g.40gb", 0), migSlice("3g.40gb", 4)])]);
    expect(available(idle, "7g.80gb")).toBe(1);
    expect(available(idle, "1g.10gb")).toBe(7);
    expect(idle.models[0]?.gpusByState.free).toBe(1);
    expect(idle.fragmentation).toBe(0);

    const busy = fleet([gpu([migSlice("4g.40gb", 0, "j-1"), migSlice("3g.40gb", 4)])]);
    expect(available(busy, "7g.80gb")).toBe(0);
    expect(available(busy, "3g.40gb")).toBe(1);
    expect(available(busy, "4g.40gb")).toBe(0);
    expect(busy.models[0]?.gpusByState.partial).toBe(1);
    // All the free capacity (3/7 of a GPU) sits on the partly used GPU.
    expect(busy.fragmentation).toBeCloseTo(1, 9);
  });

  it("does not depend on how idle GPUs are partitioned", () => {
    const profiles = h100.mig?.profiles ?? [];
    const layout = fc.array(fc.constantFrom(...profiles), { maxLength: 8 }).map((wanted) => {
      const instances: MigInstance[] = [];
      for (const profile of wanted) {
        const start = profile.placementStarts.find((s) => canCreateAt(h100, instances, profile, s));
        if (start !== undefined) instances.push({ profile, start, allocationId: undefined });
      }
      return instances.map((i) => migSlice(i.profile.name, i.start));
    });
    fc.assert(
      fc.property(fc.array(layout, { minLength: 1, maxLength: 4 }), (layouts) => {
        const partitioned = fleet(layouts.map((slices, i) => gpu(slices, i)));
        const untouched = fleet(layouts.map((_, i) => gpu([], i)));
        expect(partitioned.models[0]?.profiles).toEqual(untouched.models[0]?.profiles);
        expect(partitioned.fragmentation).toBe(0);
        expect(partitioned.freeGpus).toBeCloseTo(layouts.length, 9);
      }),
      { numRuns: 50 },
    );
  });
});
