import type { GpuState } from "./GpuState.ts";

/**
 * What option building reads of each GPU of a node, packed in one array of numbers along the node's canonical GPU
 * order (`NodeState.ordered`), `packedGpuStride` numbers per GPU. A catch-up at 64k GPUs scores hundreds of new
 * node classes; reading these numbers spares it a wait on each GPU object's memory.
 */
export const packedGpuStride = 4;
export const packedGpu = { freeMilli: 0, memFreeMiB: 1, memoryMiB: 2, flags: 3 } as const;
/** Bits of `packedGpu.flags`; a GPU in neither `shared` nor `mig` mode is in `whole` mode. */
export const packedGpuFlag = { shared: 1, mig: 2, idle: 4, unhealthy: 8 } as const;

/** Writes the states of `ordered` into `into` (`packedGpuStride` numbers per GPU). */
export function packGpuStates(ordered: readonly GpuState[], into: number[]): void {
  for (let pos = 0, at = 0; pos < ordered.length; pos++, at += packedGpuStride) {
    const gpu = ordered[pos]!;
    into[at + packedGpu.freeMilli] = gpu.freeMilli;
    into[at + packedGpu.memFreeMiB] = gpu.memFreeMiB;
    into[at + packedGpu.memoryMiB] = gpu.memoryMiB;
    into[at + packedGpu.flags] =
      (gpu.mode === "shared" ? packedGpuFlag.shared : gpu.mode === "mig" ? packedGpuFlag.mig : 0) |
      (gpu.idle ? packedGpuFlag.idle : 0) |
      (gpu.unhealthy !== undefined ? packedGpuFlag.unhealthy : 0);
  }
}
