// Original file: proto/tessera/v1/job.proto

import type { Job as _tessera_v1_Job, Job__Output as _tessera_v1_Job__Output } from '../../tessera/v1/Job.ts';

export interface ListJobsResponse {
  'jobs'?: (_tessera_v1_Job)[];
  /**
   * Empty on the last page.
   */
  'nextPageToken'?: (string);
}

export interface ListJobsResponse__Output {
  'jobs': (_tessera_v1_Job__Output)[];
  /**
   * Empty on the last page.
   */
  'nextPageToken': (string);
}
