// Original file: proto/tessera/v1/job.proto


export interface GetJobRequest {
  'id'?: (string);
}

export interface GetJobRequest__Output {
  'id': (string);
}
