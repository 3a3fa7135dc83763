import { pciAddressParts } from "../../../node-agent/vfio/PciAddress.ts";
import { guestKernelCommandLine } from "../GuestKernelCommandLine.ts";
import type { VmJobSpec } from "../VmJobSpec.ts";

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/'/g, "&apos;")
    .replace(/"/g, "&quot;");
}

const hex = (value: number, width: number) => `0x${value.toString(16).padStart(width, "0")}`;

/**
 * A libvirt domain for a job: q35 with direct kernel boot of the agent's initramfs, the serial console in a
 * file (the job's log) and one PCI `<hostdev managed='no'>` per GPU. `managed='no'` because the agent has
 * already bound the whole IOMMU group to vfio-pci and restores it itself; libvirt must not rebind it.
 */
export function libvirtDomainXml(
  spec: VmJobSpec,
  boot: { kernel: string; initrd: string; consoleLog: string },
): string {
  const hostdevs = spec.gpus.map((gpu) => {
    const { domain, bus, slot, fn } = pciAddressParts(gpu.address);
    return `    <hostdev mode='subsystem' type='pci' managed='no'>
      <driver name='vfio'/>
      <source>
        <address domain='${hex(domain, 4)}' bus='${hex(bus, 2)}' slot='${hex(slot, 2)}' function='${hex(fn, 1)}'/>
      </source>
    </hostdev>
`;
  });
  return `<domain type='kvm'>
  <name>tessera-${escapeXml(spec.jobId)}</name>
  <memory unit='MiB'>${spec.memoryMiB}</memory>
  <vcpu>${spec.vcpus}</vcpu>
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>
    <kernel>${escapeXml(boot.kernel)}</kernel>
    <initrd>${escapeXml(boot.initrd)}</initrd>
    <cmdline>${escapeXml(guestKernelCommandLine({ pci: true, accelerator: "kvm" }))}</cmdline>
  </os>
  <features>
    <acpi/>
  </features>
  <cpu mode='host-passthrough'/>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>destroy</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <serial type='file'>
      <source path='${escapeXml(boot.consoleLog)}'/>
      <target port='0'/>
    </serial>
${hostdevs.join("")}  </devices>
</domain>
`;
}
