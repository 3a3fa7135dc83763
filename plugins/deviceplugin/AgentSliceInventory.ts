import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DiscoveredGpu } from "../../node-agent/nvml/discoverHost.ts";
import { parsePciAddress } from "../../node-agent/vfio/PciAddress.ts";
import type { AssignedSlice__Output } from "../../proto/generated/tessera/v1/AssignedSlice.ts";
import type { DesiredState__Output } from "../../proto/generated/tessera/v1/DesiredState.ts";
import type { SharingRule } from "./DevicePluginConfig.ts";
import { DEFAULT_SHARED_REPLICAS, sharedUse, sharingRuleFor } from "./SharedSplit.ts";
import type { GpuUse, InventoryGpu, NodeInventory, SliceInventory } from "./SliceInventory.ts";
import type { VfioGpu } from "./VfioGpuScan.ts";

/** What the agent knows: its GPUs as NVML shows them now, and the scheduler's latest desired state. */
export interface AgentView {
  discover(): DiscoveredGpu[];
  desired(): DesiredState__Output | undefined;
  /** GPUs bound to vfio-pci for VMs (NVML does not see them). */
  vfioGpus(): Promise<VfioGpu[]>;
}

/** `/sys/bus/pci/devices/<addr>/numa_node`; -1 or unreadable means the host does not say. */
function numaNode(sysfsRoot: string, pciBusId: string): number | null {
  try {
    const path = join(sysfsRoot, "bus/pci/devices", parsePciAddress(pciBusId), "numa_node");
    const value = Number(readFileSync(path, "utf8").trim());
    return Number.isInteger(value) && value >= 0 ? value : null;
  } catch {
    return null;
  }
}

/**
 * The node's slices as Kubernetes may use them: each GPU in the use the scheduler chose for it (or, before the
 * first desired state, what NVML shows), minus every slice the scheduler assigned to a Tessera job, so a pod and
 * a job never get the same slice. `refresh()` recomputes it from scratch and tells subscribers when it changed.
 */
export class AgentSliceInventory implements SliceInventory {
  private snapshot: NodeInventory = { gpus: [] };
  private key = JSON.stringify(this.snapshot);
  private readonly listeners = new Set<(inventory: NodeInventory) => void>();
  /** PCI address of every GPU NVML has shown, kept after it moves to vfio-pci (then NVML no longer shows it). */
  private readonly addressOf = new Map<string, string>();

  constructor(
    private readonly view: AgentView,
    private readonly sharing: readonly SharingRule[],
    private readonly sysfsRoot = "/sys",
  ) {}

  current(): NodeInventory {
    return this.snapshot;
  }

  subscribe(listener: (inventory: NodeInventory) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Re-reads NVML, sysfs and the desired state; throws what they threw (the previous snapshot stays). */
  async refresh(): Promise<void> {
    const discovered = this.view.discover();
    const desired = this.view.desired();
    for (const gpu of discovered) {
      try {
        this.addressOf.set(gpu.uuid, parsePciAddress(gpu.pciBusId));
      } catch {
        // Not a PCI address NVML should print; such a GPU cannot be on vfio-pci either.
      }
    }
    // A GPU a Tessera VM job holds is bound to vfio-pci too; it is the job's, not Kubernetes'.
    const heldByTessera = new Set(
      (desired?.assignments ?? []).flatMap((a) => a.slices.map((s) => this.addressOf.get(s.gpuUuid))),
    );
    const vfio = (await this.view.vfioGpus()).filter((gpu) => !heldByTessera.has(gpu.address));
    const snapshot: NodeInventory = {
      gpus: [
        ...discovered.flatMap((gpu) => {
          const use = this.useOf(gpu, desired);
          return use ? [this.inventoryGpu(gpu, discovered, use)] : [];
        }),
        ...vfio.map(
          (gpu, i): InventoryGpu => ({
            // Not an NVML UUID: the GPU is bound to vfio-pci, so its PCI address is its name.
            uuid: `VFIO-${gpu.address}`,
            index: discovered.length + i,
            model: gpu.model,
            memoryMiB: gpu.memoryMiB,
            pciBusId: gpu.address,
            numaNode: numaNode(this.sysfsRoot, gpu.address),
            nvlinkPeers: {},
            health: "Healthy",
            use: { mode: "vfio", iommuGroup: gpu.iommuGroup },
          }),
        ),
      ],
    };
    const key = JSON.stringify(snapshot);
    if (key === this.key) return;
    this.snapshot = snapshot;
    this.key = key;
    for (const listener of this.listeners) listener(snapshot);
  }

  private inventoryGpu(gpu: DiscoveredGpu, all: DiscoveredGpu[], use: GpuUse): InventoryGpu {
    const peers: Record<string, number> = {};
    for (const peer of gpu.nvlinkPeers) {
      const other = peer.gpuIndex === null ? undefined : all.find((g) => g.index === peer.gpuIndex);
      if (other) peers[other.uuid] = peer.links;
    }
    return {
      uuid: gpu.uuid,
      index: gpu.index,
      model: gpu.model ?? gpu.name,
      memoryMiB: gpu.memoryMiB,
      pciBusId: gpu.pciBusId,
      numaNode: numaNode(this.sysfsRoot, gpu.pciBusId),
      nvlinkPeers: peers,
      health: "Healthy",
      use,
    };
  }

  /** What of this GPU Kubernetes may have, or null for nothing (taken by Tessera jobs, or mid-change). */
  private useOf(gpu: DiscoveredGpu, desired: DesiredState__Output | undefined): GpuUse | null {
    const slices: AssignedSlice__Output[] =
      desired?.assignments.flatMap((a) => a.slices.filter((s) => s.gpuUuid === gpu.uuid)) ?? [];
    const rule = sharingRuleFor(
      { uuid: gpu.uuid, index: gpu.index, model: gpu.model ?? gpu.name },
      this.sharing,
    );
    const mode =
      desired?.gpus.find((g) => g.uuid === gpu.uuid)?.mode ??
      (gpu.mig.enabled ? "mig" : rule ? "shared" : "whole");
    // Until the MIG reconciler has switched the mode, the GPU has neither shape to offer.
    if ((mode === "mig") !== gpu.mig.enabled) return null;
    if (mode === "mig") {
      // An instance Tessera's shares run on (MPS on MIG) is theirs as much as one a MIG job holds.
      const taken = new Set(
        slices
          .filter((s) => s.kind === "mig" || (s.kind === "share" && s.migProfile))
          .map((s) => `${s.migProfile}@${s.migStart}`),
      );
      return {
        mode: "mig",
        instances: gpu.mig.instances
          .filter((i) => i.uuid !== null && !taken.has(`${i.gpuInstanceProfile}@${i.start}`))
          .map((i) => ({
            uuid: i.uuid!,
            profile: i.profile,
            gpuInstanceId: i.gpuInstanceId,
            computeInstanceId: i.computeInstanceId ?? 0,
            health: "Healthy",
          })),
      };
    }
    // A whole or shared GPU with any Tessera job on it is the job's: MPS limits of the two would not add up.
    if (slices.length > 0) return null;
    if (mode === "shared") return sharedUse(gpu.memoryMiB, rule ?? { replicas: DEFAULT_SHARED_REPLICAS });
    return { mode: "whole" };
  }
}
