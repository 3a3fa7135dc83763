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
  /**
   * Set when the agent itself stopped the job, not the job's own failure: `agent_shutdown` (an operator stopped
   * the agent), `fenced` (no contact with the scheduler for the fencing timeout) or `layout_failed` (not started:
   * its GPU could not be given the layout it needs; see GpuObserved.layout_error). The scheduler requeues it.
   */
  'interruption'?: (string);
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
  /**
   * Set when the agent itself stopped the job, not the job's own failure: `agent_shutdown` (an operator stopped
   * the agent), `fenced` (no contact with the scheduler for the fencing timeout) or `layout_failed` (not started:
   * its GPU could not be given the layout it needs; see GpuObserved.layout_error). The scheduler requeues it.
   */
  'interruption': (string);
}
