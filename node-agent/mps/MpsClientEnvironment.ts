/** A share as its MPS client sees it; `mpsPipeDirectory` is set when a control daemon serves its device. */
export interface MpsShare {
  /** Thousandths of the device. */
  milli: number;
  memoryMiB: number;
  /** The pipe directory of its device's daemon (`MpsSupervisor.pipeDirectory`); absent, the share is time-sliced. */
  mpsPipeDirectory?: string;
}

/** MPS takes a whole percentage of the SMs, 1..100; a share is in thousandths of the GPU. */
export function mpsActiveThreadPercentage(milli: number): number {
  return Math.max(1, Math.min(100, Math.ceil(milli / 10)));
}

/**
 * The variables an MPS client of a share gets, in one place for job processes and containers (a container gets
 * the pipe directory mounted and its own path inside as `pipeDirectory`): its share of the SMs, its device memory
 * limit keyed by device 0 (the daemon sees only its one GPU or MIG device), and where its device's daemon listens.
 */
export function mpsClientEnvironment(
  share: MpsShare,
  pipeDirectory = share.mpsPipeDirectory,
): Record<string, string> {
  const env: Record<string, string> = {
    CUDA_MPS_ACTIVE_THREAD_PERCENTAGE: String(mpsActiveThreadPercentage(share.milli)),
    CUDA_MPS_PINNED_DEVICE_MEM_LIMIT: `0=${share.memoryMiB}M`,
  };
  // Its device's own control daemon rather than one in the shared default /tmp/nvidia-mps.
  if (pipeDirectory) env.CUDA_MPS_PIPE_DIRECTORY = pipeDirectory;
  return env;
}
