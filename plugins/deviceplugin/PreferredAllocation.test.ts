import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exampleInventory, uuids } from "../../test/deviceplugin-fixtures.ts";
import { resourceLayout } from "./AdvertisedResources.ts";
import { AllocationRefused } from "./ContainerAllocation.ts";
import { preferredAllocation } from "./PreferredAllocation.ts";
import { resourceNaming } from "./ResourceNaming.ts";
import type { InventoryGpu, NodeInventory, SharedUse } from "./SliceInventory.ts";

/** An 8-GPU node in two NVLink islands of four (0-3, 4-7), NUMA split the same way. */
function eightGpuNode(): NodeInventory {
  const id = (i: number) => `GPU-${String(i).padStart(8, "0")}-0000-4000-8000-000000000000`;
  const gpus: InventoryGpu[] = Array.from({ length: 8 }, (_, i) => {
    const island = i < 4 ? [0, 1, 2, 3] : [4, 5, 6, 7];
    return {
      uuid: id(i),
      index: i,
      model: "H100-SXM5-80GB",
      memoryMiB: 81_559,
      pciBusId: `00000000:${(0x10 + i).toString(16)}:00.0`,
      numaNode: i < 4 ? 0 : 1,
      nvlinkPeers: Object.fromEntries(island.filter((j) => j !== i).map((j) => [id(j), 6])),
      health: "Healthy",
      use: { mode: "whole" },
    };
  });
  return { gpus };
}

const island = (ids: string[]) => new Set(ids.map((id) => (Number(id.slice(4, 12)) < 4 ? "A" : "B")));

describe("preferred allocation", () => {
  const gpus = resourceLayout(eightGpuNode(), resourceNaming("nvidia")).resources.get("nvidia.com/gpu")!;
  const all = gpus.devices.map((d) => d.id);

  it("returns a valid choice for any request: right size, required devices in, only available ones", () => {
    fc.assert(
      fc.property(fc.subarray(all, { minLength: 1 }), fc.nat(), fc.nat(), (available, sizeSeed, mustSeed) => {
        const size = 1 + (sizeSeed % available.length);
        const must = available.slice(0, mustSeed % (size + 1));
        const picked = preferredAllocation(gpus, available, must, size);
        expect(picked).toHaveLength(size);
        expect(new Set(picked).size).toBe(size);
        for (const id of must) expect(picked).toContain(id);
        for (const id of picked) expect(available).toContain(id);
      }),
    );
  });

  it("keeps a multi-GPU request inside one NVLink island whenever one has room", () => {
    fc.assert(
      fc.property(fc.subarray(all, { minLength: 2 }), fc.integer({ min: 2, max: 4 }), (available, size) => {
        fc.pre(size <= available.length);
        const roomA = available.filter((id) => island([id]).has("A")).length;
        const roomB = available.length - roomA;
        fc.pre(roomA >= size || roomB >= size);
        expect(island(preferredAllocation(gpus, available, [], size)).size).toBe(1);
      }),
    );
  });

  it("takes a single GPU where it breaks the fewest NVLink groups", () => {
    // Island A fully free, island B has one GPU free: the lone one goes first.
    const available = [...all.slice(0, 4), all[7]!];
    expect(preferredAllocation(gpus, available, [], 1)).toEqual([all[7]]);
  });

  it("puts replicas of one GPU together", () => {
    const inventory = exampleInventory();
    inventory.gpus[0]!.use = { ...(inventory.gpus[5]!.use as SharedUse), maxReplicasPerContainer: 2 };
    const shared = resourceLayout(inventory, resourceNaming("nvidia")).resources.get(
      "nvidia.com/gpu.shared",
    )!;
    const available = [`${uuids.h100[0]}::0`, `${uuids.l4}::1`, `${uuids.h100[0]}::3`, `${uuids.l4}::2`];
    const picked = preferredAllocation(shared, available, [`${uuids.l4}::1`], 2);
    expect(picked).toEqual([`${uuids.l4}::1`, `${uuids.l4}::2`]);
  });

  it("answers large shared resources greedily, past the exhaustive limit", () => {
    const inventory = eightGpuNode();
    for (const gpu of inventory.gpus) {
      gpu.use = {
        mode: "shared",
        replicas: 24,
        memoryMiBPerReplica: 1700,
        computePercentPerReplica: 2,
        maxReplicasPerContainer: 8,
      };
    }
    const shared = resourceLayout(inventory, resourceNaming("nvidia")).resources.get(
      "nvidia.com/gpu.shared",
    )!;
    const available = shared.devices.map((d) => d.id);
    // Speed belongs in benchmarks; the test timeout catches an exhaustive search that never ends.
    const picked = preferredAllocation(shared, available, [], 8);
    expect(new Set(picked.map((id) => id.split("::")[0])).size).toBe(1);
  });

  it("refuses impossible requests", () => {
    expect(() => preferredAllocation(gpus, all.slice(0, 2), [], 3)).toThrow(AllocationRefused);
    expect(() => preferredAllocation(gpus, all.slice(0, 2), [all[5]!], 1)).toThrow(/not among available/);
    expect(() => preferredAllocation(gpus, ["GPU-x"], [], 1)).toThrow(/unknown device ID "GPU-x"/);
    expect(() => preferredAllocation(gpus, all, [], -1)).toThrow(/non-negative/);
  });
});
