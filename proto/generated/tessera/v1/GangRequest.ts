// Original file: proto/tessera/v1/job.proto


/**
 * A gang: `nodes` nodes with `gpus_per_node` whole GPUs each, placed all or nothing. Every member's GPUs are of
 * one model (one of `models` when given) unless `mixed_models` lets members run on different models.
 */
export interface GangRequest {
  'nodes'?: (number);
  'gpusPerNode'?: (number);
  'mixedModels'?: (boolean);
}

/**
 * A gang: `nodes` nodes with `gpus_per_node` whole GPUs each, placed all or nothing. Every member's GPUs are of
 * one model (one of `models` when given) unless `mixed_models` lets members run on different models.
 */
export interface GangRequest__Output {
  'nodes': (number);
  'gpusPerNode': (number);
  'mixedModels': (boolean);
}
