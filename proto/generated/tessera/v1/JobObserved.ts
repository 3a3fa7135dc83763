// Original file: proto/tessera/v1/node.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A job process as the executor sees it.
 */
export interface JobObserved {
  'jobId'?: (string);
  'attempt'?: (number);
  /**
   * `running`, `exited` or `failed_to_start`.
   */
  'state'?: (string);
  'pid'?: (number);
  'exitCode'?: (number);
  /**
   * Signal name when the process was killed by one (e.g. `SIGKILL`).
   */
  'signal'?: (string);
  'logPath'?: (string);
  'message'?: (string);
  /**
   * The CUDA_VISIBLE_DEVICES value the process got.
   */
  'visibleDevices'?: (string);
  'startedUnixMs'?: (number | string | Long);
  'finishedUnixMs'?: (number | string | Long);
}

/**
 * A job process as the executor sees it.
 */
export interface JobObserved__Output {
  'jobId': (string);
  'attempt': (number);
  /**
   * `running`, `exited` or `failed_to_start`.
   */
  'state': (string);
  'pid': (number);
  'exitCode': (number);
  /**
   * Signal name when the process was killed by one (e.g. `SIGKILL`).
   */
  'signal': (string);
  'logPath': (string);
  'message': (string);
  /**
   * The CUDA_VISIBLE_DEVICES value the process got.
   */
  'visibleDevices': (string);
  'startedUnixMs': (number);
  'finishedUnixMs': (number);
}
