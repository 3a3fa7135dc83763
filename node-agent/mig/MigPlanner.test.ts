import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gpuModel, gpuModels } from "../../proto/catalog/GpuCatalog.ts";
import { catalogMigProfiles } from "../nvml/MigInventory.ts";
import { packComputeInstances, planMigLayout } from "./MigPlanner.ts";
import { arbitraryLayout, layoutFits } from "./migLayoutOracle.testkit.ts";

const migModels = gpuModels.filter((m) => m.mig !== null);

describe("MIG placement planner", () => {
  const h100 = catalogMigProfiles(gpuModel("H100-SXM5-80GB").name);
  const a100 = catalogMigProfiles(gpuModel("A100-SXM4-40GB").name);

  it("places the user guide's examples whatever order they are listed in", () => {
    const orders = [
      ["1g.5gb", "1g.5gb", "2g.10gb", "3g.20gb"],
      ["3g.20gb", "2g.10gb", "1g.5gb", "1g.5gb"],
      ["4g.20gb", "3g.20gb"],
      ["3g.20gb", "4g.20gb"],
      ["3g.20gb", "3g.20gb"],
      ["1g.5gb", "2g.10gb", "1g.5gb", "1g.5gb", "1g.5gb", "1g.5gb"],
      ["1g.10gb", "1g.10gb", "1g.10gb", "1g.10gb"],
    ];
    for (const names of orders) {
      const plan = planMigLayout(
        a100,
        names.map((profile) => ({ profile })),
      );
      expect(plan.ok, names.join(",")).toBe(true);
    }
  });

  it("refuses what cannot fit, with the reason", () => {
    const twice4g = planMigLayout(h100, [{ profile: "4g.40gb" }, { profile: "4g.40gb" }]);
    expect(twice4g).toEqual({ ok: false, reason: "2 × 4g.40gb requested but the GPU allows at most 1" });
    const tooMuch = planMigLayout(h100, [
      { profile: "4g.40gb" },
      { profile: "2g.20gb" },
      { profile: "2g.20gb" },
    ]);
    expect(tooMuch).toMatchObject({ ok: false, reason: "needs 8 compute slices but the GPU has 7" });
    const overlap = planMigLayout(h100, [
      { profile: "4g.40gb" },
      { profile: "1g.20gb" },
      { profile: "1g.20gb" },
      { profile: "1g.20gb" },
    ]);
    expect(overlap).toMatchObject({ ok: false });
    expect(planMigLayout(h100, [{ profile: "1g.5gb" }])).toMatchObject({
      ok: false,
      reason: /no MIG profile 1g.5gb/,
    });
    expect(planMigLayout(h100, [{ profile: "3g.40gb", start: 2 }])).toMatchObject({
      ok: false,
      reason: "3g.40gb cannot start at 2; allowed starts: 3g.40gb at {0,4}",
    });
    expect(planMigLayout(h100, [{ profile: "3c.4g.40gb" }])).toMatchObject({
      ok: false,
      reason: /cannot hold 3-slice/,
    });
  });

  it("honours pinned starts and keeps identical existing instances where they are", () => {
    const pinned = planMigLayout(h100, [{ profile: "3g.40gb", start: 0 }, { profile: "3g.40gb" }]);
    expect(pinned.ok && pinned.instances.map((i) => [i.profile.name, i.start])).toEqual([
      ["3g.40gb", 0],
      ["3g.40gb", 4],
    ]);
    const kept = planMigLayout(
      h100,
      [{ profile: "1g.10gb" }],
      [{ profileName: "1g.10gb", start: 5, computeSlices: [1] }],
    );
    expect(kept.ok && kept.instances[0]?.start).toBe(5);
  });

  it("packs smaller compute instances into shared GPU instances", () => {
    const plan = planMigLayout(
      h100,
      Array.from({ length: 4 }, () => ({ profile: "1c.3g.40gb" })),
    );
    expect(plan.ok && plan.instances.map((i) => i.computeSlices)).toEqual([[1, 1, 1], [1]]);
    const mixed = planMigLayout(h100, [{ profile: "1c.3g.40gb" }, { profile: "2c.3g.40gb" }]);
    expect(mixed.ok && mixed.instances.map((i) => i.computeSlices)).toEqual([[2, 1]]);
    expect(packComputeInstances(7, [1, 3, 3, 2])).toEqual([[3, 3, 1], [2]]);
    expect(packComputeInstances(4, [2, 2, 1])).toEqual([[2, 2], [1]]);
    expect(
      planMigLayout(h100, [{ profile: "2c.4g.40gb" }, { profile: "2c.4g.40gb" }, { profile: "1c.4g.40gb" }]),
    ).toMatchObject({
      ok: false,
      reason: "2 × 4g.40gb requested but the GPU allows at most 1",
    });
  });

  it("finds a valid placement exactly when one exists, on every model", () => {
    for (const model of migModels) {
      const profiles = catalogMigProfiles(model.name);
      fc.assert(
        fc.property(arbitraryLayout(profiles), (wanted) => {
          const plan = planMigLayout(
            profiles,
            wanted.map((p) => ({ profile: p.name })),
          );
          expect(plan.ok).toBe(layoutFits(profiles, wanted));
          if (!plan.ok) return;
          const used = new Set<number>();
          for (const i of plan.instances) {
            expect(i.profile.placements.map((p) => p.start)).toContain(i.start);
            for (let s = i.start; s < i.start + i.profile.memorySlices; s++) {
              expect(used.has(s)).toBe(false);
              used.add(s);
            }
          }
          expect(plan.instances.map((i) => i.profile.name).sort()).toEqual(wanted.map((p) => p.name).sort());
        }),
        { numRuns: 150 },
      );
    }
  });
});
