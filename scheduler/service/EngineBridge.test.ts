import { describe, expect, it } from "vitest";
import type { GpuInventory__Output } from "../../proto/generated/tessera/v1/GpuInventory.ts";
import type { GpuObserved__Output } from "../../proto/generated/tessera/v1/GpuObserved.ts";
import { PlacementEngine } from "../engine/PlacementEngine.ts";
import type { JobRecord, SliceAllocation } from "../store/JobRecord.ts";
import { adoptedPlacements, nodeSpec, sliceAllocations } from "./EngineBridge.ts";

const a100: GpuInventory__Output = {
  uuid: "GPU-a",
  index: 0,
  name: "NVIDIA A100-SXM4-40GB",
  model: "A100-SXM4-40GB",
  memoryMib: 40_960,
  pciBusId: "0000:01:00.0",
  migCapable: true,
  nvlinkPeers: [],
  iommuGroup: "",
};

function observedWith(instances: Array<{ profile: string; start: number }>): GpuObserved__Output {
  return {
    uuid: "GPU-a",
    migEnabled: true,
    instances: instances.map((i, n) => ({
      ...i,
      size: 0,
      uuid: `MIG-${n}`,
      gpuInstanceId: n + 1,
      computeInstanceId: 0,
      pids: [],
      memoryUsedMib: 0,
    })),
    utilizationPercent: 0,
    memoryUsedMib: 0,
    health: "ok",
    pids: [],
    utilizationUnsupported: false,
    temperatureC: 0,
    powerMw: 0,
    layoutError: "",
  };
}

function migHeld(profile: string, start: number, migSize: number): SliceAllocation {
  return {
    node: "n1",
    gpuUuid: "GPU-a",
    gpuIndex: 0,
    gpuModel: "A100-SXM4-40GB",
    kind: "mig",
    migProfile: profile,
    migStart: start,
    migSize,
    migUuid: "",
    shareMilli: 0,
    shareMemoryMiB: 0,
  };
}

describe("nodeSpec (a registered node as the engine sees it)", () => {
  it("puts an adopted job's not-yet-created MIG instance in the layout instead of the observed ones in its way", () => {
    // The agent still shows instances of jobs that ended; the scheduler had placed a 7g.40gb over them.
    const observed = [
      observedWith([
        { profile: "2g.10gb", start: 4 },
        { profile: "1g.5gb", start: 6 },
      ]),
    ];
    const spec = nodeSpec("n1", {}, 64_000, 512_000, [a100], observed, [migHeld("7g.40gb", 0, 8)]);
    expect(spec.gpus[0]?.migInstances).toEqual([{ profile: "7g.40gb", start: 0 }]);
  });

  it("keeps observed instances beside an adopted one that does not overlap them", () => {
    const observed = [observedWith([{ profile: "2g.10gb", start: 4 }])];
    const spec = nodeSpec("n1", {}, 64_000, 512_000, [a100], observed, [migHeld("3g.20gb", 0, 4)]);
    expect(spec.gpus[0]?.migInstances).toEqual([
      { profile: "2g.10gb", start: 4 },
      { profile: "3g.20gb", start: 0 },
    ]);
  });
});

/** A stored share job on node n1 (only what adoption reads). */
function shareJob(id: string, slice: SliceAllocation): JobRecord {
  const request = { shape: { kind: "share", gpuMilli: slice.shareMilli, memoryMiB: slice.shareMemoryMiB } };
  return {
    id,
    spec: { request: { ...request, models: [], cpuMillis: 0, memoryMiB: 0 } },
    allocations: [slice],
  } as unknown as JobRecord;
}

function shareOn(profile: string, start: number, milli: number, memoryMiB: number): SliceAllocation {
  return { ...migHeld(profile, start, 4), kind: "share", shareMilli: milli, shareMemoryMiB: memoryMiB };
}

describe("shares on a MIG instance after a scheduler restart", () => {
  it("rebuilds the shared instance from the stored allocations: the GPU stays in MIG mode and the instance held", () => {
    const observed = [
      observedWith([
        { profile: "3g.20gb", start: 0 },
        { profile: "1g.5gb", start: 4 },
      ]),
    ];
    const jobs = [
      shareJob("j1", shareOn("3g.20gb", 0, 100, 4096)),
      shareJob("j2", shareOn("3g.20gb", 0, 200, 8192)),
    ];
    const held = jobs.flatMap((j) => j.allocations);
    const spec = nodeSpec("n1", {}, 64_000, 512_000, [a100], observed, held);
    expect(spec.gpus[0]).toMatchObject({
      mode: "mig",
      migInstances: [{ profile: "3g.20gb" }, { profile: "1g.5gb" }],
    });
    const engine = new PlacementEngine({ nodes: [spec] });
    for (const job of jobs) for (const p of adoptedPlacements(job, "n1")) engine.commit(p);
    const gpu = engine.node("n1")!.gpus[0]!;
    expect(gpu.mig.find((i) => i.start === 0)!.shares).toEqual({
      count: 2,
      freeMilli: 128,
      memFreeMiB: 19968 - 12288,
    });
    // What the engine decides for it is stored the same way again.
    const placed = sliceAllocations([engine.allocation("j1")!], (n) => engine.node(n));
    expect(placed).toEqual([{ ...held[0]!, gpuModel: "A100-SXM4-40GB" }]);
    // A 3g.20gb job cannot have the shared instance (nor re-carve the GPU), and a new share fills it.
    const mig = engine.place({
      id: "m",
      cpuMilli: 0,
      memoryMiB: 0,
      gpu: { kind: "mig", profile: "3g.20gb" },
    });
    expect(mig.ok).toBe(false);
    const next = engine.place({
      id: "s",
      cpuMilli: 0,
      memoryMiB: 0,
      gpu: { kind: "share", milli: 100, memoryMiB: 1024 },
    });
    expect(next.ok && next.placement.gpus[0]).toMatchObject({
      migInstance: { profile: "3g.20gb", start: 0 },
    });
  });

  it("keeps the instance of a stored share that the agent has not reported (yet) in the layout", () => {
    const spec = nodeSpec(
      "n1",
      {},
      64_000,
      512_000,
      [a100],
      [observedWith([])],
      [shareOn("3g.20gb", 4, 100, 1024)],
    );
    expect(spec.gpus[0]).toMatchObject({ mode: "mig", migInstances: [{ profile: "3g.20gb", start: 4 }] });
  });
});
