// Original file: proto/tessera/v1/job.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One lifecycle step, with when and why.
 */
export interface JobTransition {
  'from'?: (string);
  'to'?: (string);
  'atUnixMs'?: (number | string | Long);
  'reason'?: (string);
}

/**
 * One lifecycle step, with when and why.
 */
export interface JobTransition__Output {
  'from': (string);
  'to': (string);
  'atUnixMs': (number);
  'reason': (string);
}
