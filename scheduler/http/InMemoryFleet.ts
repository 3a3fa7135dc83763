import type { FleetReadModel, FleetSnapshot } from "./FleetReadModel.ts";

/** A FleetReadModel over a snapshot held in memory: for tests, and for answers computed off a copy of the fleet. */
export class InMemoryFleet implements FleetReadModel {
  private readonly listeners = new Set<() => void>();

  constructor(private current: FleetSnapshot = { nodes: [], jobs: [] }) {}

  snapshot(): FleetSnapshot {
    return this.current;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Replaces the state (a fresh object, as a real commit would produce) and tells the listeners. */
  update(change: (draft: FleetSnapshot) => void): void {
    const draft = structuredClone(this.current);
    change(draft);
    this.current = draft;
    for (const listener of this.listeners) listener();
  }
}
