import { findGpuModel, type MigProfile } from "../../proto/catalog/GpuCatalog.ts";
import type { FleetGpu, FleetNode, FleetSnapshot } from "../http/FleetReadModel.ts";

export type GpuState = "free" | "partial" | "full" | "unavailable";

export interface ProfileCapacity {
  profile: string;
  /** Instances of this profile that could be handed out now: free existing ones plus free valid placements. */
  available: number;
  allocated: number;
}

export interface ModelCapacity {
  model: string;
  modelName: string;
  gpus: number;
  gpusByState: Record<GpuState, number>;
  /** Sum of allocated slice shares, in GPUs. */
  allocatedGpus: number;
  freeGpus: number;
  allocationRatio: number;
  fragmentation: number;
  profiles: ProfileCapacity[];
}

export interface FleetCapacityReport {
  gpus: number;
  allocatedGpus: number;
  freeGpus: number;
  allocationRatio: number;
  /**
   * Share of free capacity that is stranded on partly used GPUs, so a whole-GPU request cannot use it:
   * 0 when every free GPU-fraction sits on an entirely free GPU, 1 when none does.
   */
  fragmentation: number;
  models: ModelCapacity[];
}

const usable = (node: FleetNode, gpu: FleetGpu) => node.state === "Ready" && gpu.healthy;

function allocatedShare(gpu: FleetGpu): number {
  return Math.min(
    1,
    gpu.slices.reduce((sum, s) => sum + (s.jobId === undefined ? 0 : s.share), 0),
  );
}

function gpuState(node: FleetNode, gpu: FleetGpu): GpuState {
  if (!usable(node, gpu)) return "unavailable";
  const share = allocatedShare(gpu);
  if (share <= 0) return "free";
  return share >= 1 - 1e-9 ? "full" : "partial";
}

/** Memory slices of a MIG GPU taken by existing instances, allocated or not. */
function occupiedMemorySlices(gpu: FleetGpu, profiles: readonly MigProfile[]): boolean[] {
  const model = findGpuModel(gpu.modelId);
  const occupied = new Array<boolean>(model?.mig?.memorySlices ?? 0).fill(false);
  for (const slice of gpu.slices) {
    const profile = profiles.find((p) => p.name === slice.profile);
    if (!profile || slice.placementStart === undefined) continue;
    for (let i = slice.placementStart; i < slice.placementStart + profile.memorySlices; i++)
      occupied[i] = true;
  }
  return occupied;
}

/**
 * New instances of `profile` that fit in the free memory slices; every placement of one profile has the same
 * width, so taking the lowest free start first gives the most.
 */
function freePlacements(profile: MigProfile, occupied: readonly boolean[], existing: number): number {
  const taken = [...occupied];
  let count = 0;
  for (const start of [...profile.placementStarts].sort((a, b) => a - b)) {
    if (existing + count >= profile.maxInstances) break;
    const span = Array.from({ length: profile.memorySlices }, (_, i) => start + i);
    if (span.some((i) => i >= taken.length || taken[i])) continue;
    for (const i of span) taken[i] = true;
    count++;
  }
  return count;
}

function profileCapacity(node: FleetNode, gpu: FleetGpu, profile: MigProfile): ProfileCapacity {
  const ofProfile = gpu.slices.filter((s) => s.kind === "mig" && s.profile === profile.name);
  const allocated = ofProfile.filter((s) => s.jobId !== undefined).length;
  if (!usable(node, gpu)) return { profile: profile.name, available: 0, allocated };
  const model = findGpuModel(gpu.modelId);
  const profiles = model?.mig?.profiles ?? [];
  let available = 0;
  if (gpu.sharingMode === "mig") {
    available =
      ofProfile.length -
      allocated +
      freePlacements(profile, occupiedMemorySlices(gpu, profiles), ofProfile.length);
  } else if (gpu.slices.length === 0) {
    // An untouched GPU can be repartitioned for the profile.
    available = freePlacements(profile, new Array<boolean>(model?.mig?.memorySlices ?? 0).fill(false), 0);
  }
  return { profile: profile.name, available, allocated };
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** Free and allocated capacity of the fleet by model and MIG profile, with its fragmentation. */
export function fleetCapacity(snapshot: FleetSnapshot): FleetCapacityReport {
  const models = new Map<string, ModelCapacity & { freeOnPartial: number }>();
  for (const node of snapshot.nodes) {
    for (const gpu of node.gpus) {
      let entry = models.get(gpu.modelId);
      if (!entry) {
        entry = {
          model: gpu.modelId,
          modelName: gpu.modelName,
          gpus: 0,
          gpusByState: { free: 0, partial: 0, full: 0, unavailable: 0 },
          allocatedGpus: 0,
          freeGpus: 0,
          allocationRatio: 0,
          fragmentation: 0,
          profiles: (findGpuModel(gpu.modelId)?.mig?.profiles ?? []).map((p) => ({
            profile: p.name,
            available: 0,
            allocated: 0,
          })),
          freeOnPartial: 0,
        };
        models.set(gpu.modelId, entry);
      }
      const state = gpuState(node, gpu);
      entry.gpus++;
      entry.gpusByState[state]++;
      const allocated = allocatedShare(gpu);
      entry.allocatedGpus += allocated;
      if (state !== "unavailable") entry.freeGpus += 1 - allocated;
      if (state === "partial") entry.freeOnPartial += 1 - allocated;
      for (const profile of findGpuModel(gpu.modelId)?.mig?.profiles ?? []) {
        const capacity = profileCapacity(node, gpu, profile);
        const total = entry.profiles.find((p) => p.profile === profile.name);
        if (!total) continue;
        total.available += capacity.available;
        total.allocated += capacity.allocated;
      }
    }
  }
  let gpus = 0;
  let allocatedGpus = 0;
  let freeGpus = 0;
  let freeOnPartial = 0;
  const list: ModelCapacity[] = [];
  for (const { freeOnPartial: stranded, ...entry } of [...models.values()].sort((a, b) =>
    a.model.localeCompare(b.model),
  )) {
    entry.allocationRatio = ratio(entry.allocatedGpus, entry.gpus);
    entry.fragmentation = ratio(stranded, entry.freeGpus);
    gpus += entry.gpus;
    allocatedGpus += entry.allocatedGpus;
    freeGpus += entry.freeGpus;
    freeOnPartial += stranded;
    list.push(entry);
  }
  return {
    gpus,
    allocatedGpus,
    freeGpus,
    allocationRatio: ratio(allocatedGpus, gpus),
    fragmentation: ratio(freeOnPartial, freeGpus),
    models: list,
  };
}
