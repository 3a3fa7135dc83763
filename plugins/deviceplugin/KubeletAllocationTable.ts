import type { AllocationSink, KubeletAllocation } from "./AllocationSink.ts";

/**
 * The devices the kubelet holds through this node's plugins, as reported to the scheduler.
 *
 * Release rule. The Device Plugin API never says when a container ends, and the fact sheet this plugin follows
 * does not describe the kubelet's pod-resources API, so an allocation is held until the kubelet itself shows
 * that it is over:
 * - the kubelet allocates one of its devices to another container (it never gives a device to two running
 *   containers, so the earlier container is gone: all of its devices are released), or
 * - one of its devices is no longer advertised (the slice is gone: layout change, GPU removed or handed away).
 */
export class KubeletAllocationTable implements AllocationSink {
  private held: KubeletAllocation[] = [];

  /** `onChange` is called after every change (e.g. to report to the scheduler at once). */
  constructor(private readonly onChange: () => void = () => {}) {}

  reportAllocation(allocation: KubeletAllocation): void {
    const taken = new Set(allocation.deviceIds);
    this.held = this.held.filter((a) => !a.deviceIds.some((id) => taken.has(id)));
    this.held.push(allocation);
    this.onChange();
  }

  /** Releases every allocation with a device that `advertised` no longer holds. */
  keepAdvertised(advertised: ReadonlySet<string>): void {
    const kept = this.held.filter((a) => a.deviceIds.every((id) => advertised.has(id)));
    if (kept.length === this.held.length) return;
    this.held = kept;
    this.onChange();
  }

  current(): readonly KubeletAllocation[] {
    return this.held;
  }
}
