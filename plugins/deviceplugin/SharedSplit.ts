import type { SharingRule } from "./DevicePluginConfig.ts";
import type { SharedUse } from "./SliceInventory.ts";

/** Replicas of a shared GPU that no sharing rule matches. */
export const DEFAULT_SHARED_REPLICAS = 4;

export type ShareSettings = Omit<SharingRule, "gpus">;

/** A GPU of `memoryMiB` split as `settings` say; unset limits divide the GPU evenly. */
export function sharedUse(memoryMiB: number, settings: ShareSettings): SharedUse {
  return {
    mode: "shared",
    replicas: settings.replicas,
    memoryMiBPerReplica: settings.memoryMiBPerReplica ?? Math.floor(memoryMiB / settings.replicas),
    computePercentPerReplica:
      settings.computePercentPerReplica ?? Math.max(1, Math.floor(100 / settings.replicas)),
    maxReplicasPerContainer: settings.maxReplicasPerContainer ?? 1,
  };
}

/** The first rule naming this GPU by UUID, index or model (or `all`). */
export function sharingRuleFor(
  gpu: { uuid: string; index: number; model: string },
  rules: readonly SharingRule[],
): SharingRule | undefined {
  const names = new Set(["all", gpu.uuid, String(gpu.index), gpu.model]);
  return rules.find((rule) => rule.gpus.some((g) => names.has(g)));
}
