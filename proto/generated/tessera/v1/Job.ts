// Original file: proto/tessera/v1/job.proto

import type { JobSpec as _tessera_v1_JobSpec, JobSpec__Output as _tessera_v1_JobSpec__Output } from '../../tessera/v1/JobSpec.ts';
import type { Allocation as _tessera_v1_Allocation, Allocation__Output as _tessera_v1_Allocation__Output } from '../../tessera/v1/Allocation.ts';
import type { JobTransition as _tessera_v1_JobTransition, JobTransition__Output as _tessera_v1_JobTransition__Output } from '../../tessera/v1/JobTransition.ts';
import type { JobMember as _tessera_v1_JobMember, JobMember__Output as _tessera_v1_JobMember__Output } from '../../tessera/v1/JobMember.ts';
import type { Long } from '@grpc/proto-loader';

export interface Job {
  'id'?: (string);
  'spec'?: (_tessera_v1_JobSpec | null);
  /**
   * Pending, Scheduled, Running, Succeeded, Failed, Cancelled, Preempted or Lost.
   */
  'state'?: (string);
  /**
   * Why the job is in this state; for a Pending job, why it is not placed yet.
   */
  'reason'?: (string);
  'allocations'?: (_tessera_v1_Allocation)[];
  /**
   * Incremented each time the job is placed again (after a lost node or a preemption).
   */
  'attempt'?: (number);
  'exitCode'?: (number);
  /**
   * Where the agent writes the job's output: the node and the file there (read with `tessera logs`).
   */
  'logNode'?: (string);
  'logPath'?: (string);
  'createdUnixMs'?: (number | string | Long);
  'updatedUnixMs'?: (number | string | Long);
  'transitions'?: (_tessera_v1_JobTransition)[];
  'clientRequestId'?: (string);
  /**
   * When the agent started and saw the end of the current attempt's process (its clock), and the
   * CUDA_VISIBLE_DEVICES value the process got.
   */
  'startedUnixMs'?: (number | string | Long);
  'finishedUnixMs'?: (number | string | Long);
  'visibleDevices'?: (string);
  /**
   * A gang's members by rank (the process on each of its nodes, current attempt); empty for other jobs.
   */
  'members'?: (_tessera_v1_JobMember)[];
}

export interface Job__Output {
  'id': (string);
  'spec': (_tessera_v1_JobSpec__Output | null);
  /**
   * Pending, Scheduled, Running, Succeeded, Failed, Cancelled, Preempted or Lost.
   */
  'state': (string);
  /**
   * Why the job is in this state; for a Pending job, why it is not placed yet.
   */
  'reason': (string);
  'allocations': (_tessera_v1_Allocation__Output)[];
  /**
   * Incremented each time the job is placed again (after a lost node or a preemption).
   */
  'attempt': (number);
  'exitCode': (number);
  /**
   * Where the agent writes the job's output: the node and the file there (read with `tessera logs`).
   */
  'logNode': (string);
  'logPath': (string);
  'createdUnixMs': (number);
  'updatedUnixMs': (number);
  'transitions': (_tessera_v1_JobTransition__Output)[];
  'clientRequestId': (string);
  /**
   * When the agent started and saw the end of the current attempt's process (its clock), and the
   * CUDA_VISIBLE_DEVICES value the process got.
   */
  'startedUnixMs': (number);
  'finishedUnixMs': (number);
  'visibleDevices': (string);
  /**
   * A gang's members by rank (the process on each of its nodes, current attempt); empty for other jobs.
   */
  'members': (_tessera_v1_JobMember__Output)[];
}
