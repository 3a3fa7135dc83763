// Original file: proto/tessera/v1/job.proto

import type { JobSpec as _tessera_v1_JobSpec, JobSpec__Output as _tessera_v1_JobSpec__Output } from '../../tessera/v1/JobSpec.ts';

export interface SubmitRequest {
  'spec'?: (_tessera_v1_JobSpec | null);
  /**
   * Any unique string chosen by the client (a UUID); a retry with the same id is answered with the same job.
   */
  'clientRequestId'?: (string);
}

export interface SubmitRequest__Output {
  'spec': (_tessera_v1_JobSpec__Output | null);
  /**
   * Any unique string chosen by the client (a UUID); a retry with the same id is answered with the same job.
   */
  'clientRequestId': (string);
}
