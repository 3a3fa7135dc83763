import { readlinkSync } from "node:fs";
import { basename, join } from "node:path";
import { type PciAddress, parsePciAddress } from "./PciAddress.ts";
import type { SysfsTree } from "./SysfsTree.ts";

/** What sysfs says about one PCI function right now. */
export interface PciDevice {
  address: PciAddress;
  /** `0x10de` for NVIDIA. */
  vendor: string;
  device: string;
  /** 24-bit class code, e.g. `0x030200` (3D controller), `0x040300` (audio), `0x060400` (PCI bridge). */
  pciClass: string;
  /** The bound driver's name, or null when the function has no driver. */
  driver: string | null;
  /** `driver_override`, or null when unset (sysfs shows `(null)`). */
  driverOverride: string | null;
  /** IOMMU group number, or null when the IOMMU is off (then nothing can be passed through). */
  iommuGroup: number | null;
}

export const nvidiaVendorId = "0x10de";

export function devicePath(address: PciAddress, attribute?: string): string {
  return attribute ? `bus/pci/devices/${address}/${attribute}` : `bus/pci/devices/${address}`;
}

export async function readPciDevice(sysfs: SysfsTree, address: PciAddress): Promise<PciDevice> {
  const [vendor, device, pciClass] = await Promise.all([
    sysfs.read(devicePath(address, "vendor")),
    sysfs.read(devicePath(address, "device")),
    sysfs.read(devicePath(address, "class")),
  ]);
  if (vendor === undefined || device === undefined || pciClass === undefined) {
    throw new Error(
      `PCI device ${address} does not exist under ${sysfs.path("bus/pci/devices")}; check the address ` +
        "(lspci -D lists them) and --sysfs-root",
    );
  }
  const [driver, override, group] = await Promise.all([
    sysfs.linkName(devicePath(address, "driver")),
    sysfs.read(devicePath(address, "driver_override")),
    sysfs.linkName(devicePath(address, "iommu_group")),
  ]);
  return {
    address,
    vendor: vendor.toLowerCase(),
    device: device.toLowerCase(),
    pciClass: pciClass.toLowerCase(),
    driver: driver ?? null,
    driverOverride: override === undefined || override === "" || override === "(null)" ? null : override,
    iommuGroup: group === undefined ? null : Number(group),
  };
}

export function isPciBridge(device: PciDevice): boolean {
  return device.pciClass.startsWith("0x0604");
}

export function isDisplayController(device: PciDevice): boolean {
  return device.pciClass.startsWith("0x03");
}

/** Every PCI function in an IOMMU group, sorted by address. */
export async function listIommuGroupMembers(sysfs: SysfsTree, group: number): Promise<PciAddress[]> {
  const names = await sysfs.list(`kernel/iommu_groups/${group}/devices`);
  return names.map((name) => parsePciAddress(name));
}

/**
 * The IOMMU group of a PCI function (any address spelling, e.g. NVML's), read synchronously for the agent's
 * inventory; undefined when the function or its group is not under `sysfsRoot`.
 */
export function iommuGroupOf(sysfsRoot: string, pciBusId: string): number | undefined {
  try {
    const link = readlinkSync(join(sysfsRoot, devicePath(parsePciAddress(pciBusId), "iommu_group")));
    const group = Number(basename(link));
    return Number.isInteger(group) ? group : undefined;
  } catch {
    return undefined;
  }
}
