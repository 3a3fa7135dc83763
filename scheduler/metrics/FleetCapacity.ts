import {
  findGpuModel,
  findMigProfile,
  type GpuModel,
  type MigProfile,
} from "../../proto/catalog/GpuCatalog.ts";
import { canCreateAt, type MigInstance } from "../engine/MigLayout.ts";
import {
  type FleetGpu,
  type FleetNode,
  type FleetSnapshot,
  sliceTaken,
} from "../readmodel/FleetReadModel.ts";

export type GpuState = "free" | "partial" | "full" | "unavailable";

export interface ProfileCapacity {
  profile: string;
  /**
   * Instances of this profile that could be handed out now: free existing ones plus free valid placements;
   * a GPU with nothing allocated counts as repartitioned for the profile.
   */
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
    gpu.slices.reduce((sum, s) => sum + (sliceTaken(s) ? s.share : 0), 0),
  );
}

function gpuState(node: FleetNode, gpu: FleetGpu): GpuState {
  if (!usable(node, gpu)) return "unavailable";
  const share = allocatedShare(gpu);
  if (share <= 0) return "free";
  return share >= 1 - 1e-9 ? "full" : "partial";
}

/** The GPU's MIG instances (allocated or not) in the placement engine's terms. */
function migLayout(model: GpuModel, gpu: FleetGpu): MigInstance[] {
  const layout: MigInstance[] = [];
  for (const slice of gpu.slices) {
    const profile = slice.profile === undefined ? undefined : findMigProfile(model, slice.profile);
    if (slice.kind !== "mig" || !profile || slice.placementStart === undefined) continue;
    layout.push({ profile, start: slice.placementStart, allocationId: slice.jobId });
  }
  return layout;
}

/** New instances of `profile` that fit next to `layout`, created one after the other at the lowest valid start. */
function creatable(model: GpuModel, layout: readonly MigInstance[], profile: MigProfile): number {
  const instances = [...layout];
  for (const start of [...profile.placementStarts].sort((a, b) => a - b)) {
    if (canCreateAt(model, instances, profile, start))
      instances.push({ profile, start, allocationId: undefined });
  }
  return instances.length - layout.length;
}

function profileCapacity(
  node: FleetNode,
  gpu: FleetGpu,
  model: GpuModel,
  profile: MigProfile,
): ProfileCapacity {
  const ofProfile = gpu.slices.filter((s) => s.kind === "mig" && s.profile === profile.name);
  const allocated = ofProfile.filter(sliceTaken).length;
  let available = 0;
  if (usable(node, gpu) && !gpu.slices.some(sliceTaken)) {
    // An untouched GPU, or a MIG GPU whose instances are all free, can be repartitioned for the profile.
    available = creatable(model, [], profile);
  } else if (usable(node, gpu) && gpu.sharingMode === "mig") {
    available = ofProfile.length - allocated + creatable(model, migLayout(model, gpu), profile);
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
      const model = findGpuModel(gpu.modelId);
      for (const profile of model?.mig?.profiles ?? []) {
        if (!model) break;
        const capacity = profileCapacity(node, gpu, model, profile);
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
