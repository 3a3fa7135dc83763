import type { Job } from "../../proto/generated/tessera/v1/Job.ts";
import type { JobSpec as JobSpecMessage } from "../../proto/generated/tessera/v1/JobSpec.ts";
import type { Node } from "../../proto/generated/tessera/v1/Node.ts";
import type { ResourceRequest } from "../../proto/generated/tessera/v1/ResourceRequest.ts";
import type { JobRecord, JobSpec } from "../store/JobRecord.ts";
import { gangMembers } from "./GangMembers.ts";
import type { NodeRecord } from "./NodeRecord.ts";

/** The wire form of the service's records (tessera.v1 messages). */

export function specMessage(spec: JobSpec): JobSpecMessage {
  const s = spec.request.shape;
  const request: ResourceRequest = {
    models: spec.request.models,
    cpuMillis: spec.request.cpuMillis,
    memoryMib: spec.request.memoryMiB,
  };
  switch (s.kind) {
    case "mig":
      request.mig = { profile: s.profile };
      break;
    case "slice":
      request.slice = { memoryMib: s.memoryMiB, computeSevenths: s.computeSevenths };
      break;
    case "share":
      request.share = { gpuMilli: s.gpuMilli, memoryMib: s.memoryMiB };
      break;
    case "whole":
      request.whole = { gpus: s.gpus, requireNvlink: s.requireNvlink };
      break;
    case "gang":
      request.gang = { nodes: s.nodes, gpusPerNode: s.gpusPerNode, mixedModels: s.mixedModels ?? false };
      break;
    case "none":
      request.noGpu = {};
      break;
  }
  return {
    name: spec.name,
    tenant: spec.tenant,
    queue: spec.queue,
    priority: spec.priority,
    kind: spec.kind,
    request,
    command: spec.command,
    env: spec.env,
    workdir: spec.workdir,
    priorityClass: spec.priorityClass ?? "",
    preemptible: spec.preemptible ?? false,
    requeueOnPreemption: spec.requeueOnPreemption ?? false,
    maxRuntimeSeconds: spec.maxRuntimeSeconds ?? 0,
    image: spec.container?.image ?? "",
    mounts: spec.container?.mounts ?? [],
  };
}

/**
 * A job on the wire. `mpsOn` says whether a node runs MPS (its agent found the control daemon), so that a share
 * says whether it is enforced or time-sliced; unknown nodes leave it empty.
 */
export function jobMessage(
  job: JobRecord,
  mpsOn: (node: string) => boolean | undefined = () => undefined,
): Job {
  return {
    id: job.id,
    spec: specMessage(job.spec),
    state: job.state,
    reason: job.reason,
    allocations: job.allocations.map((a) => ({
      node: a.node,
      gpuUuid: a.gpuUuid,
      gpuIndex: a.gpuIndex,
      gpuModel: a.gpuModel,
      kind: a.kind,
      migProfile: a.migProfile,
      migStart: a.migStart,
      migSize: a.migSize,
      migUuid: a.migUuid,
      shareMilli: a.shareMilli,
      shareMemoryMib: a.shareMemoryMiB,
      shareIsolation: a.kind === "share" ? shareIsolation(mpsOn(a.node)) : "",
    })),
    attempt: job.attempt,
    exitCode: job.exitCode ?? 0,
    logNode: job.logNode,
    logPath: job.logPath,
    createdUnixMs: job.createdMs,
    updatedUnixMs: job.updatedMs,
    transitions: job.transitions.map((t) => ({ from: t.from, to: t.to, atUnixMs: t.atMs, reason: t.reason })),
    clientRequestId: job.clientRequestId,
    startedUnixMs: job.startedMs,
    finishedUnixMs: job.finishedMs,
    visibleDevices: job.visibleDevices,
    members: gangMembers(job).map((m) => ({
      rank: m.rank,
      node: m.node,
      state: m.state,
      detail: m.detail,
      logPath: m.logPath,
      startedUnixMs: m.startedMs,
      finishedUnixMs: m.finishedMs,
      exitCode: m.exitCode,
    })),
  };
}

export function nodeMessage(node: NodeRecord): Node {
  return {
    name: node.name,
    state: node.state,
    labels: node.labels,
    gpus: node.gpus,
    observed: node.observed,
    generation: node.generation,
    generationReached: node.generationReached,
    lease: { renewedUnixMs: node.leaseRenewedMs, expiresUnixMs: node.leaseExpiresMs },
    errors: node.errors,
    cpuMillis: node.cpuMillis,
    memoryMib: node.memoryMiB,
    // Whether shares there run under MPS or are time-sliced, among what the agent said it can run.
    ...(node.capabilities ? { capabilities: node.capabilities } : {}),
    address: node.address ?? "",
  };
}

function shareIsolation(mps: boolean | undefined): string {
  if (mps === undefined) return "";
  return mps ? "mps" : "time-sliced";
}
