import type { GpuProcessProbe } from "./GpuProcessProbe.ts";
import { type PciAddress, parsePciAddress } from "./PciAddress.ts";
import {
  devicePath,
  isDisplayController,
  isPciBridge,
  listIommuGroupMembers,
  type PciDevice,
  readPciDevice,
} from "./PciDevice.ts";
import type { SysfsTree } from "./SysfsTree.ts";

export const vfioDriver = "vfio-pci";

/** A GPU handed to a VM, with the IOMMU group whose endpoint functions go with it. */
export interface PassthroughGpu {
  address: PciAddress;
  iommuGroup: number;
  /** Every endpoint function of the group (the GPU included) that is bound to vfio-pci with it. */
  groupDevices: PciAddress[];
}

/** One function the binder moved to vfio-pci, with what to put back on release. */
export interface VfioDeviceRecord {
  address: PciAddress;
  iommuGroup: number;
  originalDriver: string | null;
  originalOverride: string | null;
}

/** Everything needed to undo a bind, also after an agent restart (it is plain JSON). */
export interface VfioBinding {
  gpus: PassthroughGpu[];
  devices: VfioDeviceRecord[];
}

/**
 * Moves whole IOMMU groups of GPUs from their host drivers to vfio-pci and back. A bind is all or nothing: it
 * checks every function of every group first, and a failure half-way puts back what it had changed.
 */
export class VfioBinder {
  constructor(
    private readonly sysfs: SysfsTree,
    private readonly processes: GpuProcessProbe,
  ) {}

  /** Reads and checks the groups of `gpus` without changing anything; throws one error naming every problem. */
  async plan(gpus: readonly string[]): Promise<{ gpus: PassthroughGpu[]; devices: PciDevice[] }> {
    const requested = [...new Set(gpus.map((gpu) => parsePciAddress(gpu)))];
    if (requested.length === 0) throw new Error("no GPUs to pass through");
    const problems: string[] = [];
    if ((await this.sysfs.list(`bus/pci/drivers/${vfioDriver}`)).length === 0) {
      problems.push(
        `the ${vfioDriver} driver is not loaded (no ${this.sysfs.path(`bus/pci/drivers/${vfioDriver}`)}); run \`modprobe ${vfioDriver}\``,
      );
    }
    const planned: PassthroughGpu[] = [];
    const devices = new Map<PciAddress, PciDevice>();
    for (const address of requested) {
      const gpu = await readPciDevice(this.sysfs, address);
      if (!isDisplayController(gpu)) {
        problems.push(`${address} is not a GPU (PCI class ${gpu.pciClass})`);
        continue;
      }
      if (gpu.iommuGroup === null) {
        problems.push(
          `GPU ${address} has no IOMMU group: the IOMMU is off; boot the host with intel_iommu=on or amd_iommu=on`,
        );
        continue;
      }
      const groupDevices: PciAddress[] = [];
      for (const member of await listIommuGroupMembers(this.sysfs, gpu.iommuGroup)) {
        const device = member === address ? gpu : await readPciDevice(this.sysfs, member);
        if (isPciBridge(device)) continue; // bridges stay with the host (pcieport); vfio accepts them in a group
        const problem = memberProblem(device, gpu, requested);
        if (problem) problems.push(problem);
        groupDevices.push(member);
        devices.set(member, device);
      }
      planned.push({ address, iommuGroup: gpu.iommuGroup, groupDevices });
    }
    for (const device of devices.values()) {
      const users = await this.processes.usersOf(device);
      if (users.length > 0) {
        const list = users.map((user) => `${user.pid} (${user.node})`).join(", ");
        problems.push(
          `${device.address} (IOMMU group ${device.iommuGroup}) is in use by ${users.length} process(es): PID ${list}; stop them or drain the node first`,
        );
      }
    }
    if (problems.length > 0) {
      throw new Error(`cannot pass ${requested.join(", ")} through to a VM: ${problems.join("; ")}`);
    }
    return { gpus: planned, devices: [...devices.values()] };
  }

  /** Binds every endpoint function of the GPUs' IOMMU groups to vfio-pci; on failure nothing stays changed. */
  async bind(gpus: readonly string[]): Promise<VfioBinding> {
    const plan = await this.plan(gpus);
    const done: VfioDeviceRecord[] = [];
    for (const device of plan.devices) {
      const record: VfioDeviceRecord = {
        address: device.address,
        iommuGroup: device.iommuGroup ?? -1,
        originalDriver: device.driver,
        originalOverride: device.driverOverride,
      };
      // Recorded before the first write: a failure in the middle of this device's steps is undone too.
      done.push(record);
      try {
        await this.moveToVfio(device);
      } catch (error) {
        const rollback = await this.restoreAll(done);
        const left = rollback.length > 0 ? `; rolling back also failed: ${rollback.join("; ")}` : "";
        throw new Error(
          `binding ${device.address} (IOMMU group ${record.iommuGroup}) to ${vfioDriver} failed: ${message(error)}; ` +
            `${done.length - rollback.length} of ${done.length} changed function(s) restored${left}`,
        );
      }
    }
    return { gpus: plan.gpus, devices: done };
  }

  /** Puts every function of a binding back on the driver it had; safe to repeat (it converges, it does not replay). */
  async release(binding: VfioBinding): Promise<void> {
    const failures = await this.restoreAll(binding.devices);
    if (failures.length > 0) {
      throw new Error(
        `releasing ${binding.gpus.map((gpu) => gpu.address).join(", ")}: ${failures.join("; ")}`,
      );
    }
  }

  private async moveToVfio(device: PciDevice): Promise<void> {
    const { address } = device;
    await this.sysfs.write(devicePath(address, "driver_override"), vfioDriver);
    if (device.driver === vfioDriver) return;
    if (device.driver !== null) await this.sysfs.write(`bus/pci/drivers/${device.driver}/unbind`, address);
    await this.sysfs.write(`bus/pci/drivers/${vfioDriver}/bind`, address);
    const now = await this.sysfs.linkName(devicePath(address, "driver"));
    if (now !== vfioDriver) throw new Error(`after bind it is on ${now ?? "no driver"}, not ${vfioDriver}`);
  }

  private async restoreAll(records: readonly VfioDeviceRecord[]): Promise<string[]> {
    const failures: string[] = [];
    for (const record of [...records].reverse()) {
      try {
        await this.restore(record);
      } catch (error) {
        failures.push(`${record.address}: ${message(error)}`);
      }
    }
    return failures;
  }

  private async restore(record: VfioDeviceRecord): Promise<void> {
    const { address, originalDriver } = record;
    const current = await readPciDevice(this.sysfs, address);
    if (current.driver !== null && current.driver !== originalDriver) {
      await this.sysfs.write(`bus/pci/drivers/${current.driver}/unbind`, address);
    }
    if (current.driverOverride !== record.originalOverride) {
      // A lone newline clears driver_override; an empty write would be skipped and clear nothing.
      await this.sysfs.write(devicePath(address, "driver_override"), record.originalOverride ?? "\n");
    }
    if (originalDriver !== null && current.driver !== originalDriver) {
      await this.sysfs.write(`bus/pci/drivers/${originalDriver}/bind`, address);
      const now = await this.sysfs.linkName(devicePath(address, "driver"));
      if (now !== originalDriver)
        throw new Error(`could not rebind it to ${originalDriver} (now ${now ?? "none"})`);
    }
  }
}

/** Why a function of a GPU's IOMMU group cannot go to the VM with it, or undefined when it can. */
function memberProblem(
  device: PciDevice,
  gpu: PciDevice,
  requested: readonly PciAddress[],
): string | undefined {
  const group = `IOMMU group ${gpu.iommuGroup}`;
  if (isDisplayController(device) && !requested.includes(device.address)) {
    return `${group} of GPU ${gpu.address} also holds GPU ${device.address}, which this VM did not request; request both or place them in separate groups (ACS)`;
  }
  const sameCard = device.vendor === gpu.vendor;
  if (!sameCard && device.driver !== null && device.driver !== vfioDriver) {
    return `${group} of GPU ${gpu.address} also holds ${device.address} (vendor ${device.vendor}, class ${device.pciClass}, driver ${device.driver}), which the host would lose; move the card to a slot with its own group`;
  }
  return undefined;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
