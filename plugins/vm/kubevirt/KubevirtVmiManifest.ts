import { stringify } from "yaml";
import { type NamingScheme, resourceNaming } from "../../deviceplugin/ResourceNaming.ts";
import { guestKernelCommandLine } from "../GuestKernelCommandLine.ts";
import type { VmJobSpec } from "../VmJobSpec.ts";

export interface KubevirtOptions {
  /** GPU model (catalog id) of the job's GPUs: the resource name the device plugin serves VFIO GPUs under. */
  gpuModel: string;
  /** The device plugin's naming scheme (`nvidia`: `nvidia.com/<MODEL>`, `tessera`: `tessera.io/vm-<model>`). */
  naming: NamingScheme;
  /** A container image holding `/boot/vmlinuz` and `/boot/initramfs.cpio` for KubeVirt's kernel boot. */
  kernelBootImage: string;
  namespace?: string;
}

/**
 * A KubeVirt VirtualMachineInstance for a job: one `gpus[]` entry per GPU naming the VFIO resource that Tessera's
 * device plugin serves (KubeVirt puts it into the virt-launcher pod's limits; the plugin answers Allocate with
 * `PCI_RESOURCE_<NAME>` = the PCI addresses and `/dev/vfio/<group>` devices, from which virt-launcher emits one
 * `<hostdev>` per address), and kernel boot of the job's initramfs from a container image.
 */
export function kubevirtVmiManifest(spec: VmJobSpec, options: KubevirtOptions): string {
  const deviceName = resourceNaming(options.naming).vfio(options.gpuModel);
  const name = `tessera-${spec.jobId.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}`
    .slice(0, 63)
    .replace(/-+$/, "");
  const vmi = {
    apiVersion: "kubevirt.io/v1",
    kind: "VirtualMachineInstance",
    metadata: {
      name,
      ...(options.namespace ? { namespace: options.namespace } : {}),
      labels: { "tessera.io/job": spec.jobId },
    },
    spec: {
      domain: {
        cpu: { cores: spec.vcpus },
        memory: { guest: `${spec.memoryMiB}Mi` },
        firmware: {
          kernelBoot: {
            container: {
              image: options.kernelBootImage,
              kernelPath: "/boot/vmlinuz",
              initrdPath: "/boot/initramfs.cpio",
            },
            kernelArgs: guestKernelCommandLine({ pci: true, accelerator: "kvm" }),
          },
        },
        devices: {
          autoattachGraphicsDevice: false,
          gpus: spec.gpus.map((_gpu, i) => ({ name: `gpu${i}`, deviceName })),
        },
      },
      terminationGracePeriodSeconds: 10,
    },
  };
  return stringify(vmi);
}
