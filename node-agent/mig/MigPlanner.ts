import { validComputeSliceCounts } from "../../proto/catalog/GpuCatalog.ts";
import type { MigProfileInfo } from "../nvml/MigInventory.ts";

/** One wanted MIG device: a profile name (`3g.40gb`, `1c.3g.40gb`) and, optionally, where its GPU instance starts. */
export interface MigInstanceRequest {
  profile: string;
  start?: number;
}

/** A GPU instance as the plan wants it: profile, start (memory slice), and its compute instances' sizes. */
export interface PlannedGpuInstance {
  profile: MigProfileInfo;
  start: number;
  computeSlices: number[];
}

/** A GPU instance that exists now, described the same way, so the plan can keep it. */
export interface ExistingGpuInstance {
  profileName: string;
  start: number;
  computeSlices: number[];
  /** Processes run on it: keeping it matters more than keeping an idle one. */
  busy?: boolean;
}

export type MigPlan = { ok: true; instances: PlannedGpuInstance[] } | { ok: false; reason: string };

/** `1c.3g.40gb` -> GPU-instance profile `3g.40gb` with 1-slice compute instances; `3g.40gb` -> full size. */
export function splitMigDeviceProfile(name: string): {
  gpuInstanceProfile: string;
  computeSlices: number | null;
} {
  const match = /^(\d+)c\.(.+)$/.exec(name);
  if (!match) return { gpuInstanceProfile: name, computeSlices: null };
  return { gpuInstanceProfile: match[2] ?? name, computeSlices: Number(match[1]) };
}

interface Demand {
  profile: MigProfileInfo;
  start: number | undefined;
  computeSlices: number[];
}

/** Identity of a GPU instance for keeping it: profile, start and compute-instance sizes. */
export function gpuInstanceSignature(
  profileName: string,
  start: number,
  computeSlices: readonly number[],
): string {
  return `${profileName}@${start}:${[...computeSlices].sort((a, b) => a - b).join(",")}`;
}

function describeStarts(profile: MigProfileInfo): string {
  return `${profile.name} at {${profile.placements.map((p) => p.start).join(",")}}`;
}

/** Turns requests into GPU-instance demands; smaller compute instances share GPU instances, as mig-parted does. */
function demandsOf(
  profiles: readonly MigProfileInfo[],
  requests: readonly MigInstanceRequest[],
): Demand[] | string {
  const byName = new Map(profiles.map((p) => [p.name, p]));
  const full: Demand[] = [];
  // Compute instances smaller than their GPU instance share GPU instances of the same profile (and pinned start).
  const shared = new Map<string, { profile: MigProfileInfo; start: number | undefined; sizes: number[] }>();
  for (const request of requests) {
    const { gpuInstanceProfile, computeSlices } = splitMigDeviceProfile(request.profile);
    const profile = byName.get(gpuInstanceProfile);
    if (!profile) {
      return `no MIG profile ${gpuInstanceProfile} on this GPU; its profiles: ${profiles.map((p) => p.name).join(", ")}`;
    }
    const c = computeSlices ?? profile.computeSlices;
    if (!validComputeSliceCounts(profile.computeSlices).includes(c)) {
      return `${request.profile}: a ${profile.name} GPU instance cannot hold ${c}-slice compute instances`;
    }
    if (request.start !== undefined && !profile.placements.some((p) => p.start === request.start)) {
      return `${request.profile} cannot start at ${request.start}; allowed starts: ${describeStarts(profile)}`;
    }
    if (c === profile.computeSlices) {
      full.push({ profile, start: request.start, computeSlices: [c] });
      continue;
    }
    const key = `${profile.name}@${request.start ?? "any"}`;
    const group = shared.get(key) ?? { profile, start: request.start, sizes: [] };
    group.sizes.push(c);
    shared.set(key, group);
  }
  const packed = [...shared.values()].flatMap(({ profile, start, sizes }) =>
    packComputeInstances(profile.computeSlices, sizes).map((computeSlices) => ({
      profile,
      start,
      computeSlices,
    })),
  );
  return [...full, ...packed];
}

/** Compute instances start at multiples of their size rounded up to a power of two (fact sheet 7.8). */
export function computeInstanceAlignment(slices: number): number {
  let alignment = 1;
  while (alignment < slices) alignment *= 2;
  return alignment;
}

/**
 * Packs compute-instance sizes into as few GPU instances of `giSlices` compute slices as first-fit decreasing
 * finds, each size at the lowest free aligned start; returns each GPU instance's sizes, biggest first (the order
 * to create them in).
 */
export function packComputeInstances(giSlices: number, sizes: readonly number[]): number[][] {
  const bins: { used: boolean[]; sizes: number[] }[] = [];
  const fits = (used: boolean[], c: number): number => {
    for (let s = 0; s + c <= giSlices; s += computeInstanceAlignment(c)) {
      if (used.slice(s, s + c).every((u) => !u)) return s;
    }
    return -1;
  };
  for (const c of [...sizes].sort((a, b) => b - a)) {
    let bin = bins.find((b) => fits(b.used, c) >= 0);
    if (!bin) {
      bin = { used: Array.from({ length: giSlices }, () => false), sizes: [] };
      bins.push(bin);
    }
    const at = fits(bin.used, c);
    for (let s = at; s < at + c; s++) bin.used[s] = true;
    bin.sizes.push(c);
  }
  return bins.map((b) => b.sizes);
}

/** Why the demands can never fit, when a budget alone rules them out. */
function budgetProblem(profiles: readonly MigProfileInfo[], demands: readonly Demand[]): string | null {
  const totalCompute = Math.max(...profiles.map((p) => p.computeSlices));
  const totalMemory = Math.max(...profiles.flatMap((p) => p.placements.map((q) => q.start + q.size)));
  const counts = new Map<MigProfileInfo, number>();
  for (const d of demands) counts.set(d.profile, (counts.get(d.profile) ?? 0) + 1);
  for (const [profile, count] of counts) {
    if (count > profile.maxInstances) {
      return `${count} × ${profile.name} requested but the GPU allows at most ${profile.maxInstances}`;
    }
  }
  const compute = demands.reduce((sum, d) => sum + d.profile.computeSlices, 0);
  if (compute > totalCompute) return `needs ${compute} compute slices but the GPU has ${totalCompute}`;
  const memory = demands.reduce((sum, d) => sum + d.profile.memorySlices, 0);
  if (memory > totalMemory) return `needs ${memory} memory slices but the GPU has ${totalMemory}`;
  return null;
}

/**
 * Finds explicit placements for a layout, whatever order it is listed in: a depth-first search over each GPU
 * instance's allowed starts, biggest first, trying first the places where an identical instance exists now (busy
 * ones before idle ones) so that a layout that is already there is kept as it is.
 */
export function planMigLayout(
  profiles: readonly MigProfileInfo[],
  requests: readonly MigInstanceRequest[],
  existing: readonly ExistingGpuInstance[] = [],
): MigPlan {
  if (profiles.length === 0) return { ok: false, reason: "the GPU reports no MIG profiles" };
  const demands = demandsOf(profiles, requests);
  if (typeof demands === "string") return { ok: false, reason: demands };
  const problem = budgetProblem(profiles, demands);
  if (problem) return { ok: false, reason: problem };

  demands.sort(
    (a, b) =>
      Number(b.start !== undefined) - Number(a.start !== undefined) ||
      b.profile.memorySlices - a.profile.memorySlices ||
      b.profile.computeSlices - a.profile.computeSlices,
  );
  const present = new Map<string, number>();
  const busy = new Set<string>();
  for (const e of existing) {
    const key = gpuInstanceSignature(e.profileName, e.start, e.computeSlices);
    present.set(key, (present.get(key) ?? 0) + 1);
    if (e.busy) busy.add(key);
  }
  const chosen: number[] = [];
  let used = 0; // bit i = memory slice i taken

  const candidates = (d: Demand): number[] => {
    const starts = d.start !== undefined ? [d.start] : d.profile.placements.map((p) => p.start);
    const key = (s: number) => gpuInstanceSignature(d.profile.name, s, d.computeSlices);
    const keep = starts.filter((s) => (present.get(key(s)) ?? 0) > 0);
    const keepBusy = keep.filter((s) => busy.has(key(s)));
    return [
      ...keepBusy,
      ...keep.filter((s) => !busy.has(key(s))),
      ...starts.filter((s) => !keep.includes(s)),
    ];
  };
  const place = (i: number): boolean => {
    const d = demands[i];
    if (!d) return true;
    const mask = 2 ** d.profile.memorySlices - 1;
    for (const start of candidates(d)) {
      const bits = mask << start;
      if (used & bits) continue;
      used |= bits;
      chosen[i] = start;
      const key = gpuInstanceSignature(d.profile.name, start, d.computeSlices);
      const had = present.get(key) ?? 0;
      if (had > 0) present.set(key, had - 1);
      if (place(i + 1)) return true;
      if (had > 0) present.set(key, had);
      used &= ~bits;
    }
    return false;
  };
  if (!place(0)) {
    const allowed = [...new Set(demands.map((d) => d.profile))].map(describeStarts).join("; ");
    return {
      ok: false,
      reason: `the instances cannot be placed without overlapping (allowed starts: ${allowed})`,
    };
  }
  const instances = demands.map((d, i) => ({
    profile: d.profile,
    start: chosen[i] ?? 0,
    computeSlices: d.computeSlices,
  }));
  return { ok: true, instances: instances.sort((a, b) => a.start - b.start) };
}
