import type { GpuOption } from "./GpuOptions.ts";
import type { NodeState } from "./NodeState.ts";
import type { PlacementRequest } from "./PlacementRequest.ts";

/**
 * The later looks a share gets when no GPU takes it the usual way (docs/mps.md): `fill` a MIG instance that already
 * holds shares, then `take` a free one.
 */
export type MigShareStage = "fill" | "take";

/** Per-decision state shared by the plugins of one placement cycle (kube-scheduler's CycleState). */
export class CycleState {
  readonly request: PlacementRequest;
  /** Equal for two requests that every plugin treats alike (host memory aside); keys the per-class memo. */
  readonly signature: string;
  /** Allowed GPU models, or null for any. */
  readonly allowedModels: ReadonlySet<string> | null;
  /** Number of GPUs the request occupies (0 for CPU-only, 1 for a share or MIG instance). */
  readonly gpuCount: number;
  /** Thousandths of each GPU it asks for: the share, 1000 for whole GPUs, 0 for MIG (depends on the model). */
  readonly milliPerGpu: number;
  /** Nodes this cycle must not use (members of the same gang already placed). */
  readonly excluded: ReadonlySet<NodeState>;
  /** The one GPU model a gang member must use (the model of its gang), or null when it is free to choose. */
  readonly gangModel: string | null;
  /** For a share: whether this look also puts it on MIG instances, and on which. */
  readonly migShares: MigShareStage | undefined;
  /** The GPU options the fit filter found on the node being evaluated, for the score step. */
  options: GpuOption[] = [];

  constructor(
    request: PlacementRequest,
    excluded: ReadonlySet<NodeState> = noneExcluded,
    gangModel: string | null = null,
    migShares?: MigShareStage,
  ) {
    validateRequest(request);
    this.request = request;
    this.excluded = excluded;
    this.gangModel = gangModel;
    this.migShares = migShares;
    const allowed = request.allowedModels;
    this.allowedModels = allowed && allowed.length > 0 ? new Set(allowed) : null;
    const g = request.gpu;
    this.gpuCount = g.kind === "none" ? 0 : g.kind === "whole" ? g.count : 1;
    this.milliPerGpu = g.kind === "share" ? g.milli : g.kind === "whole" ? 1000 : 0;
    const selector = request.nodeSelector
      ? Object.entries(request.nodeSelector)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => `${k}=${v}`)
          .join(",")
      : "";
    // Host memory is left out: no score depends on it, and the engine checks it before consulting the memo.
    this.signature = `${request.cpuMilli}/${JSON.stringify(g)}/${
      allowed ? [...allowed].sort().join("|") : ""
    }/${selector}/${gangModel ?? ""}${request.container ? "/container" : ""}${migShares ? `/mig-${migShares}` : ""}`;
  }

  /** The same cycle, looking at MIG instances for the share at `stage`. */
  withMigShares(stage: MigShareStage): CycleState {
    return new CycleState(this.request, this.excluded, this.gangModel, stage);
  }

  /** Whether a GPU of `model` may serve this request. */
  allows(model: string): boolean {
    return (
      (this.allowedModels === null || this.allowedModels.has(model)) &&
      (this.gangModel === null || this.gangModel === model)
    );
  }
}

const noneExcluded: ReadonlySet<NodeState> = new Set();

function nonNegative(what: string, v: number): void {
  if (!Number.isFinite(v) || v < 0) throw new Error(`${what} must be a number >= 0, got ${v}`);
}

/** Rejects malformed requests with a message that says which field to fix. */
export function validateRequest(r: PlacementRequest): void {
  const where = `request ${r.id}`;
  if (!r.id) throw new Error("request without an id");
  nonNegative(`${where}: cpuMilli`, r.cpuMilli);
  nonNegative(`${where}: memoryMiB`, r.memoryMiB);
  const g = r.gpu;
  switch (g.kind) {
    case "none":
      return;
    case "share":
      if (!Number.isInteger(g.milli) || g.milli < 1 || g.milli > 1000) {
        throw new Error(`${where}: share milli must be an integer in 1..1000, got ${g.milli}`);
      }
      nonNegative(`${where}: share memoryMiB`, g.memoryMiB);
      return;
    case "whole":
      if (!Number.isInteger(g.count) || g.count < 1) {
        throw new Error(`${where}: whole GPU count must be an integer >= 1, got ${g.count}`);
      }
      return;
    case "slice":
      nonNegative(`${where}: slice memoryMiB`, g.memoryMiB);
      if (!Number.isInteger(g.computeSevenths) || g.computeSevenths < 1 || g.computeSevenths > 7) {
        throw new Error(
          `${where}: slice computeSevenths must be an integer in 1..7, got ${g.computeSevenths}`,
        );
      }
      return;
    case "mig":
      if (!g.profile) throw new Error(`${where}: MIG profile name is empty`);
      return;
    default:
      throw new Error(`${where}: unknown GPU demand kind ${(g as { kind: string }).kind}`);
  }
}
