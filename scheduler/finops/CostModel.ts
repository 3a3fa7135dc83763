import type { CostSettings } from "./FinopsConfig.ts";

/** What an allocation costs per hour of wall time, from the configured prices. */
export class CostModel {
  constructor(readonly settings: CostSettings) {}

  /**
   * A MIG profile's own price when one is configured, else its share of the GPU's price (proportional by
   * default); null when the model has no price at all.
   */
  hourlyCost(modelId: string, profile: string, share: number): number | null {
    const profilePrice = profile === "" ? undefined : this.settings.migProfileHour[modelId]?.[profile];
    if (profilePrice !== undefined) return profilePrice;
    const gpuPrice = this.settings.gpuHour[modelId];
    return gpuPrice === undefined ? null : gpuPrice * share;
  }
}
