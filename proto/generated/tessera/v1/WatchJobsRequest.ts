// Original file: proto/tessera/v1/job.proto


export interface WatchJobsRequest {
  /**
   * Only this job; empty watches all.
   */
  'jobId'?: (string);
  'includeCurrent'?: (boolean);
}

export interface WatchJobsRequest__Output {
  /**
   * Only this job; empty watches all.
   */
  'jobId': (string);
  'includeCurrent': (boolean);
}
