import type { ClassRanking } from "./ClassRanking.ts";
import type { ClusterSpec, NodeSpec } from "./ClusterSpec.ts";
import { CycleState, type MigShareStage } from "./CycleState.ts";
import { eligibleCount, firstEligible, pickMember } from "./EligibleMembers.ts";
import type { FilterPlugin } from "./FilterPlugin.ts";
import { containerRuntimeFilter } from "./filters/ContainerRuntimeFilter.ts";
import { cpuFilter } from "./filters/CpuFilter.ts";
import { gangModelFilter } from "./filters/GangModelFilter.ts";
import { gpuFitFilter } from "./filters/GpuFitFilter.ts";
import { gpuModelFilter } from "./filters/GpuModelFilter.ts";
import { nodeSelectorFilter } from "./filters/NodeSelectorFilter.ts";
import { vmRuntimeFilter } from "./filters/VmRuntimeFilter.ts";
import { placeGang } from "./GangPlacement.ts";
import { applyAssignment, checkAssignment, releaseAssignment } from "./GpuAssignmentEffects.ts";
import type { GpuOption } from "./GpuOptions.ts";
import type { GpuSnapshot, GpuState } from "./GpuState.ts";
import { lowestIndexShare } from "./LowestIndexShare.ts";
import { type ClassNeed, type Evaluation, type NodeClass, NodeClassIndex } from "./NodeClassIndex.ts";
import { NodeState } from "./NodeState.ts";
import type { GangResult, Placement, PlaceResult, Unschedulable } from "./Placement.ts";
import { placementOf } from "./PlacementOf.ts";
import type { GangRequest, PlacementRequest } from "./PlacementRequest.ts";
import { createPolicy } from "./PolicyRegistry.ts";
import { RankedClasses } from "./RankedClasses.ts";
import { RankedClassesInNodeOrder } from "./RankedClassesInNodeOrder.ts";
import type { ScorePlugin } from "./ScorePlugin.ts";
import { SeededRandom } from "./SeededRandom.ts";
import { UnschedulableReasons } from "./UnschedulableReasons.ts";

export interface EngineOptions {
  /** The score step (see `createPolicy`); default Tessera's policy, learning the workload from `observe`. */
  policy?: ScorePlugin;
  /** Seed of the engine's only randomness (tie-breaking between equally good nodes). */
  seed?: number;
  /**
   * How equally good nodes are told apart (default: the policy's `tieBreak`, else `random`). `random`: uniformly, as kube-scheduler's selectHost.
   * `nodeOrder`: the first of them in an order of the nodes shuffled once with the seed, as in the FGD authors'
   * simulator (its scheduler takes the first best node by name, and the names are prefixed with a seeded
   * permutation); ties then fill the same nodes first instead of spreading over the fleet.
   */
  tieBreak?: TieBreak;
  /**
   * MIG GPUs keep the instances they have, as under a static mig-parted layout: requests only reuse free
   * instances (a slice the smallest that fits), nothing is created or re-carved, no GPU leaves MIG mode.
   */
  fixedMigLayouts?: boolean;
}

export type TieBreak = "random" | "nodeOrder";

/** NVLink `preferred`: each linked pair among the chosen GPUs outweighs any policy score difference. */
const nvlinkPairBonus = 1e7;

/** The later looks of a share that no GPU takes the usual way: a shared MIG instance first, then a free one. */
const migShareStages: readonly MigShareStage[] = ["fill", "take"];

export interface PlaceOptions {
  /** Count the reasons of every node when nothing fits (default true). */
  explain?: boolean;
}

interface AllocationRecord {
  placement: Placement;
  node: NodeState;
  /** GPUs whose mode or MIG layout this allocation changed, as they were before (most change none). */
  snapshots: Map<GpuState, GpuSnapshot> | undefined;
}

/**
 * The placement engine: a pure library over an in-memory cluster. `place` decides without side effects,
 * `commit` applies a decision (checking it still fits), `release` undoes one exactly.
 */
export class PlacementEngine {
  readonly policy: ScorePlugin;
  private readonly rng: SeededRandom;
  private readonly tieBreak: TieBreak;
  private readonly filters: FilterPlugin[];
  private readonly nodesByName = new Map<string, NodeState>();
  private readonly index: NodeClassIndex;
  private readonly allocations = new Map<string, AllocationRecord>();
  /** Request signatures interned to small numbers: the per-class memo keys. */
  private readonly signatures = new Map<string, number>();
  /** Per signature, the classes that fit it, best first. */
  private rankings: (ClassRanking | undefined)[] = [];
  private readonly rejections = new Map<string, Evaluation>();
  /** Counts changes to the fleet's state (nodes, allocations, health); see {@link revision}. */
  private changes = 0;

  constructor(cluster: ClusterSpec, options: EngineOptions = {}) {
    this.policy = options.policy ?? createPolicy("tessera");
    this.rng = new SeededRandom(options.seed ?? 1);
    this.tieBreak = options.tieBreak ?? this.policy.tieBreak ?? "random";
    this.index = new NodeClassIndex(this.tieBreak === "random" ? "inKey" : "perMember");
    this.filters = [
      nodeSelectorFilter,
      gpuModelFilter,
      gangModelFilter,
      vmRuntimeFilter,
      containerRuntimeFilter,
      cpuFilter,
      gpuFitFilter(this.policy.optionMode, options.fixedMigLayouts ?? false),
    ];
    for (const spec of cluster.nodes) this.addNode(spec, false);
    this.fleetChanged();
  }

  private fleetChanged(): void {
    if (!this.policy.fleetChanged) return;
    this.policy.fleetChanged(this.nodesByName.values());
    this.index.clearMemos();
    this.rankings = [];
  }

  addNode(spec: NodeSpec, tellPolicy = true): void {
    if (this.nodesByName.has(spec.name)) throw new Error(`node ${spec.name} already exists`);
    const node = new NodeState(spec);
    // Independent random keys: sorting by them is a seeded random permutation, and later nodes slot in.
    if (this.tieBreak === "nodeOrder") node.tieRank = this.rng.next();
    this.nodesByName.set(node.name, node);
    this.index.update(node);
    this.changes++;
    if (tellPolicy) this.fleetChanged();
  }

  /** Removes a node that holds no allocations. */
  removeNode(name: string): void {
    const node = this.nodeNamed(name);
    const held = [...this.allocations.values()]
      .filter((a) => a.node === node)
      .map((a) => a.placement.requestId);
    if (held.length > 0) {
      throw new Error(
        `node ${name} still holds ${held.length} allocation(s) (${held.join(", ")}); release them first`,
      );
    }
    this.nodesByName.delete(name);
    this.index.remove(node);
    this.changes++;
    this.fleetChanged();
  }

  /**
   * A number that moves with every change to the fleet's state: a view derived from the engine (a pending job's
   * hint) is still current while it reads the same number.
   */
  get revision(): number {
    return this.changes;
  }

  get nodeCount(): number {
    return this.nodesByName.size;
  }

  /** Number of node equivalence classes: what a decision actually scans. */
  get classCount(): number {
    return this.index.classCount;
  }

  nodes(): IterableIterator<NodeState> {
    return this.nodesByName.values();
  }

  node(name: string): NodeState | undefined {
    return this.nodesByName.get(name);
  }

  allocation(id: string): Placement | undefined {
    return this.allocations.get(id)?.placement;
  }

  allocationIds(): IterableIterator<string> {
    return this.allocations.keys();
  }

  /** Lets the policy learn from an arriving request (its view of the workload), before it is placed. */
  observe(request: PlacementRequest): void {
    this.policy.observe?.(new CycleState(request), () => {
      this.index.clearMemos();
      this.rankings = [];
    });
  }

  /**
   * Decides where `request` goes; changes nothing. `explain: false` skips counting the reasons of every node when
   * nothing fits (the simulator's fast path); the message then only gives the node count.
   */
  place(request: PlacementRequest, options: PlaceOptions = {}): PlaceResult {
    if (this.allocations.has(request.id)) throw new Error(`request ${request.id} is already allocated`);
    return this.decide(new CycleState(request), options.explain ?? true);
  }

  private decide(cycle: CycleState, explain = true): PlaceResult {
    let looked = cycle;
    let best = this.bestClass(cycle);
    // A share goes onto a MIG instance only where no GPU takes it the usual way: every other decision stays.
    if (!best && cycle.request.gpu.kind === "share") {
      for (const stage of migShareStages) {
        // A fleet without a MIG instance that could take shares (most fleets) is not looked at again.
        if ((stage === "fill" ? this.index.sharedInstanceClasses : this.index.instanceClasses) === 0)
          continue;
        looked = cycle.withMigShares(stage);
        best = this.bestClass(looked);
        if (best) break;
      }
    }
    if (!best) {
      const unschedulable = explain
        ? this.explain(looked, this.intern(looked.signature))
        : new UnschedulableReasons().fold(this.nodesByName.size);
      return { ok: false, unschedulable };
    }
    const r = cycle.request;
    const node = pickMember(best.klass, looked, this.tieBreak === "nodeOrder", this.rng);
    let option = best.option;
    if (this.policy.shareGpu === "lowestIndex" && r.gpu.kind === "share" && !looked.migShares)
      option = lowestIndexShare(this.policy, node, best.klass, looked, option);
    return { ok: true, placement: placementOf(node, option, r, best.score) };
  }

  /** The best class for `cycle` whose members can take it now, scoring the classes new to its signature. */
  private bestClass(cycle: CycleState) {
    const signature = this.intern(cycle.signature);
    let ranked = this.rankings[signature];
    if (!ranked) {
      ranked = this.tieBreak === "nodeOrder" ? new RankedClassesInNodeOrder() : new RankedClasses(this.rng);
      this.rankings[signature] = ranked;
    }
    const r = cycle.request;
    const stage = cycle.migShares;
    const need: ClassNeed = {
      cpuMilli: r.cpuMilli,
      shareMilli: r.gpu.kind === "share" ? r.gpu.milli : 0,
      shareRoom: stage === "fill" ? "sharedInstanceRoom" : stage === "take" ? "instanceRoom" : "maxShareFree",
      idleGpus: r.gpu.kind === "whole" ? r.gpu.count : 0,
    };
    // Classes short of CPU, share room or idle GPUs are passed over on their summary; `explain` asks the plugins
    // for the reason if it needs one.
    ranked.catchUp(this.index, need, (klass) => this.evaluate(klass, cycle, signature));
    // Host memory is not part of the signature: check it here, with gang exclusions.
    return ranked.best(
      (klass) => eligibleCount(klass, cycle),
      (klass) => firstEligible(klass, cycle)?.tieRank ?? Number.POSITIVE_INFINITY,
    );
  }

  /** Why no node fits: every class's reason, counted per node. */
  private explain(cycle: CycleState, signature: number): Unschedulable {
    const reasons = new UnschedulableReasons();
    for (const klass of this.index.list) {
      let used = 0;
      if (cycle.excluded.size > 0) for (const m of klass.members) if (cycle.excluded.has(m)) used++;
      reasons.add("already used by the same gang", used);
      const unused = klass.members.length - used;
      if (unused === 0) continue;
      const ev = this.evaluate(klass, cycle, signature);
      if (!ev.fits) {
        reasons.add(ev.reason, unused);
        continue;
      }
      // Memory is not part of the memo (see CpuFilter); it comes after the memoized filters' reasons.
      const eligible = eligibleCount(klass, cycle);
      reasons.add("insufficient memory", unused - eligible);
      reasons.add("already used by the same gang", eligible);
    }
    return reasons.fold(this.nodesByName.size);
  }

  private intern(signature: string): number {
    let id = this.signatures.get(signature);
    if (id === undefined) {
      id = this.signatures.size;
      this.signatures.set(signature, id);
    }
    return id;
  }

  private evaluate(klass: NodeClass, cycle: CycleState, signature: number): Evaluation {
    const known = klass.memo?.[signature];
    if (known) return known;
    const node = klass.head;
    let ev: Evaluation | undefined;
    for (const f of this.filters) {
      const reason = f.filter(node, cycle, klass);
      if (reason !== null) {
        ev = this.rejection(reason);
        break;
      }
    }
    if (!ev) {
      let bestScore = Number.NEGATIVE_INFINITY;
      let bestOption: GpuOption | undefined;
      const g = cycle.request.gpu;
      const linkBonus = g.kind === "whole" && g.nvlink === "preferred" ? nvlinkPairBonus : 0;
      for (const option of cycle.options) {
        const s = this.policy.score(node, option, cycle, klass) + linkBonus * option.nvlinkPairs;
        if (s > bestScore) {
          bestScore = s;
          bestOption = option;
        }
      }
      ev = bestOption ? { fits: true, score: bestScore, option: bestOption } : this.rejection("no option");
    }
    // A class that fits is remembered by the signature's ranking; rejections are shared objects, kept here.
    if (!ev.fits) this.index.remember(klass, signature, ev);
    return ev;
  }

  /** One shared evaluation per reason: most evaluations are rejections, and each is kept in a class memo. */
  private rejection(reason: string): Evaluation {
    let ev = this.rejections.get(reason);
    if (!ev) {
      ev = { fits: false, reason };
      this.rejections.set(reason, ev);
    }
    return ev;
  }

  private nodeNamed(name: string): NodeState {
    const node = this.nodesByName.get(name);
    if (!node) throw new Error(`unknown node ${name}`);
    return node;
  }

  /** Applies a decision. Throws, changing nothing, when it no longer fits the current state. */
  commit(placement: Placement): void {
    const id = placement.requestId;
    if (this.allocations.has(id)) throw new Error(`allocation ${id} already exists`);
    const node = this.nodeNamed(placement.node);
    if (node.cpuFree < placement.cpuMilli) throw new Error(`commit ${id}: node ${node.name} lacks CPU now`);
    if (node.memFree < placement.memoryMiB)
      throw new Error(`commit ${id}: node ${node.name} lacks memory now`);
    const gpus: GpuState[] = [];
    for (const a of placement.gpus) {
      const gpu = node.gpus.find((g) => g.index === a.gpuIndex);
      if (!gpu || gpu.uuid !== a.gpuUuid)
        throw new Error(`commit ${id}: node ${node.name} has no GPU ${a.gpuUuid}`);
      if (gpus.includes(gpu)) throw new Error(`commit ${id}: a GPU is named twice`);
      gpus.push(gpu);
    }
    placement.gpus.forEach((a, i) => {
      checkAssignment(gpus[i]!, a, id);
    });
    let snapshots: Map<GpuState, GpuSnapshot> | undefined;
    placement.gpus.forEach((a, i) => {
      const before = applyAssignment(gpus[i]!, a, id);
      if (!before) return;
      snapshots ??= new Map();
      snapshots.set(gpus[i]!, before);
    });
    node.cpuFree -= placement.cpuMilli;
    node.memFree -= placement.memoryMiB;
    this.allocations.set(id, { placement, node, snapshots });
    this.index.update(node);
    this.changes++;
  }

  /**
   * Marks a GPU unhealthy (with why) or healthy again (`undefined`): an unhealthy GPU takes no new placements;
   * what it holds stays until released. Returns whether anything changed.
   */
  setGpuHealth(nodeName: string, gpuUuid: string, unhealthy: string | undefined): boolean {
    const node = this.nodeNamed(nodeName);
    const gpu = node.gpus.find((g) => g.uuid === gpuUuid);
    if (!gpu || gpu.unhealthy === unhealthy) return false;
    gpu.unhealthy = unhealthy;
    gpu.changed();
    this.index.update(node);
    this.changes++;
    return true;
  }

  /** Undoes an allocation exactly: the node's free capacity is what it was before the commit. */
  release(id: string): Placement {
    const record = this.allocations.get(id);
    if (!record) throw new Error(`no allocation ${id}`);
    const { placement, node, snapshots } = record;
    for (const a of placement.gpus) {
      const gpu = node.gpus.find((g) => g.index === a.gpuIndex)!;
      releaseAssignment(gpu, a, id, snapshots?.get(gpu));
    }
    node.cpuFree += placement.cpuMilli;
    node.memFree += placement.memoryMiB;
    this.allocations.delete(id);
    this.index.update(node);
    this.changes++;
    return placement;
  }

  /** See {@link placeGang}. */
  placeGang(gang: GangRequest): GangResult {
    for (const member of gang.members)
      if (this.allocations.has(member.id)) throw new Error(`request ${member.id} is already allocated`);
    return placeGang(gang, {
      decide: (cycle) => this.decide(cycle),
      commit: (p) => this.commit(p),
      release: (id) => this.release(id),
      nodeNamed: (name) => this.nodeNamed(name),
      otherModels: (cycle, except) => this.otherModels(cycle, except),
    });
  }

  /** The GPU models of the fleet that `cycle` allows, but `except`, in name order (one look per node class). */
  private otherModels(cycle: CycleState, except: string): string[] {
    const models = new Set<string>();
    for (const klass of this.index.list)
      for (const model of klass.head.models) if (model !== except && cycle.allows(model)) models.add(model);
    return [...models].sort();
  }

  /** Commits all placements of a gang or, if one no longer fits, none of them. */
  commitGang(placements: readonly Placement[]): void {
    const done: Placement[] = [];
    try {
      for (const p of placements) {
        this.commit(p);
        done.push(p);
      }
    } catch (e) {
      for (const p of done.reverse()) this.release(p.requestId);
      throw e;
    }
  }

  /** Runs `query` as if the `victims` were released (preemption what-if), then restores them exactly. */
  whatIfReleased<T>(victims: readonly string[], query: () => T): T {
    const released: Placement[] = [];
    try {
      for (const id of victims) released.push(this.release(id));
      return query();
    } finally {
      for (const p of released.reverse()) this.commit(p);
    }
  }
}
