import { gpuModel, migInstanceMilli } from "../../proto/catalog/GpuCatalog.ts";
import type { FleetGpu, FleetJob, FleetSlice, FleetSnapshot } from "../readmodel/FleetReadModel.ts";

/** A MIG GPU of `modelId` carved into the given instances, `[profile, placementStart, jobId?]`. */
export function migGpu(
  node: string,
  index: number,
  modelId: string,
  instances: readonly (readonly [string, number, string?])[],
): FleetGpu {
  const model = gpuModel(modelId);
  const uuid = `GPU-${node}-${index}`;
  const slices: FleetSlice[] = instances.map(([profileName, start, jobId], i) => {
    const profile = model.mig?.profiles.find((p) => p.name === profileName);
    if (!profile || !model.mig) throw new Error(`${modelId} has no MIG profile ${profileName}`);
    return {
      id: `${uuid}/mig-${start}`,
      kind: "mig",
      profile: profileName,
      placementStart: start,
      gpuInstanceId: i + 1,
      computeInstanceId: 0,
      migUuid: `MIG-${node}-${index}-${start}`,
      share: profile.computeSlices / model.mig.computeSlices,
      ...(jobId === undefined ? {} : { jobId }),
    };
  });
  return {
    uuid,
    index,
    modelId,
    modelName: model.name,
    memoryMiB: model.memoryMiB,
    sharingMode: "mig",
    healthy: true,
    slices,
  };
}

/** `gpu` with its MIG instance at `start` shared by MPS share jobs, `[jobId, thousandths of the GPU]` each. */
export function withInstanceShares(
  gpu: FleetGpu,
  start: number,
  shares: readonly (readonly [string, number])[],
): FleetGpu {
  const model = gpuModel(gpu.modelId);
  return {
    ...gpu,
    slices: gpu.slices.map((slice) => {
      const profile = model.mig?.profiles.find((p) => p.name === slice.profile);
      if (slice.placementStart !== start || !profile) return slice;
      const { jobId: _none, ...instance } = slice;
      return {
        ...instance,
        shares: shares.map(([jobId, milli]) => ({
          ...instance,
          id: `${slice.id}/share-${jobId}`,
          kind: "shared" as const,
          share: (slice.share * milli) / migInstanceMilli(model, profile),
          jobId,
        })),
      };
    }),
  };
}

/** A GPU used whole, by `jobId` if given. */
export function wholeGpu(node: string, index: number, modelId: string, jobId?: string): FleetGpu {
  const model = gpuModel(modelId);
  const uuid = `GPU-${node}-${index}`;
  return {
    uuid,
    index,
    modelId,
    modelName: model.name,
    memoryMiB: model.memoryMiB,
    sharingMode: "whole",
    healthy: true,
    slices: jobId === undefined ? [] : [{ id: `${uuid}/whole`, kind: "whole", share: 1, jobId }],
  };
}

export function job(id: string, tenant: string, queue: string, fields: Partial<FleetJob> = {}): FleetJob {
  return {
    id,
    name: id,
    tenant,
    queue,
    priority: 0,
    kind: "training",
    state: "Running",
    request: "1 GPU",
    submittedAt: 0,
    sliceIds: [],
    ...fields,
  };
}

/**
 * Two nodes: `h100-a` with four H100s (two whole jobs, two free) and `a100-a` with an A100-80GB split into
 * 3g.40gb + 2 x 2g.20gb (one of each held) plus one free A100; and a pending job.
 */
export function sampleFleet(startedAt = 0): FleetSnapshot {
  const fleet: FleetSnapshot = {
    nodes: [
      {
        name: "h100-a",
        state: "Ready",
        labels: { zone: "a" },
        gpus: [
          wholeGpu("h100-a", 0, "H100-SXM5-80GB", "train-1"),
          wholeGpu("h100-a", 1, "H100-SXM5-80GB", "train-2"),
          wholeGpu("h100-a", 2, "H100-SXM5-80GB"),
          wholeGpu("h100-a", 3, "H100-SXM5-80GB"),
        ],
      },
      {
        name: "a100-a",
        state: "Ready",
        labels: { zone: "b" },
        gpus: [
          migGpu("a100-a", 0, "A100-80GB", [
            ["3g.40gb", 0, "infer-1"],
            ["2g.20gb", 4, "nb-1"],
            ["2g.20gb", 6],
          ]),
          wholeGpu("a100-a", 1, "A100-80GB"),
        ],
      },
    ],
    jobs: [
      job("train-1", "vision", "training", { startedAt, request: "1 GPU (H100-SXM5-80GB)" }),
      job("train-2", "nlp", "training", { startedAt, request: "1 GPU (H100-SXM5-80GB)" }),
      job("infer-1", "nlp", "inference", { startedAt, kind: "inference", request: "3g.40gb" }),
      job("nb-1", "vision", "notebooks", { startedAt, kind: "batch", request: "2g.20gb" }),
      job("wait-1", "nlp", "training", {
        state: "Pending",
        submittedAt: startedAt,
        request: "4 GPUs (H100-SXM5-80GB)",
        reason: "0/2 nodes are available: 1 has 2 free H100s, 1 has no H100",
      }),
    ],
  };
  for (const j of fleet.jobs) {
    j.sliceIds = fleet.nodes
      .flatMap((n) => n.gpus.flatMap((g) => g.slices.filter((s) => s.jobId === j.id)))
      .map((s) => s.id);
  }
  return fleet;
}
