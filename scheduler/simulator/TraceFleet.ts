import type { ClusterSpec, GpuSpec, MigInstanceSpec, NodeSpec } from "../engine/ClusterSpec.ts";
import type { PlacementRequest } from "../engine/PlacementRequest.ts";
import type { TraceNode, TracePod } from "./TraceReader.ts";

/** The GPU model every GPU becomes in the MIG variant of a fleet. */
export const migFleetModel = "H100-SXM5-80GB";

/** Static MIG layouts from NVIDIA mig-parted's example configurations, for the H100 80GB. */
export const migLayouts = {
  // 1g.10gb x 2, 2g.20gb x 1, 3g.40gb x 1: 7 compute and 8 memory slices.
  "all-balanced": [
    { profile: "2g.20gb", start: 0 },
    { profile: "1g.10gb", start: 2 },
    { profile: "1g.10gb", start: 3 },
    { profile: "3g.40gb", start: 4 },
  ],
  "all-1g.10gb": [0, 1, 2, 3, 4, 5, 6].map((start) => ({ profile: "1g.10gb", start })),
} as const satisfies Record<string, readonly MigInstanceSpec[]>;
export type MigLayoutName = keyof typeof migLayouts;

export function isMigLayoutName(name: string): name is MigLayoutName {
  return Object.hasOwn(migLayouts, name);
}

/**
 * A trace's nodes as an engine cluster. Trace GPUs are shared (fractions of a GPU, GPU memory unknown). With
 * `migFleet`, every GPU is an H100 in MIG mode instead, so MIG packing is measured on the same workload; with
 * `layout` too, every GPU starts carved into that static layout.
 */
export function traceCluster(
  nodes: readonly TraceNode[],
  migFleet: boolean,
  layout?: MigLayoutName,
): ClusterSpec {
  return {
    nodes: nodes.map((n): NodeSpec => {
      const gpus: GpuSpec[] = [];
      for (let i = 0; i < n.gpus; i++) {
        gpus.push(
          migFleet
            ? {
                uuid: `${n.name}/gpu${i}`,
                index: i,
                model: migFleetModel,
                memoryMiB: 81559,
                mode: "mig",
                migInstances: layout ? migLayouts[layout].map((m) => ({ ...m })) : [],
              }
            : { uuid: `${n.name}/gpu${i}`, index: i, model: n.model, memoryMiB: 0, mode: "shared" },
        );
      }
      return { name: n.name, cpuMilli: n.cpuMilli, memoryMiB: n.memoryMiB, gpus };
    }),
  };
}

/** Total GPU capacity of a trace fleet in thousandths of a GPU. */
export function fleetGpuMilli(nodes: readonly TraceNode[]): number {
  let sum = 0;
  for (const n of nodes) sum += n.gpus * 1000;
  return sum;
}

/** GPU thousandths a pod asks for in total. */
export function podGpuMilli(pod: TracePod): number {
  return pod.numGpu * pod.gpuMilli;
}

/**
 * The engine request for a trace pod. In a MIG fleet a GPU share becomes a model-agnostic slice of
 * ceil(milli x 7 / 1000) compute sevenths (the smallest fitting profile) and gpu_spec is dropped, since every
 * GPU is then the same model.
 */
export function podRequest(pod: TracePod, id: string, migFleet: boolean): PlacementRequest {
  const base = { id, cpuMilli: pod.cpuMilli, memoryMiB: pod.memoryMiB };
  if (pod.numGpu === 0) return { ...base, gpu: { kind: "none" } };
  const allowed = migFleet || pod.gpuSpec === null ? {} : { allowedModels: pod.gpuSpec };
  if (pod.gpuMilli < 1000) {
    if (migFleet) {
      return {
        ...base,
        gpu: { kind: "slice", memoryMiB: 0, computeSevenths: Math.ceil((pod.gpuMilli * 7) / 1000) },
      };
    }
    return { ...base, ...allowed, gpu: { kind: "share", milli: pod.gpuMilli, memoryMiB: 0 } };
  }
  return { ...base, ...allowed, gpu: { kind: "whole", count: pod.numGpu } };
}
