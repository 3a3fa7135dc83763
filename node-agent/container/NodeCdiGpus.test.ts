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

  it("numbers a GPU's MIG devices by GPU- and compute-instance id, with their capability minors", () => {
    const inventory = [{ uuid: "GPU-a", index: 0 }];
    const instance = (uuid: string, gi: number) => ({ uuid, gpuInstanceId: gi, computeInstanceId: 0 });
    const observed = [
      { uuid: "GPU-a", instances: [instance("MIG-late", 9), instance("MIG-early", 1), { uuid: "" }] },
    ];
    const minors = new Map([
      ["gpu4/gi1", 12],
      ["gpu4/gi1/ci0", 13],
    ]);
    expect(nodeCdiGpus(inventory, observed, () => 4, minors)).toEqual([
      {
        index: 0,
        uuid: "GPU-a",
        minor: 4,
        migs: [
          { uuid: "MIG-early", capMinors: [12, 13] },
          { uuid: "MIG-late", capMinors: [] },
        ],
      },
    ]);
  });
});
