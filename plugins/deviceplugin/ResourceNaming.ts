/**
 * How slices are named as Kubernetes extended resources. `nvidia` keeps the names of NVIDIA's device plugin
 * (mixed MIG strategy) and KubeVirt GPU plugin so existing pod specs keep working; `tessera` names shares by
 * their memory so a pod asking for a share knows how much memory it gets.
 */
export type NamingScheme = "nvidia" | "tessera";

export const namingSchemes: readonly NamingScheme[] = ["nvidia", "tessera"];

export interface ResourceNaming {
  readonly scheme: NamingScheme;
  wholeGpu(): string;
  /** `profile` as NVIDIA spells it, e.g. `1g.10gb+me`. */
  mig(profile: string): string;
  shared(memoryMiBPerReplica: number): string;
  /** A whole GPU of this model handed to a VM (the name a KubeVirt `permittedHostDevices` entry uses). */
  vfio(model: string): string;
}

/** Device ID of replica `n` of a shared GPU: NVIDIA's `<GPU-UUID>::<n>`, under both schemes. */
export function replicaDeviceId(gpuUuid: string, replica: number): string {
  return `${gpuUuid}::${replica}`;
}

function shareSize(memoryMiB: number): string {
  return memoryMiB >= 1024 ? `${Math.floor(memoryMiB / 1024)}gb` : `${memoryMiB}mb`;
}

const nvidiaNaming: ResourceNaming = {
  scheme: "nvidia",
  wholeGpu: () => "nvidia.com/gpu",
  mig: (profile) => `nvidia.com/mig-${profile.replaceAll("+", ".")}`,
  shared: () => "nvidia.com/gpu.shared",
  vfio: (model) => `nvidia.com/${model.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`,
};

const tesseraNaming: ResourceNaming = {
  scheme: "tessera",
  wholeGpu: () => "tessera.io/gpu",
  mig: (profile) => `tessera.io/mig-${profile.replaceAll("+", ".")}`,
  shared: (memoryMiB) => `tessera.io/shared-${shareSize(memoryMiB)}`,
  vfio: (model) => `tessera.io/vm-${model.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
};

export function resourceNaming(scheme: NamingScheme): ResourceNaming {
  return scheme === "nvidia" ? nvidiaNaming : tesseraNaming;
}
