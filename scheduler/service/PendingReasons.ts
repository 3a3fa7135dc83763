import { findGpuModel, findMigProfile, smallestFittingProfile } from "../../proto/catalog/GpuCatalog.ts";
import type { PlacementEngine } from "../engine/PlacementEngine.ts";
import type { JobRecord, RequestShape } from "../store/JobRecord.ts";

type FailedLayout = { node: string; gpuUuid: string; error: string };
type MigShape = Extract<RequestShape, { kind: "mig" | "slice" }>;

/**
 * Why jobs are still pending, in words an engineer acts on: the engine's per-node reasons, and for MIG requests
 * which GPUs could be repartitioned for them once the jobs on them end. Made for one placement cycle: the MIG hint
 * walks every allocation and GPU, so it is worked out once per request shape while the engine stays as it was,
 * not once per waiting job (a backlog of thousands would walk the fleet thousands of times a cycle).
 */
export class PendingReasons {
  private revision = -1;
  /** Per GPU, the jobs holding it (name and id), for the current revision. */
  private holders: Map<string, Set<string>> | undefined;
  /** Per request shape and models allowed, the MIG hint (undefined: no MIG GPU could hold it). */
  private readonly hints = new Map<string, string | undefined>();

  constructor(
    private readonly engine: PlacementEngine,
    private readonly jobOfAllocation: (id: string) => JobRecord | undefined,
    private readonly failedLayouts: readonly FailedLayout[] = [],
  ) {}

  reason(job: JobRecord, engineMessage: string): string {
    return this.withFailedLayouts(job, this.withMigHint(job, engineMessage));
  }

  /** Names the GPUs the job could use that take no job because their agent could not apply their layout. */
  private withFailedLayouts(job: JobRecord, reason: string): string {
    const allowed = job.spec.request.models;
    if (job.spec.request.shape.kind === "none" || this.failedLayouts.length === 0) return reason;
    const held = this.failedLayouts.filter((f) => {
      const model = this.engine.node(f.node)?.gpus.find((g) => g.uuid === f.gpuUuid)?.model;
      return model !== undefined && (allowed.length === 0 || allowed.includes(model));
    });
    if (held.length === 0) return reason;
    const named = held
      .slice(0, 3)
      .map((f) => `GPU ${f.gpuUuid} of node ${f.node} (${f.error})`)
      .join("; ");
    return `${reason} ${held.length} GPU(s) take no job until their agent applies the layout change that failed: ${named}${held.length > 3 ? "; ..." : ""}.`;
  }

  private withMigHint(job: JobRecord, engineMessage: string): string {
    const shape = job.spec.request.shape;
    if (shape.kind !== "mig" && shape.kind !== "slice") return engineMessage;
    if (this.revision !== this.engine.revision) {
      this.revision = this.engine.revision;
      this.holders = undefined;
      this.hints.clear();
    }
    const models = job.spec.request.models;
    const key =
      shape.kind === "mig"
        ? `mig ${shape.profile} ${models.join(",")}`
        : `slice ${shape.memoryMiB} ${shape.computeSevenths} ${models.join(",")}`;
    let hint = this.hints.get(key);
    if (!this.hints.has(key)) {
      hint = this.migHint(shape, models);
      this.hints.set(key, hint);
    }
    return hint === undefined ? engineMessage : `${hint}. ${engineMessage}`;
  }

  private migHint(shape: MigShape, allowed: readonly string[]): string | undefined {
    const holders = this.gpuHolders();
    let profileName = "";
    const models = new Set<string>();
    let repartitionable = 0;
    const blockers = new Set<string>();
    for (const node of this.engine.nodes()) {
      for (const gpu of node.gpus) {
        const model = findGpuModel(gpu.model);
        if (!model?.mig || (allowed.length > 0 && !allowed.includes(model.id))) continue;
        const profile =
          shape.kind === "mig"
            ? findMigProfile(model, shape.profile)
            : smallestFittingProfile(model, shape.memoryMiB, shape.computeSevenths);
        if (!profile) continue;
        profileName ||= profile.name;
        models.add(model.id);
        if (gpu.idle) continue;
        repartitionable++;
        for (const name of holders.get(gpu.uuid) ?? []) blockers.add(name);
      }
    }
    if (models.size === 0) return undefined;
    const what = shape.kind === "mig" ? shape.profile : `${profileName}-sized`;
    let hint = `no ${[...models].join("/")} GPU has a free ${what} placement`;
    if (repartitionable > 0) {
      const names = [...blockers];
      const shown = names.slice(0, 3).join(", ") + (names.length > 3 ? ` and ${names.length - 3} more` : "");
      hint += `; ${repartitionable} GPU(s) could be repartitioned once job(s) ${shown} end`;
    }
    return hint;
  }

  private gpuHolders(): Map<string, Set<string>> {
    if (this.holders) return this.holders;
    const holders = new Map<string, Set<string>>();
    for (const id of this.engine.allocationIds()) {
      const placement = this.engine.allocation(id);
      const holder = this.jobOfAllocation(id);
      if (!placement || !holder) continue;
      for (const g of placement.gpus) {
        let names = holders.get(g.gpuUuid);
        if (!names) {
          names = new Set();
          holders.set(g.gpuUuid, names);
        }
        names.add(holder.spec.name === holder.id ? holder.id : `${holder.spec.name} (${holder.id})`);
      }
    }
    this.holders = holders;
    return holders;
  }
}
