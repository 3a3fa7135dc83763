import type { GpuInventory } from "../../proto/generated/tessera/v1/GpuInventory.ts";
import type { GpuObserved } from "../../proto/generated/tessera/v1/GpuObserved.ts";
import type { MigPlacement } from "../../proto/generated/tessera/v1/MigPlacement.ts";

export type GpuMode = "whole" | "mig" | "shared";

/**
 * The agent's view of the GPUs of its host: discovery, observation and carving. Implemented over the NVML
 * binding (real driver or stand-in library); the agent never talks to NVML directly.
 */
export interface GpuHost {
  inventory(): GpuInventory[];
  observe(): GpuObserved[];
  /**
   * Makes one GPU match its desired mode and MIG layout (each GPU instance with one full-size compute
   * instance), changing only what differs. Throws an Error that says what blocked it (e.g. processes on an
   * instance that would have to go) and leaves the GPU as it was.
   */
  apply(gpuUuid: string, mode: GpuMode, layout: readonly MigPlacement[]): void;
  close(): void;
}
