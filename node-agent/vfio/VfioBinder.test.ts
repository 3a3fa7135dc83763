import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  buildFakeProc,
  buildFakeSysfs,
  type FakePciFunction,
  FakeSysfsKernel,
  fakeDriverOf,
  fakeGpuWithAudio,
  snapshotTree,
} from "../../test/vmFakeSysfs.ts";
import { type GpuProcessProbe, ProcfsGpuProcessProbe } from "./GpuProcessProbe.ts";
import { SysfsTree } from "./SysfsTree.ts";
import { VfioBinder } from "./VfioBinder.ts";

const noUsers: GpuProcessProbe = { usersOf: async () => [] };

let dir: string;
let kernel: FakeSysfsKernel;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tessera-vfio-"));
  kernel = new FakeSysfsKernel(join(dir, "sys")).install();
});

afterEach(() => {
  kernel.uninstall();
  rmSync(dir, { recursive: true, force: true });
});

function host(functions: FakePciFunction[], drivers?: string[]): { sysfs: SysfsTree; root: string } {
  const root = join(dir, "sys");
  buildFakeSysfs(root, functions, drivers);
  return { sysfs: new SysfsTree(root), root };
}

describe("VfioBinder", () => {
  it("binds two GPUs with their audio functions to vfio-pci and restores the tree exactly on release", async () => {
    const { sysfs, root } = host([...fakeGpuWithAudio(0x65, 12), ...fakeGpuWithAudio(0x66, 13)]);
    const before = snapshotTree(root);
    const binder = new VfioBinder(sysfs, noUsers);

    const binding = await binder.bind(["65:00.0", "0000:66:00.0"]);

    expect(binding.gpus).toEqual([
      { address: "0000:65:00.0", iommuGroup: 12, groupDevices: ["0000:65:00.0", "0000:65:00.1"] },
      { address: "0000:66:00.0", iommuGroup: 13, groupDevices: ["0000:66:00.0", "0000:66:00.1"] },
    ]);
    for (const address of ["0000:65:00.0", "0000:65:00.1", "0000:66:00.0", "0000:66:00.1"]) {
      expect(fakeDriverOf(root, address)).toBe("vfio-pci");
    }
    expect(JSON.parse(JSON.stringify(binding))).toEqual(binding);

    await binder.release(binding);
    expect(snapshotTree(root)).toEqual(before);
    await binder.release(binding); // converges: a second release changes nothing and does not fail
    expect(snapshotTree(root)).toEqual(before);
  });

  it("leaves a bridge of the group on the host and passes a function that has no driver", async () => {
    const { sysfs, root } = host([
      { address: "0000:40:01.0", pciClass: "0x060400", vendor: "0x1022", driver: "pcieport", iommuGroup: 7 },
      { address: "0000:41:00.0", pciClass: "0x030200", driver: "nvidia", iommuGroup: 7 },
      { address: "0000:41:00.1", pciClass: "0x0c8000", driver: null, iommuGroup: 7 },
    ]);
    const binder = new VfioBinder(sysfs, noUsers);
    const binding = await binder.bind(["0000:41:00.0"]);
    expect(binding.gpus[0]?.groupDevices).toEqual(["0000:41:00.0", "0000:41:00.1"]);
    expect(fakeDriverOf(root, "0000:40:01.0")).toBe("pcieport");
    expect(fakeDriverOf(root, "0000:41:00.1")).toBe("vfio-pci");
    await binder.release(binding);
    expect(fakeDriverOf(root, "0000:41:00.1")).toBeNull();
    expect(fakeDriverOf(root, "0000:41:00.0")).toBe("nvidia");
  });

  it("leaves the tree as it was when a bind fails half-way, whichever function fails", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.nat(), async (gpuCount, failPick) => {
        rmSync(join(dir, "sys"), { recursive: true, force: true });
        const functions = Array.from({ length: gpuCount }, (_, i) =>
          fakeGpuWithAudio(0x10 + i, 20 + i),
        ).flat();
        const { sysfs, root } = host(functions);
        const before = snapshotTree(root);
        const failing = functions[failPick % functions.length]!.address;
        kernel.failBind.clear();
        kernel.failBind.add(`vfio-pci@${failing}`);
        const gpus = functions.filter((fn) => fn.pciClass.startsWith("0x03")).map((fn) => fn.address);
        await expect(new VfioBinder(sysfs, noUsers).bind(gpus)).rejects.toThrow(
          new RegExp(`binding ${failing.replace(".", "\\.")} .* failed: EIO`),
        );
        expect(snapshotTree(root)).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });

  it("refuses a GPU that a process still uses, naming the PID, and changes nothing", async () => {
    const { sysfs, root } = host(fakeGpuWithAudio(0x65, 12));
    const proc = join(dir, "proc");
    buildFakeProc(
      proc,
      [{ address: "0000:65:00.0", minor: 2 }],
      [
        { pid: 4242, nodes: ["/dev/nvidiactl", "/dev/nvidia2"] },
        { pid: 4243, nodes: ["/dev/nvidia0"] },
      ],
    );
    const before = snapshotTree(root);
    await expect(
      new VfioBinder(sysfs, new ProcfsGpuProcessProbe(proc)).bind(["0000:65:00.0"]),
    ).rejects.toThrow(
      "0000:65:00.0 (IOMMU group 12) is in use by 1 process(es): PID 4242 (/dev/nvidia2); stop them or drain the node first",
    );
    expect(snapshotTree(root)).toEqual(before);
    expect(kernel.writes).toEqual([]);
  });

  it("refuses a group held open by another VM", async () => {
    const { sysfs } = host([{ ...fakeGpuWithAudio(0x65, 12)[0]!, driver: "vfio-pci" }]);
    const proc = join(dir, "proc");
    buildFakeProc(proc, [], [{ pid: 77, nodes: ["/dev/vfio/12"] }]);
    await expect(
      new VfioBinder(sysfs, new ProcfsGpuProcessProbe(proc)).bind(["0000:65:00.0"]),
    ).rejects.toThrow("PID 77 (/dev/vfio/12)");
  });

  it("refuses groups it cannot take whole, with one error that names every problem", async () => {
    const { sysfs, root } = host([
      ...fakeGpuWithAudio(0x65, 12),
      { address: "0000:66:00.0", pciClass: "0x030200", driver: "nvidia", iommuGroup: 12 },
      { address: "0000:70:00.0", pciClass: "0x030200", driver: "nvidia", iommuGroup: 30 },
      { address: "0000:70:00.1", pciClass: "0x010802", vendor: "0x144d", driver: "nvme", iommuGroup: 30 },
      { address: "0000:80:00.0", pciClass: "0x030200", driver: "nvidia", iommuGroup: null },
      { address: "0000:90:00.0", pciClass: "0x020000", vendor: "0x8086", driver: null, iommuGroup: 40 },
    ]);
    const before = snapshotTree(root);
    const error = await new VfioBinder(sysfs, noUsers)
      .bind(["0000:65:00.0", "0000:70:00.0", "0000:80:00.0", "0000:90:00.0"])
      .catch((e: Error) => e);
    expect(String(error)).toContain(
      "IOMMU group 12 of GPU 0000:65:00.0 also holds GPU 0000:66:00.0, which this VM did not request",
    );
    expect(String(error)).toContain("also holds 0000:70:00.1 (vendor 0x144d, class 0x010802, driver nvme)");
    expect(String(error)).toContain(
      "GPU 0000:80:00.0 has no IOMMU group: the IOMMU is off; boot the host with",
    );
    expect(String(error)).toContain("0000:90:00.0 is not a GPU (PCI class 0x020000)");
    expect(snapshotTree(root)).toEqual(before);
  });

  it("says what to do when vfio-pci is not loaded or the address does not exist", async () => {
    const { sysfs } = host(fakeGpuWithAudio(0x65, 12), ["nvidia", "snd_hda_intel"]);
    await expect(new VfioBinder(sysfs, noUsers).plan(["0000:65:00.0"])).rejects.toThrow(
      "run `modprobe vfio-pci`",
    );
    await expect(new VfioBinder(sysfs, noUsers).plan(["0000:99:00.0"])).rejects.toThrow(
      /PCI device 0000:99:00\.0 does not exist under .*bus\/pci\/devices; check the address/,
    );
    await expect(new VfioBinder(sysfs, noUsers).plan(["gpu0"])).rejects.toThrow(
      '"gpu0" is not a PCI address',
    );
  });
});
