import fs, {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  unlinkSync,
} from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { join, relative, resolve } from "node:path";

/** One PCI function of a fake host. */
export interface FakePciFunction {
  address: string;
  vendor?: string;
  device?: string;
  pciClass: string;
  driver: string | null;
  iommuGroup: number | null;
}

export const fakeDrivers = ["nvidia", "snd_hda_intel", "pcieport", "nvme", "vfio-pci"];

/** A GPU, its HDMI audio function and the bridge above them, as on a typical PCIe GPU in its own group. */
export function fakeGpuWithAudio(bus: number, group: number): FakePciFunction[] {
  const b = bus.toString(16).padStart(2, "0");
  return [
    {
      address: `0000:${b}:00.0`,
      pciClass: "0x030200",
      device: "0x2330",
      driver: "nvidia",
      iommuGroup: group,
    },
    {
      address: `0000:${b}:00.1`,
      pciClass: "0x040300",
      device: "0x22ba",
      driver: "snd_hda_intel",
      iommuGroup: group,
    },
  ];
}

/** Lays out a sysfs tree the way the kernel does: device directories, bus and driver symlinks, IOMMU groups. */
export function buildFakeSysfs(
  root: string,
  functions: readonly FakePciFunction[],
  drivers = fakeDrivers,
): void {
  for (const driver of drivers) {
    mkdirSync(join(root, "bus/pci/drivers", driver), { recursive: true });
    for (const file of ["bind", "unbind", "new_id"])
      fs.writeFileSync(join(root, "bus/pci/drivers", driver, file), "");
  }
  mkdirSync(join(root, "bus/pci/devices"), { recursive: true });
  for (const fn of functions) {
    const dir = join(root, "devices/pci0000:00", fn.address);
    mkdirSync(dir, { recursive: true });
    fs.writeFileSync(join(dir, "vendor"), `${fn.vendor ?? "0x10de"}\n`);
    fs.writeFileSync(join(dir, "device"), `${fn.device ?? "0x2330"}\n`);
    fs.writeFileSync(join(dir, "class"), `${fn.pciClass}\n`);
    fs.writeFileSync(join(dir, "driver_override"), "(null)\n");
    symlinkSync(`../../../devices/pci0000:00/${fn.address}`, join(root, "bus/pci/devices", fn.address));
    if (fn.driver !== null) linkDriver(root, fn.address, fn.driver);
    if (fn.iommuGroup !== null) {
      const groupDir = join(root, "kernel/iommu_groups", String(fn.iommuGroup), "devices");
      mkdirSync(groupDir, { recursive: true });
      symlinkSync(`../../../kernel/iommu_groups/${fn.iommuGroup}`, join(dir, "iommu_group"));
      symlinkSync(`../../../../devices/pci0000:00/${fn.address}`, join(groupDir, fn.address));
    }
  }
}

/** Lays out `/proc` entries: the NVIDIA driver's per-GPU information file and processes holding device nodes. */
export function buildFakeProc(
  root: string,
  gpus: readonly { address: string; minor: number }[],
  processes: readonly { pid: number; nodes: string[] }[],
): void {
  for (const gpu of gpus) {
    const dir = join(root, "driver/nvidia/gpus", gpu.address);
    mkdirSync(dir, { recursive: true });
    fs.writeFileSync(join(dir, "information"), `Model: \t\t NVIDIA H100\nDevice Minor: \t ${gpu.minor}\n`);
  }
  for (const process of processes) {
    const fdDir = join(root, String(process.pid), "fd");
    mkdirSync(fdDir, { recursive: true });
    process.nodes.forEach((node, index) => {
      symlinkSync(node, join(fdDir, String(index + 3)));
    });
  }
}

/** Every path under a tree with its link target or contents, to compare a tree before and after. */
export function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      const key = relative(root, path);
      if (stat.isSymbolicLink()) out[key] = `-> ${readlinkSync(path)}`;
      else if (stat.isDirectory()) walk(path);
      else out[key] = readFileSync(path, "utf8");
    }
  };
  walk(root);
  return out;
}

export function fakeDriverOf(root: string, address: string): string | null {
  try {
    return (
      readlinkSync(join(root, "bus/pci/devices", address, "driver"))
        .split("/")
        .pop() ?? null
    );
  } catch {
    return null;
  }
}

/**
 * The kernel's side of the sysfs writes the binder makes, applied synchronously inside `writeFile` as the real
 * kernel does inside write(2): unbind/bind move the driver symlinks, driver_override stores `(null)` for a
 * newline. Everything outside the root passes through untouched. `failBind` makes chosen binds fail with EIO.
 */
export class FakeSysfsKernel {
  readonly failBind = new Set<string>();
  readonly writes: string[] = [];
  private original: typeof fs.promises.writeFile | undefined;

  constructor(readonly root: string) {}

  install(): this {
    const original = fs.promises.writeFile;
    this.original = original;
    const patched: typeof fs.promises.writeFile = async (file, data, options) => {
      if (typeof file === "string" && resolve(file).startsWith(`${resolve(this.root)}/`)) {
        if (this.apply(relative(resolve(this.root), resolve(file)), String(data))) return;
      }
      return original(file, data, options);
    };
    fs.promises.writeFile = patched;
    syncBuiltinESMExports();
    return this;
  }

  uninstall(): void {
    if (this.original) fs.promises.writeFile = this.original;
    syncBuiltinESMExports();
  }

  private apply(path: string, value: string): boolean {
    const driverFile = /^bus\/pci\/drivers\/([^/]+)\/(bind|unbind)$/.exec(path);
    const override = /^bus\/pci\/devices\/([^/]+)\/driver_override$/.exec(path);
    if (!driverFile && !override) return false;
    this.writes.push(`${path} <- ${value.trim()}`);
    if (override) {
      const text = value.trim() === "" ? "(null)" : value.trim();
      fs.writeFileSync(join(this.root, path), `${text}\n`);
      return true;
    }
    const [, driver = "", action] = driverFile ?? [];
    const address = value.trim();
    if (!fs.existsSync(join(this.root, path))) throw errno("ENOENT", path);
    if (!fs.existsSync(join(this.root, "bus/pci/devices", address))) throw errno("ENODEV", path);
    const current = fakeDriverOf(this.root, address);
    if (action === "unbind") {
      if (current !== driver) throw errno("ENODEV", path);
      unlinkSync(join(this.root, "bus/pci/devices", address, "driver"));
      unlinkSync(join(this.root, "bus/pci/drivers", driver, address));
      return true;
    }
    if (current !== null) throw errno("EBUSY", path);
    const overrideValue = readFileSync(
      join(this.root, "bus/pci/devices", address, "driver_override"),
      "utf8",
    ).trim();
    // vfio-pci has no ID table: without an override it matches nothing; other drivers match their own devices.
    const matches = overrideValue === "(null)" ? driver !== "vfio-pci" : overrideValue === driver;
    if (!matches) throw errno("ENODEV", path);
    if (this.failBind.has(`${driver}@${address}`)) throw errno("EIO", path);
    linkDriver(this.root, address, driver);
    return true;
  }
}

function linkDriver(root: string, address: string, driver: string): void {
  symlinkSync(`../../../bus/pci/drivers/${driver}`, join(root, "devices/pci0000:00", address, "driver"));
  symlinkSync(`../../../../devices/pci0000:00/${address}`, join(root, "bus/pci/drivers", driver, address));
}

function errno(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: write ${path}`), { code });
}
