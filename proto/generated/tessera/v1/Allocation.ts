// Original file: proto/tessera/v1/job.proto


/**
 * The piece of a GPU that one job holds.
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
   * `mig`, `share` or `whole`.
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
}

/**
 * The piece of a GPU that one job holds.
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
   * `mig`, `share` or `whole`.
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
}
