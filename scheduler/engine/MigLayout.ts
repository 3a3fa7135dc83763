import type { GpuModel, MigProfile } from "../../proto/catalog/GpuCatalog.ts";

/** One MIG instance on a GPU, as the engine tracks it. */
export interface MigInstance {
  profile: MigProfile;
  start: number;
  allocationId: string | undefined;
  /** Set while the instance holds MPS shares instead of one `mig` allocation (docs/mps.md). */
  shares?: InstanceShares;
}

/** What the MPS shares on one MIG instance hold and leave: thousandths of the GPU, MiB of the instance. */
export interface InstanceShares {
  count: number;
  freeMilli: number;
  memFreeMiB: number;
}

/** Whether the instance is taken, by a `mig` allocation or by shares: MIG planning must leave it as it is. */
export function instanceHeld(inst: MigInstance): boolean {
  return inst.allocationId !== undefined || inst.shares !== undefined;
}

/** What placement checks need to know about a layout: occupied memory slices, compute used, count per profile. */
interface LayoutSummary {
  mask: number;
  compute: number;
  perProfile: Map<string, number>;
}

function spanMask(start: number, memorySlices: number): number {
  return ((1 << memorySlices) - 1) << start;
}

/** Memory-slice occupancy of a layout as a bit mask (bit i = memory slice i in use). */
export function memorySliceMask(instances: readonly MigInstance[]): number {
  let mask = 0;
  for (const inst of instances) mask |= spanMask(inst.start, inst.profile.memorySlices);
  return mask;
}

export function computeSlicesUsed(instances: readonly MigInstance[]): number {
  let used = 0;
  for (const inst of instances) used += inst.profile.computeSlices;
  return used;
}

function summarise(instances: readonly MigInstance[]): LayoutSummary {
  const perProfile = new Map<string, number>();
  for (const inst of instances)
    perProfile.set(inst.profile.name, (perProfile.get(inst.profile.name) ?? 0) + 1);
  return { mask: memorySliceMask(instances), compute: computeSlicesUsed(instances), perProfile };
}

function fits(model: GpuModel, layout: LayoutSummary, profile: MigProfile, start: number): boolean {
  const geometry = model.mig;
  if (!geometry || !profile.placementStarts.includes(start)) return false;
  if (start + profile.memorySlices > geometry.memorySlices) return false;
  if ((layout.mask & spanMask(start, profile.memorySlices)) !== 0) return false;
  if (layout.compute + profile.computeSlices > geometry.computeSlices) return false;
  return (layout.perProfile.get(profile.name) ?? 0) < profile.maxInstances;
}

/**
 * Whether `profile` can be created at `start` next to `instances`: a placement NVIDIA allows for the model, no
 * memory slice shared with another instance, the compute-slice budget and the per-profile instance limit.
 */
export function canCreateAt(
  model: GpuModel,
  instances: readonly MigInstance[],
  profile: MigProfile,
  start: number,
): boolean {
  return fits(model, summarise(instances), profile, start);
}

/** How many instances of any profile could still be created one at a time: a measure of room left. */
function creatablePlacements(model: GpuModel, layout: LayoutSummary): number {
  let count = 0;
  for (const p of model.mig?.profiles ?? []) {
    for (const s of p.placementStarts) if (fits(model, layout, p, s)) count++;
  }
  return count;
}

/**
 * The placement start for a new `profile` instance that blocks the fewest later placements, or undefined when
 * none is valid. Ties go to the lowest start.
 */
export function leastBlockingStart(
  model: GpuModel,
  instances: readonly MigInstance[],
  profile: MigProfile,
): number | undefined {
  const layout = summarise(instances);
  let best: number | undefined;
  let bestRoom = -1;
  for (const start of profile.placementStarts) {
    if (!fits(model, layout, profile, start)) continue;
    const after: LayoutSummary = {
      mask: layout.mask | spanMask(start, profile.memorySlices),
      compute: layout.compute + profile.computeSlices,
      perProfile: new Map(layout.perProfile).set(
        profile.name,
        (layout.perProfile.get(profile.name) ?? 0) + 1,
      ),
    };
    const room = creatablePlacements(model, after);
    if (room > bestRoom) {
      bestRoom = room;
      best = start;
    }
  }
  return best;
}
