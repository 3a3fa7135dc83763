// Original file: proto/tessera/v1/node.proto

import type { GpuDesired as _tessera_v1_GpuDesired, GpuDesired__Output as _tessera_v1_GpuDesired__Output } from '../../tessera/v1/GpuDesired.ts';
import type { Assignment as _tessera_v1_Assignment, Assignment__Output as _tessera_v1_Assignment__Output } from '../../tessera/v1/Assignment.ts';
import type { JobStop as _tessera_v1_JobStop, JobStop__Output as _tessera_v1_JobStop__Output } from '../../tessera/v1/JobStop.ts';
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
  /**
   * Grace periods of jobs being stopped (no longer in `assignments`): SIGTERM, then SIGKILL after grace_seconds.
   * A stopped job not listed here gets the agent's default grace.
   */
  'stops'?: (_tessera_v1_JobStop)[];
  /**
   * An agent that has had no contact with the scheduler for this long stops every job it runs (and reports them
   * `fenced`); the scheduler starts a lost node's jobs elsewhere only after the same timeout. 0: agent default.
   */
  'fencingTimeoutMs'?: (number);
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
  /**
   * Grace periods of jobs being stopped (no longer in `assignments`): SIGTERM, then SIGKILL after grace_seconds.
   * A stopped job not listed here gets the agent's default grace.
   */
  'stops': (_tessera_v1_JobStop__Output)[];
  /**
   * An agent that has had no contact with the scheduler for this long stops every job it runs (and reports them
   * `fenced`); the scheduler starts a lost node's jobs elsewhere only after the same timeout. 0: agent default.
   */
  'fencingTimeoutMs': (number);
}
