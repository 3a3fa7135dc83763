import type { GpuOption } from "./GpuOptions.ts";
import type { NodeState } from "./NodeState.ts";
import type { GpuAssignment, Placement } from "./Placement.ts";
import type { PlacementRequest } from "./PlacementRequest.ts";

/** The decision a chosen option on `node` stands for: what each GPU gives the request, and what it must do first. */
export function placementOf(
  node: NodeState,
  option: GpuOption,
  request: PlacementRequest,
  score: number,
): Placement {
  // Object literals with every field spelled out: spreading a shared part would put the fields out of line.
  const gpus = option.picks.map((pick): GpuAssignment => {
    const gpu = node.ordered[pick.pos]!;
    const gpuIndex = gpu.index;
    const gpuUuid = gpu.uuid;
    if (pick.kind === "share" && pick.profile && request.gpu.kind === "share") {
      // The pick says what the GPU loses (the instance, or nothing when filling one); the share is the request.
      const { milli, memoryMiB } = request.gpu;
      const migInstance = { profile: pick.profile.name, start: pick.start! };
      return { kind: "share", gpuIndex, gpuUuid, milli, memoryMiB, migInstance };
    }
    if (pick.kind === "share") {
      const { milli, memoryMiB, switchFrom } = pick;
      return switchFrom
        ? { kind: "share", gpuIndex, gpuUuid, milli, memoryMiB, switchFrom }
        : { kind: "share", gpuIndex, gpuUuid, milli, memoryMiB };
    }
    if (pick.kind === "whole")
      return pick.switchFrom
        ? { kind: "whole", gpuIndex, gpuUuid, switchFrom: pick.switchFrom }
        : { kind: "whole", gpuIndex, gpuUuid };
    const a: GpuAssignment = {
      kind: "mig",
      gpuIndex,
      gpuUuid,
      profile: pick.profile!.name,
      start: pick.start!,
      action: pick.action!,
    };
    if (pick.action === "repartition")
      a.layout = [{ profile: pick.profile!.name, start: pick.start!, allocationId: request.id }];
    return a;
  });
  return {
    requestId: request.id,
    node: node.name,
    cpuMilli: request.cpuMilli,
    memoryMiB: request.memoryMiB,
    gpus,
    score,
  };
}
