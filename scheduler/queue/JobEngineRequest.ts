import { gangOfWholeGpus, type PlacementRequest } from "../engine/PlacementRequest.ts";
import type { JobRecord } from "../store/JobRecord.ts";
import type { EngineRequest } from "./EngineCapacity.ts";

/** Each job's request, converted once: its id and spec never change. */
const converted = new WeakMap<JobRecord, EngineRequest>();

/** What a job asks the engine for; the one conversion from a JobSpec's request shape. */
export function engineRequest(job: JobRecord): EngineRequest {
  let request = converted.get(job);
  if (!request) {
    request = convert(job);
    converted.set(job, request);
  }
  return request;
}

function convert(job: JobRecord): EngineRequest {
  const r = job.spec.request;
  const s = r.shape;
  switch (s.kind) {
    case "none":
      return { gang: false, request: member(job, { kind: "none" }) };
    case "gang":
      return {
        gang: true,
        request: gangOfWholeGpus(
          job.id,
          s.nodes,
          s.gpusPerNode,
          {
            cpuMilli: r.cpuMillis,
            memoryMiB: r.memoryMiB,
            allowedModels: r.models,
            ...(job.spec.container ? { container: true } : {}),
          },
          "preferred",
          s.mixedModels ?? false,
        ),
      };
    case "mig":
      return { gang: false, request: member(job, { kind: "mig", profile: s.profile }) };
    case "slice":
      return {
        gang: false,
        request: member(job, { kind: "slice", memoryMiB: s.memoryMiB, computeSevenths: s.computeSevenths }),
      };
    case "share":
      return {
        gang: false,
        request: member(job, { kind: "share", milli: s.gpuMilli, memoryMiB: s.memoryMiB }),
      };
    case "whole":
      return {
        gang: false,
        request: member(job, {
          kind: "whole",
          count: s.gpus,
          nvlink: s.requireNvlink ? "required" : "preferred",
          // A VM's GPUs leave the host through VFIO: whole IOMMU groups, MIG switched off.
          passthrough: job.spec.kind === "vm",
        }),
      };
  }
}

/**
 * A one-member request, written out field by field: spreading a shared object into a new one with more fields
 * costs V8 microseconds per submit.
 */
function member(job: JobRecord, gpu: PlacementRequest["gpu"]): PlacementRequest {
  const r = job.spec.request;
  return {
    cpuMilli: r.cpuMillis,
    memoryMiB: r.memoryMiB,
    allowedModels: r.models,
    ...(job.spec.container ? { container: true } : {}),
    id: job.id,
    gpu,
  };
}

/** Engine allocation ids of a job: the job id, or one per gang member. */
export function allocationIds(job: JobRecord): string[] {
  const s = job.spec.request.shape;
  if (s.kind !== "gang") return [job.id];
  return Array.from({ length: s.nodes }, (_, i) => `${job.id}/${i}`);
}
