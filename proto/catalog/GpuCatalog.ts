import catalogJson from "./gpu-models.json" with { type: "json" };

/** How sure the fact sheet is of a number: anything but `confirmed` was not seen on real hardware. */
export type Confidence = "confirmed" | "partial" | "unconfirmed";

export interface MigEngines {
  sm: number;
  ce: number;
  dec: number;
  jpeg: number;
  ofa: number;
}

/** One GPU-instance profile as NVML reports it (fact sheet section 7). */
export interface MigProfile {
  /** NVIDIA's spelling, e.g. `3g.40gb`, `1g.10gb+me`. */
  name: string;
  /** NVML profile ID, used by create/placement calls. */
  id: number;
  /** NVML profile index (`NVML_GPU_INSTANCE_PROFILE_*`), used by GetGpuInstanceProfileInfo. Not the ID. */
  index: number;
  computeSlices: number;
  memorySlices: number;
  memoryMiB: number;
  maxInstances: number;
  /** Allowed placement starts, in memory slices; each placement spans `memorySlices`. */
  placementStarts: number[];
  engines: MigEngines;
  confidence: Confidence;
  note?: string;
}

export interface MigGeometry {
  computeSlices: number;
  memorySlices: number;
  profiles: MigProfile[];
}

export interface GpuModel {
  /** Catalog id, e.g. `H100-SXM5-80GB`. */
  id: string;
  /** Name as NVML reports it, e.g. `NVIDIA H100 80GB HBM3`. */
  name: string;
  pciDeviceId: string;
  architecture: string;
  computeCapability: [number, number];
  memoryMiB: number;
  smCount: number;
  mig: MigGeometry | null;
  confidence?: Confidence;
  note?: string;
}

// The JSON is checked against these types by GpuCatalog.test.ts; widen through unknown once, here.
const models: readonly GpuModel[] = (catalogJson as unknown as { models: GpuModel[] }).models;
const byId = new Map(models.map((m) => [m.id, m]));
const byName = new Map(models.map((m) => [m.name, m]));

export const gpuModels: readonly GpuModel[] = models;

export function findGpuModel(id: string): GpuModel | undefined {
  return byId.get(id);
}

/** Resolves the model a real or stand-in GPU reports by its NVML name. */
export function findGpuModelByName(nvmlName: string): GpuModel | undefined {
  return byName.get(nvmlName);
}

export function gpuModel(id: string): GpuModel {
  const model = byId.get(id);
  if (!model) {
    throw new Error(`unknown GPU model "${id}"; known models: ${models.map((m) => m.id).join(", ")}`);
  }
  return model;
}

export function findMigProfile(model: GpuModel, name: string): MigProfile | undefined {
  return model.mig?.profiles.find((p) => p.name === name);
}

/** Thousandths of the GPU an instance of `profile` is: its compute slices of the model's (3g of 7 is 428). */
export function migInstanceMilli(model: GpuModel, profile: MigProfile): number {
  return Math.floor((profile.computeSlices * 1000) / (model.mig?.computeSlices ?? 1));
}

/**
 * A share of `milli` thousandths of the GPU as thousandths of a MIG instance of `profile` (MPS on MIG: an MPS
 * client's percentage is of its device's SMs), at most the whole instance.
 */
export function milliOfInstance(model: GpuModel, profile: MigProfile, milli: number): number {
  return Math.min(1000, Math.ceil((milli * 1000) / migInstanceMilli(model, profile)));
}

/**
 * The smallest MIG profile of a model that gives at least `memoryMiB` and `computeSevenths` compute slices,
 * ignoring media-engine variants; a model-agnostic slice request maps to this on each model.
 */
export function smallestFittingProfile(
  model: GpuModel,
  memoryMiB: number,
  computeSevenths: number,
): MigProfile | undefined {
  if (!model.mig) return undefined;
  const scale = 7 / model.mig.computeSlices;
  return model.mig.profiles
    .filter(
      (p) => !p.name.includes("+") && p.memoryMiB >= memoryMiB && p.computeSlices * scale >= computeSevenths,
    )
    .sort((a, b) => a.computeSlices - b.computeSlices || a.memorySlices - b.memorySlices)[0];
}

/**
 * Compute-instance profile indices valid inside a GPU instance of `giSlices` compute slices: sizes C with
 * C <= G and not (C < G and 2C > G + 1) (fact sheet 7.8). The CI profile ID equals its index.
 */
export const computeInstanceProfileIndexBySlices: Readonly<Record<number, number>> = {
  1: 0,
  2: 1,
  3: 2,
  4: 3,
  7: 4,
  8: 5,
  6: 6,
};

export function validComputeSliceCounts(giSlices: number): number[] {
  return Object.keys(computeInstanceProfileIndexBySlices)
    .map(Number)
    .filter((c) => c <= giSlices && !(c < giSlices && 2 * c > giSlices + 1))
    .sort((a, b) => a - b);
}
