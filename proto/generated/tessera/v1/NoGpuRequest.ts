// Original file: proto/tessera/v1/job.proto


/**
 * No GPU at all: the job needs only the CPU and host memory of `cpu_millis` and `memory_mib`, on one node (a
 * CPU-only process, or a MicroVM: a `vm` job without GPUs).
 */
export interface NoGpuRequest {
}

/**
 * No GPU at all: the job needs only the CPU and host memory of `cpu_millis` and `memory_mib`, on one node (a
 * CPU-only process, or a MicroVM: a `vm` job without GPUs).
 */
export interface NoGpuRequest__Output {
}
