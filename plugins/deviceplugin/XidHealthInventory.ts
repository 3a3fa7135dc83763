import type { XidEvent } from "../../node-agent/nvml/NvmlXidWatcher.ts";
import type { InventoryGpu, NodeInventory, SliceHealth, SliceInventory } from "./SliceInventory.ts";

export interface XidHealthOptions {
  ignoredXids: readonly number[];
  /** Quiet time after the last critical Xid before the device is advertised healthy again. */
  recoveryMs: number;
  now?: () => number;
}

interface Mark {
  xid: number;
  /** null = the whole GPU. */
  gpuInstanceId: number | null;
  computeInstanceId: number | null;
  until: number;
}

const WHOLE_GPU = 0xffffffff;

function scoped(id: number | null | undefined): number | null {
  return id === null || id === undefined || id >= WHOLE_GPU ? null : id;
}

/**
 * Health as the kubelet should see it: the base inventory's own health (the agent's view), made unhealthy by
 * critical Xids for a recovery window, and all unhealthy while the agent itself is unhealthy (NVML lost). Unlike
 * NVIDIA's plugin, a device recovers: once its window passes without another critical Xid, or the agent says it
 * recovered, it is advertised healthy again.
 */
export class XidHealthInventory implements SliceInventory {
  private readonly marks = new Map<string, Mark[]>();
  private agentProblem: string | null = null;
  private readonly listeners = new Set<(inventory: NodeInventory) => void>();
  private readonly unsubscribeBase: () => void;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(
    private readonly base: SliceInventory,
    private readonly options: XidHealthOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.unsubscribeBase = base.subscribe(() => this.emit());
  }

  /** Returns true when the Xid counts against the device's health. */
  recordXid(event: XidEvent): boolean {
    if (this.options.ignoredXids.includes(event.xid)) return false;
    const list = this.marks.get(event.gpuUuid) ?? [];
    list.push({
      xid: event.xid,
      gpuInstanceId: scoped(event.gpuInstanceId),
      computeInstanceId: scoped(event.computeInstanceId),
      until: this.now() + this.options.recoveryMs,
    });
    this.marks.set(event.gpuUuid, list);
    this.emit();
    return true;
  }

  /** The agent's own health: when it cannot reach NVML, nothing on the node is safe to hand out. */
  setAgentHealth(problem: string | null): void {
    if (problem === this.agentProblem) return;
    this.agentProblem = problem;
    this.emit();
  }

  /** Clears the Xid marks of a GPU (after a reset or a successful health probe by the agent). */
  markRecovered(gpuUuid: string): void {
    if (this.marks.delete(gpuUuid)) this.emit();
  }

  /** Why each device is unhealthy right now, for status output. */
  reasons(): Record<string, string> {
    this.expire();
    const reasons: Record<string, string> = {};
    for (const [uuid, marks] of this.marks) {
      reasons[uuid] = marks
        .map((m) => `Xid ${m.xid}${m.gpuInstanceId === null ? "" : ` on GPU instance ${m.gpuInstanceId}`}`)
        .join(", ");
    }
    return reasons;
  }

  current(): NodeInventory {
    this.expire();
    const inventory = this.base.current();
    return { gpus: inventory.gpus.map((gpu) => this.apply(gpu)) };
  }

  subscribe(listener: (inventory: NodeInventory) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.unsubscribeBase();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private apply(gpu: InventoryGpu): InventoryGpu {
    const marks = this.marks.get(gpu.uuid) ?? [];
    const down = (health: SliceHealth, hit: boolean): SliceHealth =>
      this.agentProblem !== null || hit ? "Unhealthy" : health;
    const wholeHit = marks.some((m) => m.gpuInstanceId === null);
    const use =
      gpu.use.mode === "mig"
        ? {
            ...gpu.use,
            instances: gpu.use.instances.map((instance) => ({
              ...instance,
              health: down(
                instance.health,
                marks.some(
                  (m) =>
                    m.gpuInstanceId === instance.gpuInstanceId &&
                    (m.computeInstanceId === null || m.computeInstanceId === instance.computeInstanceId),
                ),
              ),
            })),
          }
        : gpu.use;
    return { ...gpu, health: down(gpu.health, wholeHit), use };
  }

  private expire(): void {
    const now = this.now();
    for (const [uuid, marks] of this.marks) {
      const live = marks.filter((m) => m.until > now);
      if (live.length === 0) this.marks.delete(uuid);
      else this.marks.set(uuid, live);
    }
  }

  /** Sends the new snapshot and arms a timer for the next recovery. */
  private emit(): void {
    const snapshot = this.current();
    for (const listener of this.listeners) listener(snapshot);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const next = Math.min(...[...this.marks.values()].flat().map((m) => m.until));
    if (Number.isFinite(next)) {
      this.timer = setTimeout(() => this.emit(), Math.max(0, next - this.now()) + 1);
      this.timer.unref();
    }
  }
}
