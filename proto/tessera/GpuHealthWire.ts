/**
 * Why a GPU is unhealthy, from the `health` its agent reports (GpuObserved.health): undefined when `ok`, or empty
 * from agents that predate the field.
 */
export function gpuUnhealthy(health: string): string | undefined {
  return health === "" || health === "ok" ? undefined : health;
}
