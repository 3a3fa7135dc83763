// Original file: proto/tessera/v1/capacity.proto


/**
 * How many more instances of one MIG profile fit now, counting only idle space (no repartitioning of busy GPUs).
 */
export interface ProfileCapacity {
  'profile'?: (string);
  'freeInstances'?: (number);
}

/**
 * How many more instances of one MIG profile fit now, counting only idle space (no repartitioning of busy GPUs).
 */
export interface ProfileCapacity__Output {
  'profile': (string);
  'freeInstances': (number);
}
