import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import type { KubeletAllocation } from "./AllocationSink.ts";
import { KubeletAllocationTable } from "./KubeletAllocationTable.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const alloc = (...deviceIds: string[]): KubeletAllocation => ({
  resourceName: "nvidia.com/gpu.shared",
  kind: "shared",
  deviceIds,
  gpuUuids: ["GPU-a"],
  at: new Date(0),
});

const ids = (table: KubeletAllocationTable) => table.current().map((a) => a.deviceIds);

it("releases an allocation when the kubelet gives one of its devices to another container", () => {
  let changes = 0;
  const table = new KubeletAllocationTable({ onChange: () => changes++ });
  table.reportAllocation(alloc("GPU-a::0", "GPU-a::1"));
  table.reportAllocation(alloc("GPU-a::2"));
  table.reportAllocation(alloc("GPU-a::1"));
  expect(ids(table)).toEqual([["GPU-a::2"], ["GPU-a::1"]]);
  expect(changes).toBe(3);
});

it("releases an allocation whose device is no longer advertised, and reports only real changes", () => {
  let changes = 0;
  const table = new KubeletAllocationTable({ onChange: () => changes++ });
  table.reportAllocation(alloc("GPU-a::0"));
  table.reportAllocation(alloc("GPU-a::1"));
  table.advertised(new Set(["GPU-a::0", "GPU-a::1", "GPU-a::2"]));
  expect(changes).toBe(2);
  table.advertised(new Set(["GPU-a::1"]));
  expect(ids(table)).toEqual([["GPU-a::1"]]);
  expect(changes).toBe(3);
});

it("keeps what pods hold across an agent restart, and refuses a damaged file with what to do", () => {
  const dir = mkdtempSync(join(tmpdir(), "tessera-kubelet-table-"));
  dirs.push(dir);
  const path = join(dir, "kubelet-allocations.json");
  new KubeletAllocationTable({ path }).reportAllocation(alloc("GPU-a::3"));
  const reopened = new KubeletAllocationTable({ path });
  expect(reopened.current()).toEqual([alloc("GPU-a::3")]);

  writeFileSync(path, "{");
  expect(() => new KubeletAllocationTable({ path })).toThrow(
    /not JSON .*delete it if no pod holds GPUs here/,
  );
  writeFileSync(
    path,
    JSON.stringify([{ resourceName: "x", kind: "tpu", deviceIds: [], gpuUuids: [], at: "" }]),
  );
  expect(() => new KubeletAllocationTable({ path })).toThrow(/not a list of kubelet allocations/);
});
