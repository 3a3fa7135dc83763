import { gpuModels } from "../../proto/catalog/GpuCatalog.ts";
import type { PlacementRequest } from "../engine/PlacementRequest.ts";
import type { EngineRequest } from "./EngineCapacity.ts";
import type { JobSubmission } from "./JobSubmission.ts";
import { addResources, emptyResources, type ResourceVector } from "./ResourceVector.ts";

/**
 * What a job counts against its queue's quota: `gpus` in GPU-equivalents (a whole GPU is 1, a share its fraction,
 * a MIG instance its compute slices over the GPU's), whole GPUs per model when the job allows exactly one model,
 * instances per MIG profile, `cpu` in cores and `memory` in MiB.
 */
export function jobDemand(request: EngineRequest): ResourceVector {
  const members = request.gang ? request.request.members : [request.request];
  return members.reduce((sum, member) => addResources(sum, memberDemand(member)), emptyResources);
}

/** Whether a request needs several GPUs at once (a gang, or N whole GPUs on one node): it gets a reservation. */
export function isGang(request: EngineRequest): boolean {
  const members = request.gang ? request.request.members : [request.request];
  return members.length > 1 || members.some((m) => m.gpu.kind === "whole" && m.gpu.count > 1);
}

function memberDemand(request: PlacementRequest): ResourceVector {
  const demand: Record<string, number> = {};
  if (request.cpuMilli > 0) demand.cpu = request.cpuMilli / 1000;
  if (request.memoryMiB > 0) demand.memory = request.memoryMiB;
  const gpu = request.gpu;
  const onlyModel = request.allowedModels?.length === 1 ? request.allowedModels[0] : undefined;
  switch (gpu.kind) {
    case "none":
      break;
    case "share":
      demand.gpus = gpu.milli / 1000;
      break;
    case "slice":
      demand.gpus = gpu.computeSevenths / 7;
      break;
    case "mig":
      demand.gpus = migFraction(gpu.profile, request.allowedModels);
      demand[gpu.profile] = 1;
      break;
    case "whole":
      demand.gpus = gpu.count;
      if (onlyModel !== undefined) demand[onlyModel] = gpu.count;
      break;
  }
  return demand;
}

/** Compute slices of the profile over the GPU's, on the first allowed model that has the profile. */
function migFraction(profile: string, allowedModels: readonly string[] | undefined): number {
  for (const model of gpuModels) {
    if (allowedModels && allowedModels.length > 0 && !allowedModels.includes(model.id)) continue;
    const found = model.mig?.profiles.find((p) => p.name === profile);
    if (model.mig && found) return found.computeSlices / model.mig.computeSlices;
  }
  // Profile names start with their compute slices out of seven ("3g.40gb").
  return Number.parseInt(profile, 10) / 7 || 0;
}

/** A queue submission for an engine request: demand and gang-ness are derived from the request itself. */
export function engineSubmission(
  id: string,
  request: EngineRequest,
  fields: Omit<JobSubmission<EngineRequest>, "id" | "request" | "demand" | "gang">,
): JobSubmission<EngineRequest> {
  // Written out field by field: spreading `fields` into a new object with more fields costs microseconds.
  return {
    queue: fields.queue,
    priorityClass: fields.priorityClass,
    priority: fields.priority,
    preemptible: fields.preemptible,
    requeueOnPreemption: fields.requeueOnPreemption,
    maxRuntimeSeconds: fields.maxRuntimeSeconds,
    id,
    request,
    demand: jobDemand(request),
    gang: isGang(request),
  };
}
