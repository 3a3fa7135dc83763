// Original file: proto/tessera/v1/job.proto


export interface LogsRequest {
  'id'?: (string);
  'follow'?: (boolean);
}

export interface LogsRequest__Output {
  'id': (string);
  'follow': (boolean);
}
