import type { Command } from "commander";
import { type DiscoveredGpu, discoverHost } from "../nvml/discoverHost.ts";
import { formatMigInstances } from "./migLayoutText.ts";

function describeGpu(gpu: DiscoveredGpu): string[] {
  const mig = gpu.mig.capable ? `MIG ${gpu.mig.enabled ? "on" : "off"}` : "no MIG";
  const lines = [
    `GPU ${gpu.index}  ${gpu.name}  ${gpu.uuid}`,
    `  memory ${gpu.memoryMiB} MiB, PCI ${gpu.pciBusId} (${gpu.pciDeviceId}), compute ${gpu.computeCapability}, ${mig}`,
  ];
  if (gpu.nvlinkPeers.length > 0) {
    const peers = gpu.nvlinkPeers.map(
      (p) =>
        `${p.gpuIndex === null ? p.pciBusId : `GPU ${p.gpuIndex}`} (${p.links} link${p.links === 1 ? "" : "s"})`,
    );
    lines.push(`  NVLink: ${peers.join(", ")}`);
  }
  if (gpu.mig.profiles.length > 0) {
    const source = gpu.mig.profilesSource === "catalog" ? " (from the catalog while MIG is off)" : "";
    lines.push(`  MIG profiles${source}:`);
    for (const p of gpu.mig.profiles) {
      const starts = p.placements.map((q) => q.start).join(",");
      lines.push(
        `    ${p.name.padEnd(12)} id ${String(p.id).padStart(2)}  ${String(p.memoryMiB).padStart(6)} MiB  ` +
          `max ${p.maxInstances}  placements {${starts}}:${p.memorySlices}`,
      );
    }
  }
  if (gpu.mig.enabled) lines.push(...formatMigInstances(gpu.mig.instances, "  "));
  return lines;
}

/** `tessera discover [--json]`: the host's GPUs, MIG profiles and instances through NVML. */
export function registerDiscoverCommand(program: Command): void {
  program
    .command("discover")
    .description(
      "List this host's GPUs (index, UUID, name, memory, PCI bus id, MIG mode, NVLink peers), their MIG profiles " +
        "with placements and the existing MIG instances. Uses TESSERA_NVML_LIBRARY when set.",
    )
    .option("--json", "print the stable JSON documented in docs/nvml.md")
    .action((options: { json?: boolean }) => {
      try {
        const host = discoverHost();
        if (options.json) {
          console.log(JSON.stringify(host, null, 2));
          return;
        }
        console.log(`driver ${host.driverVersion}, NVML ${host.nvmlVersion}, ${host.gpus.length} GPU(s)`);
        for (const gpu of host.gpus) console.log(describeGpu(gpu).join("\n"));
      } catch (error) {
        console.error(`tessera discover: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      }
    });
}
