import type { GpuDesired } from "../../proto/generated/tessera/v1/GpuDesired.ts";
import type { KubeletAllocation__Output } from "../../proto/generated/tessera/v1/KubeletAllocation.ts";
import { gpuUnhealthy } from "../../proto/tessera/GpuHealthWire.ts";
import { gpuHasLayout } from "../../proto/tessera/GpuLayoutWire.ts";
import type { GpuAssignment, Placement } from "../engine/Placement.ts";
import { PlacementEngine } from "../engine/PlacementEngine.ts";
import type { ScorePlugin } from "../engine/ScorePlugin.ts";
import { allocationIds, engineRequest } from "../queue/JobEngineRequest.ts";
import type { JobRecord } from "../store/JobRecord.ts";
import { adoptedPlacements, desiredGpus, nodeSpec } from "./EngineBridge.ts";
import type { NodeRecord } from "./NodeRecord.ts";

/** One GPU as the engine holds it now: sharing mode and every MIG instance (free ones included). */
export interface GpuLayout {
  mode: "whole" | "mig" | "shared";
  mig: Array<{ profile: string; start: number; computeSlices: number }>;
}

/** A GPU whose agent could not give it its desired layout: the layout it was given then, and why it failed. */
interface LayoutFailure {
  desired: GpuDesired;
  error: string;
}

/** Engine allocation id of a node's n-th kubelet allocation. */
function kubeletHoldId(node: string, n: number): string {
  return `kubelet:${node}:${n}`;
}

/** What of a node's registration shapes it in the engine; a change of any of it rebuilds the node there. */
function inventoryKey(node: NodeRecord): string {
  return JSON.stringify([
    node.labels,
    node.cpuMillis,
    node.memoryMiB,
    node.gpus,
    node.capabilities?.vmRuntimes,
    node.capabilities?.containerRuntimes,
  ]);
}

/**
 * The placement engine's view of the fleet, and its only writer outside a placement cycle: nodes, the jobs they
 * hold, and what pods hold through the kubelet. During a cycle the queue reserves placements in `engine`; a
 * reservation that could not be stored is undone here (`unreserve`).
 */
export class ClusterMirror {
  readonly engine: PlacementEngine;
  /** Per node in the engine, the inventory it was added with. */
  private readonly inventories = new Map<string, string>();
  /** Per node, per GPU: layout changes its agent reported failed, held until the agent reports them applied. */
  private readonly layoutFailures = new Map<string, Map<string, LayoutFailure>>();

  constructor(
    policy: ScorePlugin,
    private readonly log: (line: string) => void,
  ) {
    this.engine = new PlacementEngine({ nodes: [] }, { policy });
  }

  /** The policy learns the workload from arrivals (what FGD-style scoring expects next). */
  observeArrival(job: JobRecord): void {
    const req = engineRequest(job);
    for (const r of req.gang ? req.request.members : [req.request]) this.engine.observe(r);
  }

  /**
   * Brings a registered node into the engine with the jobs it holds. A node already there keeps its state (and
   * the engine its class memos) unless its inventory changed; then it is rebuilt.
   */
  syncNode(node: NodeRecord, jobs: readonly JobRecord[]): void {
    if (!node.inEngine || this.inventories.get(node.name) !== inventoryKey(node)) this.rebuild(node, jobs);
    this.syncHealth(node);
  }

  /**
   * Takes each GPU's health from what the agent observes (`ok`, or what is wrong, e.g. an Xid): an unhealthy GPU
   * takes no new work until it is healthy again. Returns whether any GPU changed.
   */
  syncHealth(node: NodeRecord): boolean {
    if (!node.inEngine) return false;
    let changed = false;
    const failures = this.layoutFailures.get(node.name);
    for (const observed of node.observed) {
      const failed = failures?.get(observed.uuid);
      const unavailable =
        gpuUnhealthy(observed.health) ??
        (failed
          ? `its layout change failed: ${failed.error}; it takes no job until its agent applies it`
          : undefined);
      if (!this.engine.setGpuHealth(node.name, observed.uuid, unavailable)) continue;
      changed = true;
      const gpu = node.gpus.find((g) => g.uuid === observed.uuid);
      this.log(
        `node ${node.name}: GPU ${gpu?.index ?? "?"} (${observed.uuid}) ${unavailable ? `takes no new work: ${unavailable}` : "takes work again"}`,
      );
    }
    return changed;
  }

  /**
   * Takes the layout failures an agent reports (GpuObserved.layout_error). A GPU whose layout change failed keeps
   * being sent that layout (so the agent retries it) and takes no new job until the agent has applied it; then the
   * node is rebuilt from what the agent observes. Returns whether a GPU's availability changed.
   */
  syncLayouts(node: NodeRecord, jobs: readonly JobRecord[]): boolean {
    const engineNode = this.engine.node(node.name);
    if (!node.inEngine || !engineNode) return false;
    let failures = this.layoutFailures.get(node.name);
    let applied = false;
    let failed = false;
    for (const observed of node.observed) {
      const known = failures?.get(observed.uuid);
      if (known && gpuHasLayout(known.desired, observed)) {
        failures!.delete(observed.uuid);
        applied = true;
        this.log(`node ${node.name}: GPU ${observed.uuid} has the layout it was given; it takes work again`);
      } else if (known && observed.layoutError) {
        known.error = observed.layoutError;
      } else if (!known && observed.layoutError) {
        const desired = desiredGpus(engineNode).find((g) => g.uuid === observed.uuid);
        if (!desired) continue;
        failures ??= new Map();
        this.layoutFailures.set(node.name, failures);
        failures.set(observed.uuid, { desired, error: observed.layoutError });
        failed = true;
      }
    }
    if (failures?.size === 0) this.layoutFailures.delete(node.name);
    // The engine takes the layout the agent made, rather than the one it had before the change.
    if (applied) this.rebuild(node, jobs);
    else if (failed) this.syncHealth(node);
    return applied || failed;
  }

  /**
   * The layouts to send a node's agent: the engine's, except GPUs whose layout change failed, which keep the layout
   * that failed until the agent has applied it.
   */
  desiredLayouts(nodeName: string): GpuDesired[] {
    const engineNode = this.engine.node(nodeName);
    if (!engineNode) return [];
    const failures = this.layoutFailures.get(nodeName);
    return desiredGpus(engineNode).map((g) => failures?.get(g.uuid ?? "")?.desired ?? g);
  }

  /** GPUs that take no new job because their layout change failed, with why (for pending reasons). */
  failedLayouts(): Array<{ node: string; gpuUuid: string; error: string }> {
    return [...this.layoutFailures].flatMap(([node, failures]) =>
      [...failures].map(([gpuUuid, f]) => ({ node, gpuUuid, error: f.error })),
    );
  }

  /** Replaces what pods hold on a node; the engine counts it as taken. */
  updateKubeletHolds(
    node: NodeRecord,
    allocations: KubeletAllocation__Output[],
    jobs: readonly JobRecord[],
  ): void {
    this.releaseKubeletHolds(node);
    node.kubeletAllocations = allocations;
    if (!node.inEngine) return;
    // A pod may hold a MIG instance the engine's layout lacks (a free one it had dropped, or one made by another
    // tool): then the node is rebuilt from what the agent observes, which has it.
    if (this.holdsOutsideLayout(node)) this.rebuild(node, jobs);
    else this.commitKubeletHolds(node);
  }

  /**
   * Takes a node out of the engine while its agent is away, releasing what its jobs hold there (their records
   * keep their slices; `syncNode` adopts them again when the agent registers).
   */
  detachNode(node: NodeRecord, jobs: readonly JobRecord[]): void {
    if (!node.inEngine) return;
    for (const job of jobs) this.releaseOn(job, node.name);
    this.dropNode(node);
  }

  /** Takes a node out of the engine; its jobs must have been released. */
  dropNode(node: NodeRecord): void {
    if (!node.inEngine) return;
    // Rebuilt later from what its agent observes, the node's layout is the one the GPUs have: nothing to hold.
    this.layoutFailures.delete(node.name);
    this.releaseKubeletHolds(node);
    this.engine.removeNode(node.name);
    this.inventories.delete(node.name);
    node.inEngine = false;
  }

  releaseJob(job: JobRecord): void {
    for (const id of allocationIds(job)) if (this.engine.allocation(id)) this.engine.release(id);
  }

  /** Undoes placements a cycle reserved but could not store. */
  unreserve(placements: readonly Placement[]): void {
    for (const p of [...placements].reverse()) {
      if (this.engine.allocation(p.requestId)) this.engine.release(p.requestId);
    }
  }

  /** The engine's current mode and MIG layout of each GPU of a node (empty when the node is not schedulable). */
  gpuLayouts(nodeName: string): Map<string, GpuLayout> {
    const out = new Map<string, GpuLayout>();
    for (const g of this.engine.node(nodeName)?.gpus ?? []) {
      out.set(g.uuid, {
        mode: g.mode,
        mig: g.mig.map((i) => ({
          profile: i.profile.name,
          start: i.start,
          computeSlices: i.profile.computeSlices,
        })),
      });
    }
    return out;
  }

  /** Re-creates a node in the engine from its latest inventory, with the allocations of the jobs it holds. */
  private rebuild(node: NodeRecord, jobs: readonly JobRecord[]): void {
    if (node.inEngine) {
      for (const job of jobs) this.releaseOn(job, node.name);
      this.dropNode(node);
    }
    const held = jobs.flatMap((j) => j.allocations.filter((a) => a.node === node.name));
    this.engine.addNode(
      nodeSpec(node.name, node.labels, node.cpuMillis, node.memoryMiB, node.gpus, node.observed, held, {
        vmRuntimes: node.capabilities?.vmRuntimes,
        containerRuntimes: node.capabilities?.containerRuntimes,
      }),
    );
    this.inventories.set(node.name, inventoryKey(node));
    node.inEngine = true;
    for (const job of jobs) {
      for (const p of adoptedPlacements(job, node.name)) {
        try {
          this.engine.commit(p);
        } catch (err) {
          this.log(`node ${node.name}: cannot adopt job ${job.id}: ${(err as Error).message}`);
        }
      }
    }
    this.commitKubeletHolds(node);
    this.syncHealth(node);
  }

  private holdsOutsideLayout(node: NodeRecord): boolean {
    const engineNode = this.engine.node(node.name);
    for (const held of node.kubeletAllocations ?? []) {
      if (held.kind !== "mig") continue;
      for (const uuid of held.gpuUuids) {
        const gpu = engineNode?.gpus.find((g) => g.uuid === uuid);
        const observed = node.observed.find((o) => o.uuid === uuid)?.instances ?? [];
        for (const instance of observed.filter((i) => held.deviceIds.includes(i.uuid))) {
          if (!gpu?.mig.some((i) => i.start === instance.start && i.profile.name === instance.profile))
            return true;
        }
      }
    }
    return false;
  }

  /**
   * Takes what pods hold in the engine, so no Tessera job is placed there: a MIG instance by its position, any
   * other device (whole GPU, share replica, VFIO) as its whole GPU.
   */
  private commitKubeletHolds(node: NodeRecord): void {
    if (!node.inEngine) return;
    const engineNode = this.engine.node(node.name);
    for (const [n, held] of (node.kubeletAllocations ?? []).entries()) {
      const gpus: GpuAssignment[] = [];
      for (const uuid of held.gpuUuids) {
        const gpu = engineNode?.gpus.find((g) => g.uuid === uuid);
        if (!gpu) continue;
        if (held.kind !== "mig") {
          gpus.push({ kind: "whole", gpuIndex: gpu.index, gpuUuid: uuid });
          continue;
        }
        // MIG devices are instance UUIDs: find each among the instances the agent observes on this GPU.
        const observed = node.observed.find((o) => o.uuid === uuid)?.instances ?? [];
        for (const instance of observed.filter((i) => held.deviceIds.includes(i.uuid))) {
          if (!gpu.mig.some((i) => i.start === instance.start && i.profile.name === instance.profile))
            continue;
          gpus.push({
            kind: "mig",
            gpuIndex: gpu.index,
            gpuUuid: uuid,
            profile: instance.profile,
            start: instance.start,
            action: "reuse",
          });
        }
      }
      if (gpus.length === 0) continue;
      try {
        this.engine.commit({
          requestId: kubeletHoldId(node.name, n),
          node: node.name,
          cpuMilli: 0,
          memoryMiB: 0,
          gpus,
          score: 0,
        });
      } catch (err) {
        this.log(
          `node ${node.name}: pods hold ${held.deviceIds.join(", ")} (${held.resourceName}), which a Tessera job holds too: ${(err as Error).message}`,
        );
      }
    }
  }

  private releaseKubeletHolds(node: NodeRecord): void {
    for (const n of (node.kubeletAllocations ?? []).keys()) {
      const id = kubeletHoldId(node.name, n);
      if (this.engine.allocation(id)) this.engine.release(id);
    }
  }

  private releaseOn(job: JobRecord, nodeName: string): void {
    for (const id of allocationIds(job)) {
      const p = this.engine.allocation(id);
      if (p && p.node === nodeName) this.engine.release(id);
    }
  }
}
