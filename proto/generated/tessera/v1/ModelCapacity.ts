// Original file: proto/tessera/v1/capacity.proto

import type { ProfileCapacity as _tessera_v1_ProfileCapacity, ProfileCapacity__Output as _tessera_v1_ProfileCapacity__Output } from '../../tessera/v1/ProfileCapacity.ts';

export interface ModelCapacity {
  /**
   * Catalog id of the GPU model.
   */
  'model'?: (string);
  'gpus'?: (number);
  /**
   * GPUs with nothing allocated on them.
   */
  'freeGpus'?: (number);
  /**
   * Allocated GPU in thousandths (a 3g slice of a 7-slice GPU counts 3/7 of 1000).
   */
  'allocatedMilli'?: (number);
  'totalMilli'?: (number);
  'profiles'?: (_tessera_v1_ProfileCapacity)[];
}

export interface ModelCapacity__Output {
  /**
   * Catalog id of the GPU model.
   */
  'model': (string);
  'gpus': (number);
  /**
   * GPUs with nothing allocated on them.
   */
  'freeGpus': (number);
  /**
   * Allocated GPU in thousandths (a 3g slice of a 7-slice GPU counts 3/7 of 1000).
   */
  'allocatedMilli': (number);
  'totalMilli': (number);
  'profiles': (_tessera_v1_ProfileCapacity__Output)[];
}
