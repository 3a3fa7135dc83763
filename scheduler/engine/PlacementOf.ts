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
  const gpus = option.picks.map((pick): GpuAssignment => {
    const gpu = node.ordered[pick.pos]!;
    const at = { gpuIndex: gpu.index, gpuUuid: gpu.uuid };
    if (pick.kind === "share" && pick.profile && request.gpu.kind === "share") {
      // The pick says what the GPU loses (the instance, or nothing when filling one); the share is the request.
      const { milli, memoryMiB } = request.gpu;
      const migInstance = { profile: pick.profile.name, start: pick.start! };
      return { kind: "share", ...at, milli, memoryMiB, migInstance };
    }
    if (pick.kind === "share") {
      const share = { kind: "share" as const, ...at, milli: pick.milli, memoryMiB: pick.memoryMiB };
      return pick.switchFrom ? { ...share, switchFrom: pick.switchFrom } : share;
    }
    if (pick.kind === "whole")
      return pick.switchFrom
        ? { kind: "whole", ...at, switchFrom: pick.switchFrom }
        : { kind: "whole", ...at };
    const a: GpuAssignment = {
      kind: "mig",
      ...at,
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
