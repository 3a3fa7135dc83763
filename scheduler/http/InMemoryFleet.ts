import type { FleetJob, FleetReadModel, FleetSnapshot } from "../readmodel/FleetReadModel.ts";

/** A FleetReadModel over a snapshot held in memory: for tests, and for answers computed off a copy of the fleet. */
export class InMemoryFleet implements FleetReadModel {
  private readonly listeners = new Set<() => void>();
  private readonly jobListeners = new Set<(job: FleetJob) => void>();

  constructor(private current: FleetSnapshot = { nodes: [], jobs: [] }) {}

  snapshot(): FleetSnapshot {
    return this.current;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onJobChange(listener: (job: FleetJob) => void): () => void {
    this.jobListeners.add(listener);
    return () => this.jobListeners.delete(listener);
  }

  /** Replaces the state (a fresh object, as a real commit would produce) and tells the listeners. */
  update(change: (draft: FleetSnapshot) => void): void {
    const draft = structuredClone(this.current);
    change(draft);
    const before = new Map(this.current.jobs.map((j) => [j.id, JSON.stringify(j)]));
    this.current = draft;
    for (const job of draft.jobs) {
      if (before.get(job.id) === JSON.stringify(job)) continue;
      for (const listener of this.jobListeners) listener(job);
    }
    for (const listener of this.listeners) listener();
  }
}
