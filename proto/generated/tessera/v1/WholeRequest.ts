// Original file: proto/tessera/v1/job.proto


/**
 * `gpus` whole GPUs on one node.
 */
export interface WholeRequest {
  'gpus'?: (number);
  /**
   * When set, only a set of GPUs that are all NVLink peers of each other qualifies.
   */
  'requireNvlink'?: (boolean);
}

/**
 * `gpus` whole GPUs on one node.
 */
export interface WholeRequest__Output {
  'gpus': (number);
  /**
   * When set, only a set of GPUs that are all NVLink peers of each other qualifies.
   */
  'requireNvlink': (boolean);
}
