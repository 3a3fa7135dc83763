import { describe, expect, it } from "vitest";
import type { GpuInventory__Output } from "../../proto/generated/tessera/v1/GpuInventory.ts";
import { createPolicy } from "../engine/PolicyRegistry.ts";
import type { JobRecord } from "../store/JobRecord.ts";
import { FleetFeasibility } from "./FleetFeasibility.ts";
import type { NodeRecord } from "./NodeRecord.ts";

const h100: GpuInventory__Output = {
  uuid: "GPU-h",
  index: 0,
  name: "NVIDIA H100 80GB HBM3",
  model: "H100-SXM5-80GB",
  memoryMib: 81_559,
  pciBusId: "0000:01:00.0",
  migCapable: true,
  nvlinkPeers: [],
  iommuGroup: "",
};

/**
 * A node whose one H100 its agent reports in MIG mode with a 3g.40gb instance. Feasibility judges the GPU empty
 * (any mode), so what an instance of it could hold, the empty GPU could.
 */
const migNode = {
  name: "m",
  labels: {},
  cpuMillis: 64_000,
  memoryMiB: 512_000,
  gpus: [h100],
  observed: [{ uuid: "GPU-h", migEnabled: true, instances: [{ profile: "3g.40gb", start: 0 }] }],
} as unknown as NodeRecord;

function shareJob(gpuMilli: number, memoryMiB: number): JobRecord {
  const shape = { kind: "share", gpuMilli, memoryMiB };
  return {
    id: `s-${gpuMilli}-${memoryMiB}`,
    spec: { request: { shape, models: [], cpuMillis: 1000, memoryMiB: 1024 } },
  } as unknown as JobRecord;
}

describe("FleetFeasibility: could the fleet ever hold a request, even empty", () => {
  it("takes a share on an all-MIG fleet that an instance (or the GPU, empty) could hold, and refuses one larger than any GPU", () => {
    const feasibility = new FleetFeasibility(() => createPolicy("tessera"), 0);
    expect(() => feasibility.check(shareJob(250, 8192), [migNode], 1)).not.toThrow();
    expect(() => feasibility.check(shareJob(1000, 40_000), [migNode], 1)).not.toThrow();
    expect(() => feasibility.check(shareJob(250, 90_000), [migNode], 1)).toThrow(
      /no node of the fleet could ever hold this request, even empty: .*no idle or shared GPU with enough memory/,
    );
  });
});
