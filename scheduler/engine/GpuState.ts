import {
  findGpuModel,
  findMigProfile,
  type GpuModel,
  type MigProfile,
  migInstanceMilli,
} from "../../proto/catalog/GpuCatalog.ts";
import type { GpuSpec, MigInstanceSpec, SharingMode } from "./ClusterSpec.ts";
import { computeSlicesUsed, instanceHeld, type MigInstance } from "./MigLayout.ts";

/** What a GPU looked like before a placement switched its mode or layout, to restore when it empties again. */
export interface GpuSnapshot {
  mode: SharingMode;
  mig: MigInstance[];
}

/** The engine's mutable view of one GPU. */
export class GpuState {
  // Fields are laid out in the order declared: what option building reads of every GPU comes first, so that it
  // sits in one cache line (a catch-up at 64k GPUs waits on memory for each GPU it looks at).
  readonly model: string;
  mode: SharingMode;
  /** Thousandths of the GPU not handed out; for MIG, the compute slices not held by allocated instances. */
  freeMilli = 1000;
  memFreeMiB: number;
  readonly memoryMiB: number;
  /** Live allocations on this GPU. */
  allocations = 0;
  /** Why the GPU takes no new work; what it holds stays. Undefined while healthy. */
  unhealthy: string | undefined;
  readonly uuid: string;
  readonly index: number;
  /** Catalog entry when `model` is a catalog id; trace GPUs have none. */
  readonly catalog: GpuModel | undefined;
  readonly nvlinkPeers: ReadonlySet<number>;
  readonly iommuGroup: number | undefined;
  /** The share sizes (milli) of the allocations on this GPU, one per share, ascending. */
  private shares: number[] = noShares;
  mig: MigInstance[] = [];
  /** `stateKey()` until the GPU changes (see `changed`). */
  private key: string | undefined;

  constructor(spec: GpuSpec, where: string) {
    this.uuid = spec.uuid;
    this.index = spec.index;
    this.model = spec.model;
    this.catalog = findGpuModel(spec.model);
    this.memoryMiB = spec.memoryMiB;
    this.memFreeMiB = spec.memoryMiB;
    // Most GPUs have no NVLink peers: one shared empty set saves a set per GPU.
    this.nvlinkPeers = spec.nvlinkPeers?.length ? new Set(spec.nvlinkPeers) : noPeers;
    this.iommuGroup = spec.iommuGroup;
    this.mode = spec.mode;
    this.unhealthy = spec.unhealthy;
    if (spec.mode === "mig") {
      const geometry = this.catalog?.mig;
      if (!this.catalog || !geometry) {
        throw new Error(
          `${where}: GPU ${spec.index} (${spec.model}) is in mig mode but its model has no MIG`,
        );
      }
      this.mig = (spec.migInstances ?? []).map((i) => this.instanceFromSpec(i, where));
      this.refreshMig();
    }
  }

  private instanceFromSpec(spec: MigInstanceSpec, where: string): MigInstance {
    const profile = this.catalog ? findMigProfile(this.catalog, spec.profile) : undefined;
    if (!profile) throw new Error(`${where}: GPU ${this.index}: unknown MIG profile "${spec.profile}"`);
    if (spec.allocationId !== undefined) this.allocations++;
    return { profile, start: spec.start, allocationId: spec.allocationId };
  }

  get migComputeSlices(): number {
    return this.catalog?.mig?.computeSlices ?? 0;
  }

  /** Thousandths of this GPU an instance of `profile` is (`migInstanceMilli`). */
  instanceMilli(profile: MigProfile): number {
    return this.catalog ? migInstanceMilli(this.catalog, profile) : 0;
  }

  /** Recomputes free capacity from the MIG layout: what allocated or shared instances hold is taken. */
  refreshMig(): void {
    this.key = undefined;
    const total = this.migComputeSlices;
    const held = computeSlicesUsed(this.mig.filter(instanceHeld));
    this.freeMilli = Math.floor(((total - held) * 1000) / total);
    let memHeld = 0;
    for (const inst of this.mig) if (instanceHeld(inst)) memHeld += inst.profile.memoryMiB;
    this.memFreeMiB = Math.max(0, this.memoryMiB - memHeld);
  }

  /** Nothing allocated: the GPU may change mode or be repartitioned. */
  get idle(): boolean {
    return this.allocations === 0;
  }

  snapshot(): GpuSnapshot {
    return { mode: this.mode, mig: this.mig.map(copyInstance) };
  }

  /** Whether an allocation on this GPU is a share of `milli`. */
  holdsShare(milli: number): boolean {
    return this.shares.includes(milli);
  }

  addShare(milli: number): void {
    const shares = this.shares;
    if (shares === noShares) {
      // A literal holds one element; pushing onto an empty array would reserve room for 17.
      this.shares = [milli];
      return;
    }
    let i = shares.length;
    shares.push(milli);
    for (; i > 0 && shares[i - 1]! > milli; i--) shares[i] = shares[i - 1]!;
    shares[i] = milli;
  }

  removeShare(milli: number): void {
    const i = this.shares.indexOf(milli);
    if (i >= 0) this.shares.splice(i, 1);
  }

  /**
   * Forgets the cached state key; whoever changes the GPU's state (mode, capacity, shares, MIG layout, health)
   * calls it, before the node's class is looked up again.
   */
  changed(): void {
    this.key = undefined;
  }

  /** A string equal for two GPUs exactly when they are interchangeable for placement. */
  stateKey(): string {
    if (this.key !== undefined) return this.key;
    let key = `${this.model}/${this.mode}/${this.freeMilli}/${this.memFreeMiB}`;
    if (this.unhealthy !== undefined) key += "/unhealthy";
    const shares = this.shares;
    for (let i = 0; i < shares.length; i++)
      if (i === 0 || shares[i] !== shares[i - 1]) key += `${i === 0 ? "/s" : "."}${shares[i]}`;
    if (this.mode === "mig") {
      for (const inst of this.mig) {
        key += `/${inst.profile.name}@${inst.start}${inst.allocationId ? "*" : ""}`;
        // A shared instance's room decides which shares it can still take.
        if (inst.shares) key += `+${inst.shares.freeMilli}.${inst.shares.memFreeMiB}`;
      }
    }
    this.key = key;
    return key;
  }
}

const noPeers: ReadonlySet<number> = new Set();
/** The share list of a GPU without shares, shared until the first share arrives. */
const noShares: number[] = [];

/** A copy of an instance that shares nothing mutable with it. */
export function copyInstance(inst: MigInstance): MigInstance {
  return inst.shares ? { ...inst, shares: { ...inst.shares } } : { ...inst };
}
