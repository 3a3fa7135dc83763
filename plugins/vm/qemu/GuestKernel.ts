import { accessSync, constants, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * The kernel the guests boot: `TESSERA_GUEST_KERNEL` or the newest readable `/boot/vmlinuz-*` (Debian's
 * `linux-image-amd64`). Its 8250 serial console and ACPI power-off are built in, which is all an initramfs-only
 * guest needs, so it boots under `-M microvm` without virtio modules.
 */
export function findGuestKernel(explicit = process.env.TESSERA_GUEST_KERNEL, bootDir = "/boot"): string {
  if (explicit) {
    accessSync(explicit, constants.R_OK);
    return explicit;
  }
  const kernels = (() => {
    try {
      return readdirSync(bootDir).filter((name) => name.startsWith("vmlinuz-"));
    } catch {
      return [];
    }
  })()
    .sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))
    .map((name) => join(bootDir, name))
    .filter((path) => {
      try {
        accessSync(path, constants.R_OK);
        return true;
      } catch {
        return false;
      }
    });
  const kernel = kernels[0];
  if (!kernel) {
    throw new Error(
      `no readable guest kernel in ${bootDir} (vmlinuz-*); install Debian's linux-image-amd64 or set TESSERA_GUEST_KERNEL`,
    );
  }
  return kernel;
}
