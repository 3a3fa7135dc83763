// Original file: proto/tessera/v1/job.proto


/**
 * The piece of a GPU that one job holds; for a `no_gpu` job, one allocation that names only the node (kind
 * `none`, GPU fields empty).
 */
export interface Allocation {
  'node'?: (string);
  'gpuUuid'?: (string);
  'gpuIndex'?: (number);
  /**
   * Catalog id of the GPU model.
   */
  'gpuModel'?: (string);
  /**
   * `mig`, `share`, `whole` or `none` (CPU and memory only: no GPU).
   */
  'kind'?: (string);
  /**
   * For `mig`: the profile, its placement (first memory slice and size) and, once the agent created it, the MIG
   * device UUID that the job sees in CUDA_VISIBLE_DEVICES.
   */
  'migProfile'?: (string);
  'migStart'?: (number);
  'migSize'?: (number);
  'migUuid'?: (string);
  /**
   * For `share`: thousandths of the GPU and memory limit.
   */
  'shareMilli'?: (number);
  'shareMemoryMib'?: (number);
  /**
   * For `share`: `mps` when the node runs an MPS control daemon for the GPU (the limits are enforced), or
   * `time-sliced` when it cannot (no nvidia-cuda-mps-control): then GPU memory is not isolated between the shares.
   */
  'shareIsolation'?: (string);
}

/**
 * The piece of a GPU that one job holds; for a `no_gpu` job, one allocation that names only the node (kind
 * `none`, GPU fields empty).
 */
export interface Allocation__Output {
  'node': (string);
  'gpuUuid': (string);
  'gpuIndex': (number);
  /**
   * Catalog id of the GPU model.
   */
  'gpuModel': (string);
  /**
   * `mig`, `share`, `whole` or `none` (CPU and memory only: no GPU).
   */
  'kind': (string);
  /**
   * For `mig`: the profile, its placement (first memory slice and size) and, once the agent created it, the MIG
   * device UUID that the job sees in CUDA_VISIBLE_DEVICES.
   */
  'migProfile': (string);
  'migStart': (number);
  'migSize': (number);
  'migUuid': (string);
  /**
   * For `share`: thousandths of the GPU and memory limit.
   */
  'shareMilli': (number);
  'shareMemoryMib': (number);
  /**
   * For `share`: `mps` when the node runs an MPS control daemon for the GPU (the limits are enforced), or
   * `time-sliced` when it cannot (no nvidia-cuda-mps-control): then GPU memory is not isolated between the shares.
   */
  'shareIsolation': (string);
}
