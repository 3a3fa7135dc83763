import { describe, expect, it } from "vitest";
import type { GpuInventory__Output } from "../../proto/generated/tessera/v1/GpuInventory.ts";
import type { GpuObserved__Output } from "../../proto/generated/tessera/v1/GpuObserved.ts";
import type { SliceAllocation } from "../store/JobRecord.ts";
import { nodeSpec } from "./EngineBridge.ts";

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
