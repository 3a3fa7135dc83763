/**
 * One NVML reading an agent reports for a GPU or for one of its MIG instances. NVML gives no utilization for
 * MIG instances or MIG-enabled GPUs, so `utilizationPercent` is null there; memory change then is the only
 * activity signal.
 */
export interface UtilizationSample {
  /** Milliseconds since the epoch. */
  at: number;
  node: string;
  gpuUuid: string;
  /** Set when the reading is for a MIG instance rather than the whole GPU. */
  migUuid?: string;
  utilizationPercent: number | null;
  memoryUsedMiB: number;
  memoryTotalMiB: number;
  temperatureC?: number | null;
  powerW?: number | null;
}
