/** One source's view of a GPU (our binding, nvidia-smi or pynvml); a field a source cannot see is absent. */
export interface GpuView {
  index: number;
  uuid?: string;
  name?: string;
  serial?: string | null;
  pciBusId?: string;
  memoryTotalMiB?: number;
  minorNumber?: number;
  computeCapability?: string;
  migCurrent?: boolean | null;
  migPending?: boolean | null;
  temperatureC?: number | null;
  powerW?: number | null;
  computeMode?: string | null;
  /** `3g.40gb=MIG-...` for every MIG device, sorted. */
  migDevices?: string[];
  /** `id:index:slices:max:MiB@starts/size` per GPU-instance profile, sorted. */
  migProfiles?: string[];
  /** `gi<id>:profile<id>@start/size` per GPU instance, sorted. */
  gpuInstances?: string[];
}

export interface HostView {
  source: string;
  driverVersion?: string;
  cudaDriverVersion?: number | null;
  gpus: GpuView[];
  /** Why the source could not be read, when it could not. */
  error?: string;
}

/** NVML's compute modes as nvidia-smi and these views spell them. */
export const computeModeNames: readonly string[] = [
  "Default",
  "Exclusive_Thread",
  "Prohibited",
  "Exclusive_Process",
];

/** PCI bus ids as `00000000:07:00.0`, whatever case or domain width a source prints. */
export function normalizeBusId(busId: string): string {
  const match = /^([0-9a-fA-F]+):([0-9a-fA-F]{2}):([0-9a-fA-F]{2})\.([0-7])$/.exec(busId.trim());
  if (!match) return busId.trim().toUpperCase();
  return `${match[1]?.padStart(8, "0")}:${match[2]}:${match[3]}.${match[4]}`.toUpperCase();
}
