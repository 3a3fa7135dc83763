// Original file: proto/tessera/v1/job.proto


export interface ListJobsRequest {
  /**
   * Only jobs in these states (lifecycle names); empty means all.
   */
  'states'?: (string)[];
  'tenant'?: (string);
  'node'?: (string);
  /**
   * Substring of the job name.
   */
  'nameContains'?: (string);
  /**
   * 1..1000, default 100.
   */
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListJobsRequest__Output {
  /**
   * Only jobs in these states (lifecycle names); empty means all.
   */
  'states': (string)[];
  'tenant': (string);
  'node': (string);
  /**
   * Substring of the job name.
   */
  'nameContains': (string);
  /**
   * 1..1000, default 100.
   */
  'pageSize': (number);
  'pageToken': (string);
}
