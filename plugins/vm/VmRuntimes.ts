import type { NamingScheme } from "../deviceplugin/ResourceNaming.ts";
import type { Accelerator, VmRuntime } from "./VmRuntime.ts";

export const vmRuntimeNames = ["qemu", "cloud-hypervisor", "libvirt", "kubevirt"] as const;
export type VmRuntimeName = (typeof vmRuntimeNames)[number];

export interface VmRuntimeConfig {
  sysfsRoot?: string;
  /** qemu: skip the KVM probe. */
  accelerator?: Accelerator;
  kernel?: string;
  /** kubevirt: the GPU model whose VFIO resource the VMI requests, the naming scheme and the kernel image. */
  gpuModel?: string;
  naming?: NamingScheme;
  kernelBootImage?: string;
}

/**
 * The runtime `tessera agent --vm-runtime NAME` (and `tessera vm ...`) uses. Only that runtime's code is loaded:
 * an idle agent keeps the others (and KubeVirt's YAML writer) out of its memory.
 */
export async function createVmRuntime(name: string, config: VmRuntimeConfig = {}): Promise<VmRuntime> {
  const kernel = config.kernel ? { kernel: config.kernel } : {};
  switch (name as VmRuntimeName) {
    case "qemu": {
      const { QemuRuntime } = await import("./qemu/QemuRuntime.ts");
      return new QemuRuntime({
        ...kernel,
        ...(config.accelerator ? { accelerator: config.accelerator } : {}),
      });
    }
    case "cloud-hypervisor": {
      const { CloudHypervisorRuntime } = await import("./cloud-hypervisor/CloudHypervisorRuntime.ts");
      return new CloudHypervisorRuntime({
        ...kernel,
        ...(config.sysfsRoot ? { sysfsRoot: config.sysfsRoot } : {}),
      });
    }
    case "libvirt": {
      const { LibvirtRuntime } = await import("./libvirt/LibvirtRuntime.ts");
      return new LibvirtRuntime(kernel);
    }
    case "kubevirt": {
      const { KubevirtRuntime } = await import("./kubevirt/KubevirtRuntime.ts");
      return new KubevirtRuntime({
        gpuModel: config.gpuModel ?? "H100-SXM5-80GB",
        naming: config.naming ?? "nvidia",
        kernelBootImage: config.kernelBootImage ?? "tessera/vm-kernel-boot:latest",
      });
    }
    default:
      throw new Error(`unknown VM runtime "${name}"; choose one of ${vmRuntimeNames.join(", ")}`);
  }
}
