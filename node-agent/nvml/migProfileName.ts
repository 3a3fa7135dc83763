/**
 * NVIDIA's spelling of MIG profiles (`3g.40gb`, `1g.10gb+me`, `1c.3g.40gb`), computed the way go-nvlib does from
 * what NVML reports, so names also come out right on GPUs the catalog does not know (fact sheet 9.2).
 */

/** GPU-instance profile index (NVML_GPU_INSTANCE_PROFILE_*) -> attribute suffix. */
const attributeByIndex: Readonly<Record<number, string>> = {
  7: "+me",
  8: "+me",
  10: "+gfx",
  11: "+gfx",
  12: "+gfx",
  13: "-me",
  14: "-me",
  15: "+me.all",
  16: "+me.all",
  17: "+gfx",
};

const MiB = 2 ** 20;
const GiB = 2 ** 30;

/** The `<gb>gb` part: profile memory in eighths of the GPU, scaled to the GPU's size in whole GiB. */
export function migMemoryGb(profileMemoryMiB: number, gpuTotalBytes: number): number {
  const eighths = Math.ceil((8 * profileMemoryMiB * MiB) / gpuTotalBytes);
  return Math.round((eighths / 8) * Math.ceil(gpuTotalBytes / GiB));
}

export function gpuInstanceProfileName(
  profileIndex: number,
  sliceCount: number,
  profileMemoryMiB: number,
  gpuTotalBytes: number,
): string {
  return `${sliceCount}g.${migMemoryGb(profileMemoryMiB, gpuTotalBytes)}gb${attributeByIndex[profileIndex] ?? ""}`;
}

/** A compute instance smaller than its GPU instance is written `<c>c.<gi profile>`; a full one is the GI's name. */
export function computeInstanceProfileName(
  computeSlices: number,
  gpuInstanceSlices: number,
  giName: string,
): string {
  return computeSlices === gpuInstanceSlices ? giName : `${computeSlices}c.${giName}`;
}
