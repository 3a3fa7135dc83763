import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parsePciAddress } from "../../node-agent/vfio/PciAddress.ts";
import { cloudHypervisorArguments } from "./cloud-hypervisor/CloudHypervisorRuntime.ts";
import { kubevirtVmiManifest } from "./kubevirt/KubevirtVmiManifest.ts";
import { libvirtDomainXml } from "./libvirt/LibvirtDomainXml.ts";
import { parseMemoryMiB } from "./MemorySize.ts";
import { shellLine } from "./ShellWords.ts";
import type { VmJobSpec } from "./VmJobSpec.ts";

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), "golden");

// Set TESSERA_UPDATE_GOLDEN=1 to rewrite the files after an intended change, then review the diff.
function expectGolden(name: string, actual: string): void {
  const path = join(goldenDir, name);
  if (process.env.TESSERA_UPDATE_GOLDEN === "1") writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

const twoGpuJob: VmJobSpec = {
  jobId: "job-42",
  vcpus: 8,
  memoryMiB: parseMemoryMiB("64GiB"),
  command: ["python3", "train.py"],
  env: {},
  gpus: [
    {
      address: parsePciAddress("0000:65:00.0"),
      iommuGroup: 12,
      groupDevices: [parsePciAddress("0000:65:00.0"), parsePciAddress("0000:65:00.1")],
    },
    {
      address: parsePciAddress("0000:e3:00.0"),
      iommuGroup: 40,
      groupDevices: [parsePciAddress("0000:e3:00.0")],
    },
  ],
};
const boot = { kernel: "/boot/vmlinuz", workDir: "/var/lib/tessera/vm/job-42" };

describe("Cloud Hypervisor command line", () => {
  it("matches the golden file: a --device path= per function of each GPU's IOMMU group", () => {
    const args = cloudHypervisorArguments(twoGpuJob, {
      kernel: boot.kernel,
      initrd: `${boot.workDir}/initramfs.cpio`,
      sysfsRoot: "/sys",
      apiSocket: `${boot.workDir}/cloud-hypervisor.sock`,
    });
    expectGolden("cloud-hypervisor-2gpu.txt", `${shellLine(["cloud-hypervisor", ...args])}\n`);
    expect(args.slice(args.indexOf("--device"))).toEqual([
      "--device",
      "path=/sys/bus/pci/devices/0000:65:00.0/",
      "path=/sys/bus/pci/devices/0000:65:00.1/",
      "path=/sys/bus/pci/devices/0000:e3:00.0/",
    ]);
  });
});

describe("KubeVirt VirtualMachineInstance", () => {
  it("matches the golden file and requests one GPU per entry under the device plugin's VFIO resource", () => {
    const manifest = kubevirtVmiManifest(twoGpuJob, {
      gpuModel: "H100-SXM5-80GB",
      naming: "nvidia",
      kernelBootImage: "registry.example/tessera/vm-kernel-boot:1",
    });
    expectGolden("kubevirt-vmi-2gpu.yaml", manifest);
    const vmi = parse(manifest) as {
      apiVersion: string;
      kind: string;
      spec: { domain: { devices: { gpus: { name: string; deviceName: string }[] } } };
    };
    expect(vmi.apiVersion).toBe("kubevirt.io/v1");
    expect(vmi.kind).toBe("VirtualMachineInstance");
    expect(vmi.spec.domain.devices.gpus).toEqual([
      { name: "gpu0", deviceName: "nvidia.com/H100_SXM5_80GB" },
      { name: "gpu1", deviceName: "nvidia.com/H100_SXM5_80GB" },
    ]);
  });
});

describe("libvirt domain XML", () => {
  const xml = libvirtDomainXml(twoGpuJob, {
    kernel: boot.kernel,
    initrd: `${boot.workDir}/initramfs.cpio`,
    consoleLog: `${boot.workDir}/console.log`,
  });

  it("matches the golden file with one unmanaged PCI hostdev per GPU", () => {
    expectGolden("libvirt-domain-2gpu.xml", xml);
    expect(xml).toContain("<address domain='0x0000' bus='0xe3' slot='0x00' function='0x0'/>");
    expect(xml.match(/<hostdev mode='subsystem' type='pci' managed='no'>/g)).toHaveLength(2);
  });

  it("validates against libvirt's domain schema (virt-xml-validate), and a broken one does not", () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-libvirt-"));
    try {
      writeFileSync(join(dir, "domain.xml"), xml);
      const valid = spawnSync("virt-xml-validate", [join(dir, "domain.xml"), "domain"], { encoding: "utf8" });
      expect(valid.status, valid.stderr).toBe(0);
      writeFileSync(
        join(dir, "broken.xml"),
        xml.replace("type='pci' managed='no'", "type='pcie' managed='no'"),
      );
      expect(() =>
        execFileSync("virt-xml-validate", [join(dir, "broken.xml"), "domain"], { stdio: "pipe" }),
      ).toThrow();
      const micro = libvirtDomainXml(
        { ...twoGpuJob, jobId: "a&b<c>", gpus: [] },
        { kernel: "/k", initrd: "/i", consoleLog: "/c" },
      );
      writeFileSync(join(dir, "micro.xml"), micro);
      execFileSync("virt-xml-validate", [join(dir, "micro.xml"), "domain"], { stdio: "pipe" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("parseMemoryMiB", () => {
  it("reads binary units and says how to write a size", () => {
    expect(parseMemoryMiB("8GiB")).toBe(8192);
    expect(parseMemoryMiB("512MiB")).toBe(512);
    expect(parseMemoryMiB("2G")).toBe(2048);
    expect(parseMemoryMiB("1536")).toBe(1536);
    expect(parseMemoryMiB("1.5GiB")).toBe(1536);
    expect(() => parseMemoryMiB("8 GB of RAM")).toThrow("write it like 512MiB, 8GiB or 2G");
    expect(() => parseMemoryMiB("0")).toThrow("not a memory size");
  });
});
