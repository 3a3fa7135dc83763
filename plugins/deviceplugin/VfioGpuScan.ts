import { type PciAddress, parsePciAddress } from "../../node-agent/vfio/PciAddress.ts";
import { isDisplayController, nvidiaVendorId, readPciDevice } from "../../node-agent/vfio/PciDevice.ts";
import type { SysfsTree } from "../../node-agent/vfio/SysfsTree.ts";
import { vfioDriver } from "../../node-agent/vfio/VfioBinder.ts";
import { gpuModels } from "../../proto/catalog/GpuCatalog.ts";

/** An NVIDIA GPU bound to vfio-pci, ready to be handed to a VM. */
export interface VfioGpu {
  address: PciAddress;
  iommuGroup: number;
  /** Catalog id when the PCI device id is a known model, else `NVIDIA-<device id>`. */
  model: string;
  memoryMiB: number;
}

/**
 * The NVIDIA GPUs bound to vfio-pci that the operator chose for VMs (`wanted`: PCI addresses, or `all`). Such a
 * GPU is invisible to NVML, so sysfs is the only place that knows it.
 */
export async function scanVfioGpus(sysfs: SysfsTree, wanted: readonly string[]): Promise<VfioGpu[]> {
  if (wanted.length === 0) return [];
  const chosen = wanted.includes("all") ? null : new Set(wanted.map((w) => parsePciAddress(w)));
  const gpus: VfioGpu[] = [];
  for (const entry of await sysfs.list(`bus/pci/drivers/${vfioDriver}`)) {
    let address: PciAddress;
    try {
      address = parsePciAddress(entry);
    } catch {
      continue; // bind, unbind, new_id, module ...
    }
    if (chosen && !chosen.has(address)) continue;
    const device = await readPciDevice(sysfs, address);
    if (device.vendor !== nvidiaVendorId || !isDisplayController(device) || device.iommuGroup === null)
      continue;
    const pciDeviceId =
      `0x${device.device.replace(/^0x/, "")}${nvidiaVendorId.replace(/^0x/, "")}`.toLowerCase();
    const model = gpuModels.find((m) => m.pciDeviceId.toLowerCase() === pciDeviceId);
    gpus.push({
      address,
      iommuGroup: device.iommuGroup,
      model: model?.id ?? `NVIDIA-${device.device.replace(/^0x/, "")}`,
      memoryMiB: model?.memoryMiB ?? 0,
    });
  }
  return gpus;
}
