import { readdir, readFile, readlink } from "node:fs/promises";
import { join } from "node:path";
import type { PciDevice } from "./PciDevice.ts";

/** A process that holds a device node of a PCI function, so passing that function to a VM would break it. */
export interface DeviceUser {
  pid: number;
  /** The device node it holds open, e.g. `/dev/nvidia2` or `/dev/vfio/17`. */
  node: string;
}

/** Answers "who still uses this function?" before the binder takes it from the host. */
export interface GpuProcessProbe {
  usersOf(device: PciDevice): Promise<DeviceUser[]>;
}

/**
 * Finds users by their open file descriptors under a proc root: `/dev/nvidia<minor>` for a function on the
 * NVIDIA driver (the minor comes from `driver/nvidia/gpus/<address>/information`) and `/dev/vfio/<group>` for a
 * group another VM holds. Unlike NVML's process list it also sees tools that only opened the device.
 */
export class ProcfsGpuProcessProbe implements GpuProcessProbe {
  constructor(readonly procRoot: string = "/proc") {}

  async usersOf(device: PciDevice): Promise<DeviceUser[]> {
    const nodes = new Set<string>();
    const minor = await this.nvidiaMinor(device);
    if (minor !== undefined) nodes.add(`/dev/nvidia${minor}`);
    if (device.iommuGroup !== null) nodes.add(`/dev/vfio/${device.iommuGroup}`);
    if (nodes.size === 0) return [];
    const users: DeviceUser[] = [];
    for (const pidName of await listOrEmpty(this.procRoot)) {
      if (!/^\d+$/.test(pidName)) continue;
      const fdDir = join(this.procRoot, pidName, "fd");
      for (const fd of await listOrEmpty(fdDir)) {
        const target = await readlink(join(fdDir, fd)).catch(() => undefined);
        if (target !== undefined && nodes.has(target)) {
          users.push({ pid: Number(pidName), node: target });
          break;
        }
      }
    }
    return users;
  }

  private async nvidiaMinor(device: PciDevice): Promise<number | undefined> {
    const info = await readFile(
      join(this.procRoot, "driver/nvidia/gpus", device.address, "information"),
      "utf8",
    ).catch(() => undefined);
    const match = info === undefined ? null : /^Device Minor:\s*(\d+)/m.exec(info);
    return match ? Number(match[1]) : undefined;
  }
}

// Processes come and go while we scan; a vanished one is simply not a user.
async function listOrEmpty(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}
