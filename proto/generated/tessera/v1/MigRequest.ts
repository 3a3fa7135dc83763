// Original file: proto/tessera/v1/job.proto


/**
 * A MIG instance of one profile, by NVIDIA's name (`3g.40gb`, `1g.10gb+me`).
 */
export interface MigRequest {
  'profile'?: (string);
}

/**
 * A MIG instance of one profile, by NVIDIA's name (`3g.40gb`, `1g.10gb+me`).
 */
export interface MigRequest__Output {
  'profile': (string);
}
