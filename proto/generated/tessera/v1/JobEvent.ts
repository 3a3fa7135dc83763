// Original file: proto/tessera/v1/job.proto

import type { Job as _tessera_v1_Job, Job__Output as _tessera_v1_Job__Output } from '../../tessera/v1/Job.ts';
import type { Long } from '@grpc/proto-loader';

export interface JobEvent {
  /**
   * `current` (initial state), `created`, `updated`.
   */
  'type'?: (string);
  'job'?: (_tessera_v1_Job | null);
  'atUnixMs'?: (number | string | Long);
}

export interface JobEvent__Output {
  /**
   * `current` (initial state), `created`, `updated`.
   */
  'type': (string);
  'job': (_tessera_v1_Job__Output | null);
  'atUnixMs': (number);
}
