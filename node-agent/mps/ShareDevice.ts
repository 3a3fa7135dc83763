import { findMigProfile, type GpuModel, milliOfInstance } from "../../proto/catalog/GpuCatalog.ts";
import type { AssignedSlice__Output } from "../../proto/generated/tessera/v1/AssignedSlice.ts";
import type { GpuObserved } from "../../proto/generated/tessera/v1/GpuObserved.ts";

/** The device a share's MPS client runs on, and the share in that device's terms. */
export interface ShareDevice {
  /** The GPU's UUID, or (MPS on MIG) the `MIG-` UUID of the instance the share names: its daemon's key. */
  uuid: string;
  /** Thousandths of that device: of the GPU, or of the instance (the scheduler's share is of the whole GPU). */
  milli: number;
  memoryMiB: number;
}

/**
 * Where a `share` slice runs. A share naming a MIG instance (`mig_profile`, `mig_start`) runs on that instance, and
 * its thousandths of the GPU become thousandths of the instance (250 of a 3g instance of 7 slices, 428, is 585),
 * since an MPS client's active thread percentage is of the SMs its device has. A string says what is missing.
 */
export function shareDevice(
  slice: AssignedSlice__Output,
  observed: readonly GpuObserved[],
  modelOf: (gpuUuid: string) => GpuModel | undefined,
): ShareDevice | string {
  const memoryMiB = slice.shareMemoryMib;
  if (!slice.migProfile) return { uuid: slice.gpuUuid, milli: slice.shareMilli, memoryMiB };
  const model = modelOf(slice.gpuUuid);
  const profile = model ? findMigProfile(model, slice.migProfile) : undefined;
  if (!model || !profile) return `GPU ${slice.gpuUuid} has no MIG profile ${slice.migProfile}`;
  const instance = observed
    .find((g) => g.uuid === slice.gpuUuid)
    ?.instances?.find((i) => i.start === slice.migStart && i.profile === slice.migProfile);
  if (!instance?.uuid)
    return `no ${slice.migProfile} MIG instance at slot ${slice.migStart} on GPU ${slice.gpuUuid} yet`;
  return { uuid: instance.uuid, milli: milliOfInstance(model, profile, slice.shareMilli), memoryMiB };
}
