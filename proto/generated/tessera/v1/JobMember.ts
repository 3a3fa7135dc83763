// Original file: proto/tessera/v1/job.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One member of a gang: the process of one rank, on one node (its slices are the job's allocations there).
 */
export interface JobMember {
  'rank'?: (number);
  'node'?: (string);
  /**
   * Scheduled (its process not started yet), Running, Succeeded, Failed, Stopped (ended because the gang
   * stopped), or the job's own state when its agent reported nothing of it.
   */
  'state'?: (string);
  /**
   * How its process ended or failed to start: `exited with code 3`, `killed by SIGTERM`; empty while it runs.
   */
  'detail'?: (string);
  /**
   * The member's output file on its node (read it with `tessera logs ID --rank N`); empty until it started.
   */
  'logPath'?: (string);
  'startedUnixMs'?: (number | string | Long);
  'finishedUnixMs'?: (number | string | Long);
  /**
   * Exit code of its process once it exited.
   */
  'exitCode'?: (number);
}

/**
 * One member of a gang: the process of one rank, on one node (its slices are the job's allocations there).
 */
export interface JobMember__Output {
  'rank': (number);
  'node': (string);
  /**
   * Scheduled (its process not started yet), Running, Succeeded, Failed, Stopped (ended because the gang
   * stopped), or the job's own state when its agent reported nothing of it.
   */
  'state': (string);
  /**
   * How its process ended or failed to start: `exited with code 3`, `killed by SIGTERM`; empty while it runs.
   */
  'detail': (string);
  /**
   * The member's output file on its node (read it with `tessera logs ID --rank N`); empty until it started.
   */
  'logPath': (string);
  'startedUnixMs': (number);
  'finishedUnixMs': (number);
  /**
   * Exit code of its process once it exited.
   */
  'exitCode': (number);
}
