// Original file: proto/tessera/v1/job.proto

import type { Job as _tessera_v1_Job, Job__Output as _tessera_v1_Job__Output } from '../../tessera/v1/Job.ts';

export interface SubmitResponse {
  'job'?: (_tessera_v1_Job | null);
  /**
   * True when client_request_id matched an earlier submit and no new job was created.
   */
  'deduplicated'?: (boolean);
}

export interface SubmitResponse__Output {
  'job': (_tessera_v1_Job__Output | null);
  /**
   * True when client_request_id matched an earlier submit and no new job was created.
   */
  'deduplicated': (boolean);
}
