import { expect, it } from "vitest";
import type { KubeletAllocation } from "./AllocationSink.ts";
import { KubeletAllocationTable } from "./KubeletAllocationTable.ts";

const alloc = (...deviceIds: string[]): KubeletAllocation => ({
  resourceName: "nvidia.com/gpu.shared",
  kind: "shared",
  deviceIds,
  gpuUuids: ["GPU-a"],
  at: new Date(0),
});

it("releases an allocation when the kubelet gives one of its devices to another container", () => {
  let changes = 0;
  const table = new KubeletAllocationTable(() => changes++);
  table.reportAllocation(alloc("GPU-a::0", "GPU-a::1"));
  table.reportAllocation(alloc("GPU-a::2"));
  table.reportAllocation(alloc("GPU-a::1"));
  expect(table.current().map((a) => a.deviceIds)).toEqual([["GPU-a::2"], ["GPU-a::1"]]);
  expect(changes).toBe(3);
});

it("releases an allocation whose device is no longer advertised, and only then reports a change", () => {
  let changes = 0;
  const table = new KubeletAllocationTable(() => changes++);
  table.reportAllocation(alloc("GPU-a::0"));
  table.reportAllocation(alloc("GPU-a::1"));
  table.keepAdvertised(new Set(["GPU-a::0", "GPU-a::1"]));
  expect(changes).toBe(2);
  table.keepAdvertised(new Set(["GPU-a::1"]));
  expect(table.current().map((a) => a.deviceIds)).toEqual([["GPU-a::1"]]);
  expect(changes).toBe(3);
});
