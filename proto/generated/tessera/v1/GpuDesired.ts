// Original file: proto/tessera/v1/node.proto

import type { MigPlacement as _tessera_v1_MigPlacement, MigPlacement__Output as _tessera_v1_MigPlacement__Output } from '../../tessera/v1/MigPlacement.ts';

/**
 * Desired layout of one GPU.
 */
export interface GpuDesired {
  'uuid'?: (string);
  /**
   * `whole`, `mig` or `shared`.
   */
  'mode'?: (string);
  /**
   * For `mig`: every GPU instance the GPU must have (each with one full-size compute instance).
   */
  'mig'?: (_tessera_v1_MigPlacement)[];
}

/**
 * Desired layout of one GPU.
 */
export interface GpuDesired__Output {
  'uuid': (string);
  /**
   * `whole`, `mig` or `shared`.
   */
  'mode': (string);
  /**
   * For `mig`: every GPU instance the GPU must have (each with one full-size compute instance).
   */
  'mig': (_tessera_v1_MigPlacement__Output)[];
}
