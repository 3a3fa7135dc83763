// Original file: proto/tessera/v1/job.proto


/**
 * A gang: `nodes` nodes with `gpus_per_node` whole GPUs each, placed all or nothing.
 */
export interface GangRequest {
  'nodes'?: (number);
  'gpusPerNode'?: (number);
}

/**
 * A gang: `nodes` nodes with `gpus_per_node` whole GPUs each, placed all or nothing.
 */
export interface GangRequest__Output {
  'nodes': (number);
  'gpusPerNode': (number);
}
