// Original file: proto/tessera/v1/node.proto


export interface JobStop {
  'jobId'?: (string);
  'attempt'?: (number);
  'graceSeconds'?: (number);
}

export interface JobStop__Output {
  'jobId': (string);
  'attempt': (number);
  'graceSeconds': (number);
}
