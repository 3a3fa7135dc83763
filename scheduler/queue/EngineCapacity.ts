import type { Placement } from "../engine/Placement.ts";
import type { PlacementEngine } from "../engine/PlacementEngine.ts";
import type { GangRequest, PlacementRequest } from "../engine/PlacementRequest.ts";
import type { CapacityModel, PlaceResult } from "./CapacityModel.ts";

/** What a queued job asks the engine for: one placement, or a gang placed all or nothing. */
export type EngineRequest = { gang: false; request: PlacementRequest } | { gang: true; request: GangRequest };

/** The placements a job holds (one, or one per gang member). */
export type EngineAllocation = readonly Placement[];

/** The placement engine as the queue's capacity model: place-and-commit, exact release and restore. */
export class EngineCapacity implements CapacityModel<EngineRequest, EngineAllocation> {
  constructor(
    private readonly engine: PlacementEngine,
    /** `false` leaves a refusal's reason out (a replay that never shows it saves the work of finding it). */
    private readonly explain = true,
  ) {}

  place(request: EngineRequest): PlaceResult<EngineAllocation> {
    if (request.gang) {
      const result = this.engine.placeGang(request.request);
      if (!result.ok) {
        return { placed: false, reason: `gang member ${result.memberId}: ${result.unschedulable.message}` };
      }
      this.engine.commitGang(result.placements);
      return { placed: true, allocation: result.placements };
    }
    const result = this.engine.place(request.request, { explain: this.explain });
    if (!result.ok) return { placed: false, reason: result.unschedulable.message };
    this.engine.commit(result.placement);
    return { placed: true, allocation: [result.placement] };
  }

  shapeOf(request: EngineRequest): string {
    const members = request.gang ? request.request.members : [request.request];
    return JSON.stringify(members.map(({ id: _id, ...shape }) => shape));
  }

  fleetKey(): string {
    return [...this.engine.nodes()].map((n) => n.name).join(",");
  }

  release(allocation: EngineAllocation): void {
    for (const placement of [...allocation].reverse()) this.engine.release(placement.requestId);
  }

  restore(allocation: EngineAllocation): void {
    this.engine.commitGang(allocation.map((placement) => this.asRestore(placement)));
  }

  /**
   * A released placement as it can be committed again now: an instance that once repartitioned an idle GPU is
   * created again beside the instances other jobs placed on that GPU since (the GPU is no longer idle).
   */
  private asRestore(placement: Placement): Placement {
    const gpus = this.engine.node(placement.node)?.gpus ?? [];
    const adapted = placement.gpus.map((a) => {
      if (a.kind !== "mig" || a.action !== "repartition") return a;
      const gpu = gpus.find((g) => g.index === a.gpuIndex);
      if (!gpu || gpu.idle || gpu.mode !== "mig") return a;
      const { layout: _layout, ...rest } = a;
      return { ...rest, action: "create" as const };
    });
    return adapted.every((a, i) => a === placement.gpus[i]) ? placement : { ...placement, gpus: adapted };
  }
}
