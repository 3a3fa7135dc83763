// Original file: proto/tessera/v1/job.proto


export interface LogsRequest {
  'id'?: (string);
  'follow'?: (boolean);
  /**
   * Only this member of a gang (0 .. nodes-1); unset: every member. A job that is not a gang has rank 0 only.
   */
  'rank'?: (number);
  '_rank'?: "rank";
}

export interface LogsRequest__Output {
  'id': (string);
  'follow': (boolean);
  /**
   * Only this member of a gang (0 .. nodes-1); unset: every member. A job that is not a gang has rank 0 only.
   */
  'rank'?: (number);
  '_rank'?: "rank";
}
