import { findMigProfile, type MigProfile, smallestFittingProfile } from "../../proto/catalog/GpuCatalog.ts";
import type { SharingMode } from "./ClusterSpec.ts";
import type { CycleState, MigShareStage } from "./CycleState.ts";
import type { GpuState } from "./GpuState.ts";
import { instanceHeld, leastBlockingStart, type MigInstance } from "./MigLayout.ts";
import type { NodeState } from "./NodeState.ts";
import { packedGpu, packedGpuFlag, packedGpuStride } from "./PackedGpuStates.ts";

/** One GPU of an option, by its position in the node's canonical GPU order. */
export interface GpuPick {
  pos: number;
  kind: "share" | "whole" | "mig";
  /** Thousandths of the GPU the pick takes away from its free capacity. */
  milli: number;
  memoryMiB: number;
  switchFrom?: SharingMode;
  /** The instance: of a `mig` pick, or of a `share` on a MIG instance (MPS on MIG). */
  profile?: MigProfile;
  start?: number;
  action?: "reuse" | "create" | "repartition";
}

/** One way to give a request its GPUs on a node. */
export interface GpuOption {
  picks: GpuPick[];
  /** NVLink-connected pairs among the picked GPUs. */
  nvlinkPairs: number;
}

/** Score only the tightest-fitting option per node, or every distinct option (FGD tries every GPU). */
export type OptionMode = "tightest" | "every";

/** Why a node cannot take a request that it could if its unhealthy GPUs (Xid, off the bus) were healthy. */
const UNHEALTHY_REASON = "insufficient healthy GPUs (unhealthy GPUs take no new work)";

export type OptionsOrReason = { options: GpuOption[] } | { reason: string };

/** The one answer for a request without GPUs: shared, nothing is built per node. */
const noGpus: OptionsOrReason = { options: [{ picks: [], nvlinkPairs: 0 }] };

/**
 * The ways a node can give the request its GPUs, or why it cannot. With `fixedMig`, MIG GPUs keep the instances
 * they have (a static layout, as mig-parted applies one): requests only reuse free instances and no GPU leaves
 * MIG mode.
 */
export function gpuOptions(
  node: NodeState,
  cycle: CycleState,
  mode: OptionMode,
  fixedMig = false,
): OptionsOrReason {
  const g = cycle.request.gpu;
  switch (g.kind) {
    case "none":
      return noGpus;
    case "share":
      return shareOptions(node, cycle, g.milli, g.memoryMiB, mode, fixedMig);
    case "whole":
      return wholeOptions(node, cycle, g.count, g.nvlink ?? "none", g.passthrough ?? false, fixedMig);
    case "mig":
    case "slice":
      return migOptions(node, cycle, mode, fixedMig);
  }
}

function shareOptions(
  node: NodeState,
  cycle: CycleState,
  milli: number,
  memoryMiB: number,
  mode: OptionMode,
  fixedMig: boolean,
): OptionsOrReason {
  const usual = sharedGpuOptions(node, cycle, milli, memoryMiB, mode, fixedMig);
  // MIG instances are looked at only once no node takes the share the usual way; a node that does was passed
  // over for something else (host memory, its gang), so its usual options stand.
  if (!cycle.migShares || "options" in usual) return usual;
  const onMig = instanceShareOptions(node, cycle, milli, memoryMiB, mode, cycle.migShares);
  if (onMig === undefined) return usual;
  if (onMig.length > 0) return { options: onMig };
  return { reason: `${usual.reason} and no MIG instance with room for it` };
}

/**
 * A share on a MIG instance: one already shared with room, else (at `take`) the smallest free one that holds it
 * (never one created or re-carved for it). Undefined when the node has no MIG GPU the share may use.
 */
function instanceShareOptions(
  node: NodeState,
  cycle: CycleState,
  milli: number,
  memoryMiB: number,
  mode: OptionMode,
  stage: MigShareStage,
): GpuOption[] | undefined {
  const fills: GpuPick[] = [];
  const takes: GpuPick[] = [];
  let sawMig = false;
  for (let pos = 0; pos < node.ordered.length; pos++) {
    const gpu = node.ordered[pos]!;
    if (gpu.mode !== "mig" || gpu.unhealthy !== undefined || !cycle.allows(gpu.model)) continue;
    sawMig = true;
    let fill: MigInstance | undefined;
    let take: MigInstance | undefined;
    for (const inst of gpu.mig) {
      const s = inst.shares;
      if (s) {
        if (s.freeMilli < milli || s.memFreeMiB < memoryMiB) continue;
        if (!fill || s.freeMilli < fill.shares!.freeMilli) fill = inst;
      } else if (stage === "take" && inst.allocationId === undefined) {
        const p = inst.profile;
        if (gpu.instanceMilli(p) < milli || p.memoryMiB < memoryMiB) continue;
        if (!take || smaller(p, take.profile)) take = inst;
      }
    }
    // Filling an instance takes nothing more from the GPU; taking one takes the whole instance.
    if (fill)
      fills.push({ pos, kind: "share", milli: 0, memoryMiB: 0, profile: fill.profile, start: fill.start });
    if (take) {
      const p = take.profile;
      takes.push({
        pos,
        kind: "share",
        milli: gpu.instanceMilli(p),
        memoryMiB: p.memoryMiB,
        profile: p,
        start: take.start,
      });
    }
  }
  if (!sawMig) return undefined;
  const picks = fills.length > 0 ? fills : takes;
  if (picks.length === 0) return [];
  if (mode === "tightest") {
    // The fullest shared instance, or the smallest free one; the first such GPU.
    let best = picks[0]!;
    for (const pick of picks) if (tighter(node, pick, best)) best = pick;
    return [{ picks: [best], nvlinkPairs: 0 }];
  }
  const seen = new Set<string>();
  const options: GpuOption[] = [];
  for (const pick of picks) {
    const key = `${node.ordered[pick.pos]!.stateKey()}#${pick.profile!.name}@${pick.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    options.push({ picks: [pick], nvlinkPairs: 0 });
  }
  return options;
}

function smaller(a: MigProfile, b: MigProfile): boolean {
  return a.computeSlices !== b.computeSlices ? a.computeSlices < b.computeSlices : a.memoryMiB < b.memoryMiB;
}

function tighter(node: NodeState, a: GpuPick, b: GpuPick): boolean {
  if (a.milli === 0) return roomOf(node, a) < roomOf(node, b);
  return smaller(a.profile!, b.profile!);
}

/** Thousandths left on the shared instance a fill pick names. */
function roomOf(node: NodeState, pick: GpuPick): number {
  const inst = node.ordered[pick.pos]!.mig.find((i) => i.start === pick.start && i.profile === pick.profile);
  return inst?.shares?.freeMilli ?? 0;
}

/**
 * A share on a GPU in shared mode, or on an idle GPU that becomes shared: where shares go first. Reads the node's
 * packed GPU states, not the GPU objects.
 */
function sharedGpuOptions(
  node: NodeState,
  cycle: CycleState,
  milli: number,
  memoryMiB: number,
  mode: OptionMode,
  fixedMig: boolean,
): OptionsOrReason {
  const options: GpuOption[] = [];
  let sawShared = false;
  let sawCompute = false;
  let sawUnhealthy = false;
  /** An idle GPU out of shared mode that could become shared: used only when no shared GPU fits. */
  let switchable: { pos: number; from: SharingMode } | undefined;
  /** Position of the last GPU that gave an option, -1 before the first. */
  let previous = -1;
  let tightest = -1;
  const states = node.packedGpus;
  const models = node.orderedModels;
  for (let pos = 0, at = 0; pos < models.length; pos++, at += packedGpuStride) {
    if (!cycle.allows(models[pos]!)) continue;
    const flags = states[at + packedGpu.flags]!;
    if (flags & packedGpuFlag.unhealthy) {
      sawUnhealthy = true;
      continue;
    }
    const memory = states[at + packedGpu.memoryMiB]!;
    if (!(flags & packedGpuFlag.shared)) {
      // A whole GPU first, a MIG GPU (which must leave MIG mode) only if there is none; a fixed layout stays.
      const mig = (flags & packedGpuFlag.mig) !== 0;
      const canSwitch = (flags & packedGpuFlag.idle) !== 0 && !(fixedMig && mig);
      if (!canSwitch || (memory > 0 && memory < memoryMiB)) continue;
      if (!switchable || (switchable.from === "mig" && !mig))
        switchable = { pos, from: mig ? "mig" : "whole" };
      continue;
    }
    sawShared = true;
    const free = states[at + packedGpu.freeMilli]!;
    if (free < milli) continue;
    sawCompute = true;
    const memFree = states[at + packedGpu.memFreeMiB]!;
    if (memory > 0 && memFree < memoryMiB) continue;
    if (mode === "tightest") {
      if (tightest < 0 || free < states[tightest * packedGpuStride + packedGpu.freeMilli]!) tightest = pos;
      continue;
    }
    // Equal GPUs sit next to each other in canonical order; one option stands for all of them.
    if (previous >= 0) {
      const prevAt = previous * packedGpuStride;
      if (
        states[prevAt + packedGpu.freeMilli] === free &&
        states[prevAt + packedGpu.memFreeMiB] === memFree &&
        models[previous] === models[pos]
      )
        continue;
    }
    previous = pos;
    options.push(shareOption(pos, milli, memoryMiB, undefined));
  }
  if (tightest >= 0) options.push(shareOption(tightest, milli, memoryMiB, undefined));
  if (options.length > 0) return { options };
  // Shares go to a GPU that already holds shares while one fits; only then does an idle GPU become shared.
  if (switchable) return { options: [shareOption(switchable.pos, milli, memoryMiB, switchable.from)] };
  if (!sawShared)
    return { reason: sawUnhealthy ? UNHEALTHY_REASON : "no idle or shared GPU with enough memory" };
  return { reason: sawCompute ? "insufficient GPU memory" : "insufficient GPU share" };
}

/**
 * Share options are immutable and few (GPU position x size x memory x mode switch): one object each, so the
 * classes that keep the same best option share it instead of each holding a copy. Found by GPU memory, then by a
 * small number made of the rest (no key string is built per option). Bounded for long runs.
 */
const shareOptionCache = new Map<number, Map<number, GpuOption>>();
let shareOptionCount = 0;
const shareOptionCacheLimit = 4096;
const switchCodes: Readonly<Record<SharingMode, number>> = { whole: 1, mig: 2, shared: 3 };

function shareOption(
  pos: number,
  milli: number,
  memoryMiB: number,
  switchFrom: SharingMode | undefined,
): GpuOption {
  let byShape = shareOptionCache.get(memoryMiB);
  if (!byShape) {
    byShape = new Map();
    shareOptionCache.set(memoryMiB, byShape);
  }
  // A share's milli is an integer in 1..1000.
  const key = (pos * 4 + (switchFrom ? switchCodes[switchFrom] : 0)) * 1001 + milli;
  let option = byShape.get(key);
  if (!option) {
    const pick: GpuPick = { pos, kind: "share", milli, memoryMiB };
    if (switchFrom) pick.switchFrom = switchFrom;
    option = { picks: [pick], nvlinkPairs: 0 };
    if (shareOptionCount >= shareOptionCacheLimit) {
      shareOptionCache.clear();
      shareOptionCount = 0;
      byShape = new Map();
      shareOptionCache.set(memoryMiB, byShape);
    }
    byShape.set(key, option);
    shareOptionCount++;
  }
  return option;
}

/** Idle GPUs that can be handed over whole, best first: no mode switch needed, then lowest position. */
function wholeCandidates(node: NodeState, cycle: CycleState, fixedMig = false): number[] {
  const ready: number[] = [];
  const switching: number[] = [];
  const states = node.packedGpus;
  const models = node.orderedModels;
  for (let pos = 0, at = 0; pos < models.length; pos++, at += packedGpuStride) {
    const flags = states[at + packedGpu.flags]!;
    const mig = (flags & packedGpuFlag.mig) !== 0;
    if (
      !(flags & packedGpuFlag.idle) ||
      flags & packedGpuFlag.unhealthy ||
      !cycle.allows(models[pos]!) ||
      (fixedMig && mig)
    )
      continue;
    if (mig) switching.push(pos);
    else ready.push(pos);
  }
  return [...ready, ...switching];
}

function linkedPairs(node: NodeState, positions: readonly number[]): number {
  let pairs = 0;
  for (let i = 0; i < positions.length; i++) {
    const a = node.ordered[positions[i]!]!;
    for (let j = i + 1; j < positions.length; j++) {
      if (a.nvlinkPeers.has(node.ordered[positions[j]!]!.index)) pairs++;
    }
  }
  return pairs;
}

/** The k-subsets of `items` in lexicographic order, best-first when `items` is sorted best-first. */
function* subsets(items: readonly number[], k: number, from = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield [...acc];
    return;
  }
  for (let i = from; i <= items.length - (k - acc.length); i++) {
    acc.push(items[i]!);
    yield* subsets(items, k, i + 1, acc);
    acc.pop();
  }
}

/**
 * For a VM: the free GPUs whose IOMMU group is entirely free (a group leaves the host whole), and a test that a
 * set of them contains every member of each group it touches. GPUs without a known group are groups of one.
 */
function iommuGroupmates(node: NodeState, cycle: CycleState) {
  const free = new Set(wholeCandidates(node, cycle));
  const members = new Map<number, number[]>();
  node.ordered.forEach((gpu, pos) => {
    if (gpu.iommuGroup !== undefined)
      members.set(gpu.iommuGroup, [...(members.get(gpu.iommuGroup) ?? []), pos]);
  });
  const mates = (pos: number) => {
    const group = node.ordered[pos]!.iommuGroup;
    return group === undefined ? [pos] : members.get(group)!;
  };
  const candidates = [...free].filter((pos) => mates(pos).every((m) => free.has(m)));
  const closed = (set: readonly number[]) => set.every((pos) => mates(pos).every((m) => set.includes(m)));
  const firstClosed = (count: number): number[] | undefined => {
    for (const set of subsets(candidates, count)) if (closed(set)) return set;
    return undefined;
  };
  return { candidates, closed, firstClosed };
}

function wholeOptions(
  node: NodeState,
  cycle: CycleState,
  count: number,
  nvlink: "none" | "preferred" | "required",
  passthrough: boolean,
  fixedMig: boolean,
): OptionsOrReason {
  const group = passthrough ? iommuGroupmates(node, cycle) : undefined;
  const candidates = group ? group.candidates : wholeCandidates(node, cycle, fixedMig);
  if (candidates.length < count) {
    if (node.ordered.some((g) => g.idle && g.unhealthy !== undefined && cycle.allows(g.model)))
      return { reason: UNHEALTHY_REASON };
    return {
      reason: group ? "insufficient free GPUs with their whole IOMMU group" : "insufficient free GPUs",
    };
  }
  const full = (count * (count - 1)) / 2;
  let chosen = group ? group.firstClosed(count) : candidates.slice(0, count);
  if (!chosen) return { reason: "no set of free GPUs that covers whole IOMMU groups" };
  let pairs = linkedPairs(node, chosen);
  if (nvlink !== "none" && pairs < full) {
    for (const set of subsets(candidates, count)) {
      if (group && !group.closed(set)) continue;
      const p = linkedPairs(node, set);
      if (p > pairs) {
        pairs = p;
        chosen = set;
        if (p === full) break;
      }
    }
    if (nvlink === "required" && pairs < full) return { reason: "no NVLink-connected set of free GPUs" };
  }
  const states = node.packedGpus;
  const picks = chosen.map((pos): GpuPick => {
    const at = pos * packedGpuStride;
    const pick: GpuPick = {
      pos,
      kind: "whole",
      milli: states[at + packedGpu.freeMilli]!,
      memoryMiB: states[at + packedGpu.memFreeMiB]!,
    };
    if (states[at + packedGpu.flags]! & packedGpuFlag.mig) pick.switchFrom = "mig";
    return pick;
  });
  return { options: [{ picks, nvlinkPairs: pairs }] };
}

/** The profile a MIG or slice request maps to on `gpu`, if its model offers one. */
function profileFor(gpu: GpuState, cycle: CycleState): MigProfile | undefined {
  const model = gpu.catalog;
  if (!model?.mig) return undefined;
  const g = cycle.request.gpu;
  if (g.kind === "mig") return findMigProfile(model, g.profile);
  if (g.kind === "slice") return smallestFittingProfile(model, g.memoryMiB, g.computeSevenths);
  return undefined;
}

const actionRank = { reuse: 0, create: 1, repartition: 2 } as const;

function migPick(gpu: GpuState, pos: number, profile: MigProfile, fixedMig: boolean): GpuPick | undefined {
  const model = gpu.catalog!;
  if (fixedMig) return fixedLayoutPick(gpu, pos, profile);
  const milli = gpu.instanceMilli(profile);
  const base = { pos, kind: "mig" as const, milli, memoryMiB: profile.memoryMiB, profile };
  if (gpu.mode === "mig") {
    const free = gpu.mig.find((i) => !instanceHeld(i) && i.profile.name === profile.name);
    if (free) return { ...base, start: free.start, action: "reuse" };
    const start = leastBlockingStart(model, gpu.mig, profile);
    if (start !== undefined) return { ...base, start, action: "create" };
  }
  if (!gpu.idle) return undefined;
  const start = leastBlockingStart(model, [], profile);
  if (start === undefined) return undefined;
  const pick: GpuPick = { ...base, start, action: "repartition" };
  if (gpu.mode !== "mig") pick.switchFrom = gpu.mode;
  return pick;
}

/**
 * In a fixed layout: the smallest free instance at least as large as `profile` in compute and memory (an exact
 * profile when the request names one is found the same way, being the smallest that fits).
 */
function fixedLayoutPick(gpu: GpuState, pos: number, profile: MigProfile): GpuPick | undefined {
  if (gpu.mode !== "mig") return undefined;
  let best: (typeof gpu.mig)[number] | undefined;
  for (const inst of gpu.mig) {
    const p = inst.profile;
    if (instanceHeld(inst) || p.computeSlices < profile.computeSlices) continue;
    if (p.memoryMiB < profile.memoryMiB) continue;
    if (
      !best ||
      p.computeSlices < best.profile.computeSlices ||
      (p.computeSlices === best.profile.computeSlices && p.memorySlices < best.profile.memorySlices)
    )
      best = inst;
  }
  if (!best) return undefined;
  const milli = gpu.instanceMilli(best.profile);
  return {
    pos,
    kind: "mig",
    milli,
    memoryMiB: best.profile.memoryMiB,
    profile: best.profile,
    start: best.start,
    action: "reuse",
  };
}

function migOptions(
  node: NodeState,
  cycle: CycleState,
  mode: OptionMode,
  fixedMig: boolean,
): OptionsOrReason {
  const options: GpuOption[] = [];
  let sawCapable = false;
  let sawProfile = false;
  let sawUnhealthy = false;
  const seen = new Set<string>();
  let tightest: GpuPick | undefined;
  for (let pos = 0; pos < node.ordered.length; pos++) {
    const gpu = node.ordered[pos]!;
    if (!gpu.catalog?.mig || !cycle.allows(gpu.model)) continue;
    if (gpu.unhealthy !== undefined) {
      sawUnhealthy = true;
      continue;
    }
    sawCapable = true;
    const profile = profileFor(gpu, cycle);
    if (!profile) continue;
    sawProfile = true;
    const pick = migPick(gpu, pos, profile, fixedMig);
    if (!pick) continue;
    if (mode === "tightest") {
      const rank = actionRank[pick.action!];
      const best = tightest ? actionRank[tightest.action!] : 3;
      if (
        !tightest ||
        rank < best ||
        (rank === best && gpu.freeMilli < node.ordered[tightest.pos]!.freeMilli)
      ) {
        tightest = pick;
      }
      continue;
    }
    const key = gpu.stateKey();
    if (seen.has(key)) continue;
    seen.add(key);
    options.push({ picks: [pick], nvlinkPairs: 0 });
  }
  if (tightest) options.push({ picks: [tightest], nvlinkPairs: 0 });
  if (options.length > 0) return { options };
  if (!sawCapable) return { reason: sawUnhealthy ? UNHEALTHY_REASON : "no MIG-capable GPU" };
  if (!sawProfile) return { reason: "MIG profile not offered by the GPU model" };
  return { reason: "no free MIG placement" };
}
