import { findGpuModel, findMigProfile, smallestFittingProfile } from "../../proto/catalog/GpuCatalog.ts";
import type { PlacementEngine } from "../engine/PlacementEngine.ts";
import type { JobRecord } from "../store/JobRecord.ts";

/**
 * Why a job is still pending, in words an engineer acts on: the engine's per-node reasons, and for MIG requests
 * which GPUs could be repartitioned for it once the jobs on them end.
 */
export function pendingReason(
  job: JobRecord,
  engineMessage: string,
  engine: PlacementEngine,
  jobOfAllocation: (id: string) => JobRecord | undefined,
  failedLayouts: ReadonlyArray<{ node: string; gpuUuid: string; error: string }> = [],
): string {
  return withFailedLayouts(job, migHint(job, engineMessage, engine, jobOfAllocation), engine, failedLayouts);
}

/** Names the GPUs the job could use that take no job because their agent could not apply their layout. */
function withFailedLayouts(
  job: JobRecord,
  reason: string,
  engine: PlacementEngine,
  failedLayouts: ReadonlyArray<{ node: string; gpuUuid: string; error: string }>,
): string {
  const allowed = job.spec.request.models;
  if (job.spec.request.shape.kind === "none") return reason;
  const held = failedLayouts.filter((f) => {
    const model = engine.node(f.node)?.gpus.find((g) => g.uuid === f.gpuUuid)?.model;
    return model !== undefined && (allowed.length === 0 || allowed.includes(model));
  });
  if (held.length === 0) return reason;
  const named = held
    .slice(0, 3)
    .map((f) => `GPU ${f.gpuUuid} of node ${f.node} (${f.error})`)
    .join("; ");
  return `${reason} ${held.length} GPU(s) take no job until their agent applies the layout change that failed: ${named}${held.length > 3 ? "; ..." : ""}.`;
}

function migHint(
  job: JobRecord,
  engineMessage: string,
  engine: PlacementEngine,
  jobOfAllocation: (id: string) => JobRecord | undefined,
): string {
  const shape = job.spec.request.shape;
  if (shape.kind !== "mig" && shape.kind !== "slice") return engineMessage;
  const allowed = job.spec.request.models;
  const holders = new Map<string, Set<string>>();
  for (const id of engine.allocationIds()) {
    const placement = engine.allocation(id);
    const holder = jobOfAllocation(id);
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
  let profileName = "";
  const models = new Set<string>();
  let repartitionable = 0;
  const blockers = new Set<string>();
  for (const node of engine.nodes()) {
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
  if (models.size === 0) return engineMessage;
  const what = shape.kind === "mig" ? shape.profile : `${profileName}-sized`;
  let hint = `no ${[...models].join("/")} GPU has a free ${what} placement`;
  if (repartitionable > 0) {
    const names = [...blockers];
    const shown = names.slice(0, 3).join(", ") + (names.length > 3 ? ` and ${names.length - 3} more` : "");
    hint += `; ${repartitionable} GPU(s) could be repartitioned once job(s) ${shown} end`;
  }
  return `${hint}. ${engineMessage}`;
}
