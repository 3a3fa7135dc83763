import { describe, expect, it } from "vitest";
import { type CdiGpu, cdiDeviceName, nvidiaCdiSpec } from "./CdiSpec.ts";

const gpus: CdiGpu[] = [
  { index: 1, uuid: "GPU-b", minor: 3, migs: [] },
  {
    index: 0,
    uuid: "GPU-a",
    minor: 0,
    migs: [
      { index: 0, uuid: "MIG-a0", capMinors: [12, 13] },
      // NVML's MIG device slots may have gaps: the name keeps the slot, as NVIDIA's toolkit names it.
      { index: 2, uuid: "MIG-a2", capMinors: [] },
    ],
  },
];

describe("nvidiaCdiSpec", () => {
  it("names GPUs by index and UUID and MIG devices by GPU:MIG device index and UUID, in the nvidia.com/gpu kind", () => {
    const spec = nvidiaCdiSpec(gpus, false);
    expect(spec.cdiVersion).toBe("0.5.0");
    expect(spec.kind).toBe("nvidia.com/gpu");
    expect(spec.devices.map((d) => d.name)).toEqual([
      "0",
      "GPU-a",
      "0:0",
      "MIG-a0",
      "0:2",
      "MIG-a2",
      "1",
      "GPU-b",
    ]);
    const mig = spec.devices.find((d) => d.name === "0:0")!;
    expect(mig.containerEdits).toEqual({
      env: ["TESSERA_CDI_DEVICE_0_0=MIG-a0"],
      deviceNodes: [
        { path: "/dev/nvidia0" },
        { path: "/dev/nvidia-caps/nvidia-cap12" },
        { path: "/dev/nvidia-caps/nvidia-cap13" },
      ],
    });
    // A device named by UUID makes the same edits as by index.
    expect(spec.devices.find((d) => d.name === "MIG-a0")?.containerEdits).toEqual(mig.containerEdits);
    expect(spec.devices.find((d) => d.name === "1")?.containerEdits.deviceNodes).toEqual([
      { path: "/dev/nvidia3" },
    ]);
    expect(spec.containerEdits.deviceNodes?.map((n) => n.path)).toContain("/dev/nvidiactl");
  });

  it("gives stand-in GPUs /dev/null at the real device paths", () => {
    const spec = nvidiaCdiSpec(gpus, true);
    const nodes = spec.devices.flatMap((d) => d.containerEdits.deviceNodes ?? []);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.hostPath === "/dev/null" && n.path.startsWith("/dev/nvidia"))).toBe(true);
    expect(spec.containerEdits.deviceNodes?.every((n) => n.hostPath === "/dev/null")).toBe(true);
  });

  it("qualifies device names with the kind", () => {
    expect(cdiDeviceName("0:1")).toBe("nvidia.com/gpu=0:1");
  });
});
