import type { Nvml } from "./Nvml.ts";
import { type EventSetHandle, EventType } from "./nvmlTypes.ts";

/** An NVML Xid event (nvmlEventData_t): the GPU, the Xid, and for MIG the instance it hit. */
export interface XidEvent {
  gpuUuid: string;
  xid: number;
  /** NVML reports 0xFFFFFFFF (or nothing) when the Xid concerns the whole GPU. */
  gpuInstanceId?: number | null;
  computeInstanceId?: number | null;
}

/** Where the watcher says what it saw. */
export interface XidWatcherLog {
  warn(message: string): void;
  error(message: string): void;
}

/** The part of the NVML binding the watcher uses. */
export type XidEventSource = Pick<
  Nvml,
  | "createEventSet"
  | "deviceCount"
  | "deviceByIndex"
  | "registerEvents"
  | "waitForEventAsync"
  | "uuid"
  | "freeEventSet"
>;

export interface XidSink {
  recordXid(event: XidEvent): boolean;
  /** null when NVML answers again. */
  setAgentHealth(problem: string | null): void;
}

/**
 * Waits for NVML's critical-Xid events on every GPU and hands them to the health tracker. A failing wait (the
 * driver gone, a GPU lost) is the agent's own health problem: everything is advertised unhealthy until NVML
 * answers again.
 */
export class NvmlXidWatcher {
  private running = false;
  private loop: Promise<void> | null = null;
  private set: EventSetHandle | null = null;

  constructor(
    private readonly nvml: XidEventSource,
    private readonly sink: XidSink,
    private readonly log: XidWatcherLog,
    private readonly waitMs = 1000,
  ) {}

  start(): void {
    if (this.running) return;
    const set = this.nvml.createEventSet();
    this.set = set;
    for (let index = 0; index < this.nvml.deviceCount(); index++) {
      const device = this.nvml.deviceByIndex(index);
      try {
        this.nvml.registerEvents(device, EventType.XID_CRITICAL_ERROR, set);
      } catch (error) {
        this.log.warn(
          `GPU ${index}: no Xid events (${(error as Error).message}); its health follows the agent only`,
        );
      }
    }
    this.running = true;
    this.loop = this.run(set);
  }

  private async run(set: EventSetHandle): Promise<void> {
    let failing = false;
    while (this.running) {
      try {
        const event = await this.nvml.waitForEventAsync(set, this.waitMs);
        if (failing) {
          failing = false;
          this.sink.setAgentHealth(null);
        }
        if (!event || (event.eventType & EventType.XID_CRITICAL_ERROR) === 0n) continue;
        const gpuUuid = this.nvml.uuid(event.device);
        const xid = Number(event.eventData);
        const counted = this.sink.recordXid({
          gpuUuid,
          xid,
          gpuInstanceId: event.gpuInstanceId,
          computeInstanceId: event.computeInstanceId,
        });
        const where = event.gpuInstanceId === null ? "" : ` (GPU instance ${event.gpuInstanceId})`;
        this.log.warn(
          `${gpuUuid}${where}: Xid ${xid}${counted ? "; advertised unhealthy" : " (application error, ignored)"}`,
        );
      } catch (error) {
        if (!this.running) break;
        if (!failing) {
          failing = true;
          this.sink.setAgentHealth(`NVML event wait failed: ${(error as Error).message}`);
          this.log.error(
            `NVML event wait failed: ${(error as Error).message}; all devices unhealthy until it recovers`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, this.waitMs));
      }
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.loop = null;
    if (this.set !== null) this.nvml.freeEventSet(this.set);
    this.set = null;
  }
}
