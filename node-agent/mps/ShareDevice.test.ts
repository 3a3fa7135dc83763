import { describe, expect, it } from "vitest";
import { findGpuModel } from "../../proto/catalog/GpuCatalog.ts";
import type { AssignedSlice__Output } from "../../proto/generated/tessera/v1/AssignedSlice.ts";
import type { GpuObserved } from "../../proto/generated/tessera/v1/GpuObserved.ts";
import { mpsClientEnvironment } from "./MpsClientEnvironment.ts";
import { shareDevice } from "./ShareDevice.ts";

const h100 = findGpuModel("H100-SXM5-80GB");
const observed: GpuObserved[] = [
  { uuid: "GPU-1", migEnabled: true, instances: [{ profile: "3g.40gb", start: 4, uuid: "MIG-3g" }] },
];

function slice(migProfile: string, migStart: number): AssignedSlice__Output {
  return { gpuUuid: "GPU-1", kind: "share", migProfile, migStart, shareMilli: 250, shareMemoryMib: 8192 };
}

describe("shareDevice", () => {
  it("runs a share on its GPU, in thousandths of the GPU", () => {
    expect(shareDevice(slice("", 0), [], () => h100)).toEqual({ uuid: "GPU-1", milli: 250, memoryMiB: 8192 });
  });

  it("runs a share naming a MIG instance on that instance's MIG UUID, in thousandths of the instance", () => {
    const device = shareDevice(slice("3g.40gb", 4), observed, () => h100);
    // 250 of the GPU on a 3g instance (428 of the GPU) is 585 of the instance: 59% of its SMs.
    expect(device).toEqual({ uuid: "MIG-3g", milli: 585, memoryMiB: 8192 });
    if (typeof device === "string") return;
    expect(mpsClientEnvironment({ ...device, mpsPipeDirectory: "/mps/MIG-3g/pipe" })).toEqual({
      CUDA_MPS_ACTIVE_THREAD_PERCENTAGE: "59",
      CUDA_MPS_PINNED_DEVICE_MEM_LIMIT: "0=8192M",
      CUDA_MPS_PIPE_DIRECTORY: "/mps/MIG-3g/pipe",
    });
  });

  it("says what is missing: an instance not made yet, or a profile the GPU's model has not", () => {
    expect(shareDevice(slice("3g.40gb", 0), observed, () => h100)).toBe(
      "no 3g.40gb MIG instance at slot 0 on GPU GPU-1 yet",
    );
    expect(shareDevice(slice("3g.40gb", 4), observed, () => undefined)).toBe(
      "GPU GPU-1 has no MIG profile 3g.40gb",
    );
  });
});
