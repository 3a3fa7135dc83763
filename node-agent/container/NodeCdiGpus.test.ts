import { describe, expect, it } from "vitest";
import { nodeCdiGpus, parseMigMinors } from "./NodeCdiGpus.ts";

describe("nodeCdiGpus", () => {
  it("reads the driver's MIG capability minors", () => {
    const minors = parseMigMinors("config 1\nmonitor 2\ngpu0/gi1/access 12\ngpu0/gi1/ci0/access 13\nbogus\n");
    expect([...minors]).toEqual([
      ["gpu0/gi1", 12],
      ["gpu0/gi1/ci0", 13],
    ]);
  });

  it("names a GPU's MIG devices by NVML's MIG device index, gaps kept, with their capability minors", () => {
    const inventory = [{ uuid: "GPU-a", index: 0 }];
    const instance = (uuid: string, gi: number, migDeviceIndex: number) => ({
      uuid,
      gpuInstanceId: gi,
      computeInstanceId: 0,
      migDeviceIndex,
    });
    // A GPU instance without a compute instance has neither a UUID nor a MIG device index.
    const observed = [
      { uuid: "GPU-a", instances: [instance("MIG-late", 1, 3), instance("MIG-early", 9, 0), { uuid: "" }] },
    ];
    const minors = new Map([
      ["gpu4/gi9", 12],
      ["gpu4/gi9/ci0", 13],
    ]);
    expect(nodeCdiGpus(inventory, observed, () => 4, minors)).toEqual([
      {
        index: 0,
        uuid: "GPU-a",
        minor: 4,
        migs: [
          { index: 0, uuid: "MIG-early", capMinors: [12, 13] },
          { index: 3, uuid: "MIG-late", capMinors: [] },
        ],
      },
    ]);
  });
});
