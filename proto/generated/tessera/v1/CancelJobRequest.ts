// Original file: proto/tessera/v1/job.proto


export interface CancelJobRequest {
  'id'?: (string);
  'reason'?: (string);
}

export interface CancelJobRequest__Output {
  'id': (string);
  'reason': (string);
}
