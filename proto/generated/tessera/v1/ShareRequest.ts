// Original file: proto/tessera/v1/job.proto


/**
 * A shared fraction of one GPU (time-sliced or MPS). `gpu_milli` is in thousandths of a GPU (1..999), and
 * becomes CUDA_MPS_ACTIVE_THREAD_PERCENTAGE; `memory_mib` the pinned device memory limit.
 */
export interface ShareRequest {
  'gpuMilli'?: (number);
  'memoryMib'?: (number);
}

/**
 * A shared fraction of one GPU (time-sliced or MPS). `gpu_milli` is in thousandths of a GPU (1..999), and
 * becomes CUDA_MPS_ACTIVE_THREAD_PERCENTAGE; `memory_mib` the pinned device memory limit.
 */
export interface ShareRequest__Output {
  'gpuMilli': (number);
  'memoryMib': (number);
}
