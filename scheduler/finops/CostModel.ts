import { findGpuModel, findMigProfile } from "../../proto/catalog/GpuCatalog.ts";
import type { CostSettings } from "./FinopsConfig.ts";

/** The part of its GPU a MIG instance of `profile` is (3g of 7 compute slices: 3/7); undefined when unknown. */
function instanceShare(modelId: string, profile: string): number | undefined {
  const model = findGpuModel(modelId);
  const p = model ? findMigProfile(model, profile) : undefined;
  return p && model?.mig ? p.computeSlices / model.mig.computeSlices : undefined;
}

/** What an allocation costs per hour of wall time, from the configured prices. */
export class CostModel {
  constructor(readonly settings: CostSettings) {}

  /**
   * A MIG profile's own price when one is configured, else its share of the GPU's price (proportional by
   * default); null when the model has no price at all. An MPS share of an instance (`share` less than the
   * instance's part of the GPU) pays that part of the profile's price, as a share of a GPU pays its part.
   */
  hourlyCost(modelId: string, profile: string, share: number): number | null {
    const profilePrice = profile === "" ? undefined : this.settings.migProfileHour[modelId]?.[profile];
    if (profilePrice !== undefined) {
      const whole = instanceShare(modelId, profile);
      return whole === undefined || share >= whole ? profilePrice : profilePrice * (share / whole);
    }
    const gpuPrice = this.settings.gpuHour[modelId];
    return gpuPrice === undefined ? null : gpuPrice * share;
  }
}
