import type { NodeSpec } from "./ClusterSpec.ts";
import { GpuState } from "./GpuState.ts";
import type { NodeClass } from "./NodeClassIndex.ts";
import { packedGpuStride, packGpuStates } from "./PackedGpuStates.ts";

/** The engine's mutable view of one node. */
export class NodeState {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Runnable VM runtimes; undefined when not advertised. */
  readonly vmRuntimes: readonly string[] | undefined;
  /** Container runtimes of the node's agent; undefined when not advertised. */
  readonly containerRuntimes: readonly string[] | undefined;
  readonly cpuTotal: number;
  readonly memTotal: number;
  cpuFree: number;
  memFree: number;
  readonly gpus: GpuState[];
  /** `gpus.length`, on the node itself: filters read it first, and the GPU list is one more object to fetch. */
  readonly gpuCount: number;
  /**
   * The GPUs in canonical order: sorted by state when the GPUs are interchangeable (same model, no partial
   * NVLink topology), so that nodes in the same state share one equivalence class; index order otherwise.
   */
  ordered: GpuState[];
  /**
   * Model per position of `ordered`: fixed, since GPUs are reordered only when all are of one model. Shared
   * between nodes with the same list, so that statistics kept per class hold no copy of it.
   */
  readonly orderedModels: readonly string[];
  /** The states of `ordered`, packed (`PackedGpuStates.ts`): current after every `reorder`. */
  readonly packedGpus: number[];
  readonly models: ReadonlySet<string>;
  /** Part of the class key that never changes: CPU, models, labels, topology (host memory is the index's). */
  readonly staticKey: string;
  private readonly symmetric: boolean;
  klass: NodeClass | undefined;
  /** Position in `klass.members`, for O(1) removal. */
  classSlot = -1;
  /** Place in the engine's seeded node order, for the `nodeOrder` tie-break. */
  tieRank = 0;
  /** Position in `klass.byRank`, for O(log n) removal. */
  rankSlot = -1;

  constructor(spec: NodeSpec) {
    if (!spec.name) throw new Error("node without a name");
    for (const [what, v] of [
      ["cpuMilli", spec.cpuMilli],
      ["memoryMiB", spec.memoryMiB],
    ] as const) {
      if (!Number.isFinite(v) || v < 0) throw new Error(`node ${spec.name}: ${what} must be >= 0, got ${v}`);
    }
    this.name = spec.name;
    this.labels = spec.labels ?? {};
    this.vmRuntimes = spec.vmRuntimes;
    this.containerRuntimes = spec.containerRuntimes;
    this.cpuTotal = spec.cpuMilli;
    this.memTotal = spec.memoryMiB;
    this.cpuFree = spec.cpuMilli;
    this.memFree = spec.memoryMiB;
    this.gpus = spec.gpus.map((g) => new GpuState(g, `node ${spec.name}`));
    this.gpuCount = this.gpus.length;
    const indices = new Set(this.gpus.map((g) => g.index));
    if (indices.size !== this.gpus.length) throw new Error(`node ${spec.name}: duplicate GPU index`);
    this.models = new Set(this.gpus.map((g) => g.model));
    const fullMesh = this.gpus.every((g) => g.nvlinkPeers.size === this.gpus.length - 1);
    const noLinks = this.gpus.every((g) => g.nvlinkPeers.size === 0);
    const groups = this.gpus.map((g) => g.iommuGroup).filter((group) => group !== undefined);
    // GPUs sharing an IOMMU group are not interchangeable for VMs: such nodes keep their GPUs in index order.
    const sharedGroups = new Set(groups).size < groups.length;
    this.symmetric = this.models.size <= 1 && (fullMesh || noLinks) && !sharedGroups;
    this.ordered = [...this.gpus];
    this.orderedModels = sharedModelList(this.gpus.map((g) => g.model));
    // Filled with small integers up front: a packed array of them, never resized.
    this.packedGpus = Array.from({ length: this.gpus.length * packedGpuStride }, () => 0);
    packGpuStates(this.ordered, this.packedGpus);
    const labelKey = Object.entries(this.labels)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join(",");
    const topology = this.symmetric
      ? `${noLinks ? "nolink" : "mesh"}${this.gpus.length}`
      : this.gpus
          .map(
            (g) =>
              `${g.model}:${[...g.nvlinkPeers].join(".")}${sharedGroups ? `@${g.iommuGroup ?? ""}` : ""}`,
          )
          .join(";");
    const vmKey = this.vmRuntimes === undefined ? "" : `/vm:${[...this.vmRuntimes].sort().join("+")}`;
    const containerKey =
      this.containerRuntimes === undefined ? "" : `/ctr:${[...this.containerRuntimes].sort().join("+")}`;
    this.staticKey = `${this.cpuTotal}/${[...this.models].join("+")}/${topology}/${labelKey}${vmKey}${containerKey}`;
  }

  /** Sum of free GPU thousandths over the node. */
  get gpuFreeMilli(): number {
    let sum = 0;
    for (const g of this.gpus) sum += g.freeMilli;
    return sum;
  }

  /** Recomputes the canonical GPU order (`ordered`) from the GPUs' states. */
  reorder(): void {
    // Runs on every commit and release: an insertion sort in place (a node has a handful of GPUs) under a total
    // order, so the result is that of any sort; state keys are cached by each GPU until it changes.
    const ordered = this.ordered;
    for (let i = 0; i < ordered.length; i++) ordered[i] = this.gpus[i]!;
    if (this.symmetric) this.sortOrdered();
    packGpuStates(ordered, this.packedGpus);
  }

  private sortOrdered(): void {
    const ordered = this.ordered;
    // Fullest GPU first: options are scored in this order and the first of equal scores wins, which packs.
    for (let i = 1; i < ordered.length; i++) {
      const g = ordered[i]!;
      let j = i - 1;
      while (j >= 0 && gpuAfter(ordered[j]!, g)) {
        ordered[j + 1] = ordered[j]!;
        j--;
      }
      ordered[j + 1] = g;
    }
  }
}

/** Model lists by their joined names: most nodes have one of a few. Bounded for long runs. */
const modelLists = new Map<string, readonly string[]>();
const modelListLimit = 1024;

function sharedModelList(models: readonly string[]): readonly string[] {
  const key = models.join("|");
  const shared = modelLists.get(key);
  // The same key from other names (a name with "|" in it) keeps its own list.
  if (shared)
    return shared.length === models.length && shared.every((m, i) => m === models[i]) ? shared : models;
  if (modelLists.size >= modelListLimit) modelLists.clear();
  modelLists.set(key, models);
  return models;
}

/** Whether `a` comes after `b` in the canonical order: fuller first, then state key, then index. */
function gpuAfter(a: GpuState, b: GpuState): boolean {
  if (a.freeMilli !== b.freeMilli) return a.freeMilli > b.freeMilli;
  const ka = a.stateKey();
  const kb = b.stateKey();
  if (ka !== kb) return ka > kb;
  return a.index > b.index;
}
