export type PlaceResult<Allocation> =
  | { placed: true; allocation: Allocation }
  | { placed: false; reason: string };

/**
 * The cluster as the queue needs it: the placement engine behind a narrow interface, so the queue decides
 * only order, quota and preemption, and the engine alone decides where work fits.
 */
export interface CapacityModel<Request, Allocation> {
  /** Places and commits the request, or says why it cannot be placed now. */
  place(request: Request): PlaceResult<Allocation>;
  /** Gives back exactly what an allocation held. */
  release(allocation: Allocation): void;
  /** Takes back exactly an allocation released before (to undo a trial). */
  restore(allocation: Allocation): void;
  /** Equal for requests the engine cannot tell apart (everything but the id); lets a cycle skip repeats. */
  shapeOf?(request: Request): string;
  /** Changes whenever nodes join or leave, so plans made for the old fleet are made again. */
  fleetKey?(): string;
}
