// Original file: proto/tessera/v1/node.proto

import type { GpuDesired as _tessera_v1_GpuDesired, GpuDesired__Output as _tessera_v1_GpuDesired__Output } from '../../tessera/v1/GpuDesired.ts';
import type { Assignment as _tessera_v1_Assignment, Assignment__Output as _tessera_v1_Assignment__Output } from '../../tessera/v1/Assignment.ts';
import type { Long } from '@grpc/proto-loader';

export interface DesiredState {
  'generation'?: (number | string | Long);
  'gpus'?: (_tessera_v1_GpuDesired)[];
  'assignments'?: (_tessera_v1_Assignment)[];
  /**
   * The agent must report at least this often; the scheduler marks it NotReady after lease_ms without one.
   */
  'heartbeatMs'?: (number);
  'leaseMs'?: (number);
}

export interface DesiredState__Output {
  'generation': (number);
  'gpus': (_tessera_v1_GpuDesired__Output)[];
  'assignments': (_tessera_v1_Assignment__Output)[];
  /**
   * The agent must report at least this often; the scheduler marks it NotReady after lease_ms without one.
   */
  'heartbeatMs': (number);
  'leaseMs': (number);
}
