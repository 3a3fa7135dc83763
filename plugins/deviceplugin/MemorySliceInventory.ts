import type { NodeInventory, SliceInventory } from "./SliceInventory.ts";

/** A SliceInventory whose owner (the agent, a file watcher, a test) pushes each new snapshot with `set`. */
export class MemorySliceInventory implements SliceInventory {
  private snapshot: NodeInventory;
  private readonly listeners = new Set<(inventory: NodeInventory) => void>();

  constructor(initial: NodeInventory = { gpus: [] }) {
    this.snapshot = initial;
  }

  current(): NodeInventory {
    return this.snapshot;
  }

  set(inventory: NodeInventory): void {
    this.snapshot = inventory;
    for (const listener of this.listeners) listener(inventory);
  }

  subscribe(listener: (inventory: NodeInventory) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
