import { findGpuModelByName } from "../../proto/catalog/GpuCatalog.ts";
import {
  catalogMigProfiles,
  type MigInstance,
  type MigProfileInfo,
  readMigInstances,
  readMigProfiles,
} from "./MigInventory.ts";
import { Nvml } from "./Nvml.ts";
import { NvmlError, NvmlReturn, nvmlOptional } from "./NvmlError.ts";
import { type DeviceHandle, NVLINK_MAX_LINKS } from "./nvmlTypes.ts";

export interface NvlinkPeer {
  /** PCI bus id at the other end of the links. */
  pciBusId: string;
  /** Index of that GPU on this host; null when the other end is not one of its GPUs (e.g. an NVSwitch). */
  gpuIndex: number | null;
  /** Active links to it. */
  links: number;
}

export interface GpuProcess {
  pid: number;
  usedMemoryMiB: number | null;
  gpuInstanceId: number | null;
  computeInstanceId: number | null;
}

export interface DiscoveredGpu {
  index: number;
  uuid: string;
  name: string;
  /** Catalog id (e.g. `H100-SXM5-80GB`) when the NVML name is a known model. */
  model: string | null;
  serial: string | null;
  memoryMiB: number;
  pciBusId: string;
  /** `0x233010DE` */
  pciDeviceId: string;
  computeCapability: string;
  nvlinkPeers: NvlinkPeer[];
  processes: GpuProcess[];
  mig: {
    capable: boolean;
    enabled: boolean;
    /** Differs from `enabled` while a mode change waits for a GPU reset. */
    pendingEnabled: boolean;
    /** `nvml` when read from the driver (MIG on), `catalog` when MIG is off and the model is known, else `none`. */
    profilesSource: "nvml" | "catalog" | "none";
    profiles: MigProfileInfo[];
    instances: MigInstance[];
  };
}

export interface HostDiscovery {
  driverVersion: string;
  nvmlVersion: string;
  cudaDriverVersion: number | null;
  gpus: DiscoveredGpu[];
}

const MiB = 2 ** 20;

function hex32(value: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(8, "0")}`;
}

function nvlinkPeers(nvml: Nvml, device: DeviceHandle, indexByBusId: Map<string, number>): NvlinkPeer[] {
  const peers = new Map<string, NvlinkPeer>();
  for (let link = 0; link < NVLINK_MAX_LINKS; link++) {
    let active: boolean;
    try {
      active = nvml.nvLinkActive(device, link);
    } catch (error) {
      // No NVLink at all: stop; a link number this GPU or driver lacks: try the next.
      if (link === 0 && NvmlError.isCode(error, NvmlReturn.ERROR_NOT_SUPPORTED)) break;
      if (error instanceof NvmlError) continue;
      throw error;
    }
    if (!active) continue;
    const remote = nvmlOptional(() => nvml.nvLinkRemotePciInfo(device, link));
    if (!remote) continue;
    const busId = remote.busId.toUpperCase();
    const peer = peers.get(busId) ?? { pciBusId: busId, gpuIndex: indexByBusId.get(busId) ?? null, links: 0 };
    peer.links++;
    peers.set(busId, peer);
  }
  // Bus ids share one upper-case format, so code-unit order is their order; localeCompare would map ICU's
  // collation data into an idle agent's memory (about 2 MiB) for this one sort.
  return [...peers.values()].sort((a, b) => (a.pciBusId < b.pciBusId ? -1 : a.pciBusId > b.pciBusId ? 1 : 0));
}

/**
 * What NVML says about a GPU that cannot change while the driver runs: a session reads it once per GPU and only
 * asks again when the GPU at that index has another UUID (the driver was reloaded, a GPU was swapped).
 */
export type GpuFixedFacts = Pick<
  DiscoveredGpu,
  | "uuid"
  | "name"
  | "model"
  | "serial"
  | "memoryMiB"
  | "pciBusId"
  | "pciDeviceId"
  | "computeCapability"
  | "nvlinkPeers"
> & {
  /** The GPU-instance profiles NVML reported the first time MIG was on (they depend on the model alone). */
  nvmlMigProfiles?: MigProfileInfo[];
  /** The GPU's handle: NVML's handle for an index stays valid until the session is shut down. */
  device: DeviceHandle;
};

function readFixedFacts(
  nvml: Nvml,
  device: DeviceHandle,
  uuid: string,
  indexByBusId: Map<string, number>,
): GpuFixedFacts {
  const name = nvml.name(device);
  const pci = nvml.pciInfo(device);
  const cc = nvml.computeCapability(device);
  return {
    device,
    uuid,
    name,
    model: findGpuModelByName(name)?.id ?? null,
    serial: nvmlOptional(() => nvml.serial(device)),
    memoryMiB: Math.round(nvml.memoryInfo(device).totalBytes / MiB),
    pciBusId: pci.busId.toUpperCase(),
    pciDeviceId: hex32(pci.pciDeviceId),
    computeCapability: `${cc.major}.${cc.minor}`,
    nvlinkPeers: nvlinkPeers(nvml, device, indexByBusId),
  };
}

/**
 * One GPU's inventory; `indexByBusId` resolves NVLink peers to GPU indices. `known` (by GPU index) keeps the fixed
 * facts between calls, so that a repeated discovery reads only MIG mode, instances and processes.
 */
export function discoverGpu(
  nvml: Nvml,
  index: number,
  indexByBusId: () => Map<string, number>,
  known: Map<number, GpuFixedFacts> = new Map(),
): DiscoveredGpu {
  let fixed = known.get(index);
  // The UUID is read again through the same handle: a GPU swapped at this index has another one.
  const device = fixed?.device ?? nvml.deviceByIndex(index);
  const uuid = nvml.uuid(device);
  if (fixed?.uuid !== uuid) {
    fixed = readFixedFacts(nvml, device, uuid, indexByBusId());
    known.set(index, fixed);
  }
  const migMode = nvmlOptional(() => nvml.migMode(device));
  const capable = migMode !== null;
  const enabled = migMode?.current ?? false;
  let profiles: MigProfileInfo[] = [];
  let profilesSource: DiscoveredGpu["mig"]["profilesSource"] = "none";
  let instances: MigInstance[] = [];
  if (enabled) {
    fixed.nvmlMigProfiles ??= readMigProfiles(nvml, device);
    profiles = fixed.nvmlMigProfiles;
    profilesSource = "nvml";
    instances = readMigInstances(nvml, device, profiles);
  } else if (capable) {
    profiles = catalogMigProfiles(fixed.name);
    profilesSource = profiles.length > 0 ? "catalog" : "none";
  }
  const processes = (nvmlOptional(() => nvml.computeProcesses(device)) ?? []).map((p) => ({
    pid: p.pid,
    usedMemoryMiB: p.usedGpuMemoryBytes === null ? null : Math.round(p.usedGpuMemoryBytes / MiB),
    gpuInstanceId: p.gpuInstanceId,
    computeInstanceId: p.computeInstanceId,
  }));
  const { nvmlMigProfiles: _profiles, device: _device, ...facts } = fixed;
  return {
    index,
    ...facts,
    processes,
    mig: { capable, enabled, pendingEnabled: migMode?.pending ?? false, profilesSource, profiles, instances },
  };
}

/** Everything `tessera discover --json` prints, read through an open NVML; `known` as in `discoverGpu`. */
export function discoverWith(nvml: Nvml, known: Map<number, GpuFixedFacts> = new Map()): HostDiscovery {
  const gpus = discoverGpus(nvml, known);
  return {
    driverVersion: nvml.driverVersion(),
    nvmlVersion: nvml.nvmlVersion(),
    cudaDriverVersion: nvmlOptional(() => nvml.cudaDriverVersion()),
    gpus,
  };
}

/** Every GPU's inventory without the driver's versions (a session's periodic walk); `known` as in `discoverGpu`. */
export function discoverGpus(nvml: Nvml, known: Map<number, GpuFixedFacts> = new Map()): DiscoveredGpu[] {
  const count = nvml.deviceCount();
  let indexByBusId: Map<string, number> | undefined;
  const busIds = (): Map<string, number> => {
    if (!indexByBusId) {
      indexByBusId = new Map();
      for (let i = 0; i < count; i++)
        indexByBusId.set(nvml.pciInfo(nvml.deviceByIndex(i)).busId.toUpperCase(), i);
    }
    return indexByBusId;
  };
  const gpus: DiscoveredGpu[] = [];
  for (let i = 0; i < count; i++) gpus.push(discoverGpu(nvml, i, busIds, known));
  return gpus;
}

/** Opens NVML (TESSERA_NVML_LIBRARY or the driver), reads the host's GPUs and MIG layout, and closes it. */
export function discoverHost(libraryPath?: string): HostDiscovery {
  const nvml = Nvml.open(libraryPath);
  try {
    return discoverWith(nvml);
  } finally {
    nvml.close();
  }
}
