// Original file: proto/tessera/v1/job.proto


export interface LogChunk {
  'data'?: (Buffer | Uint8Array | string);
}

export interface LogChunk__Output {
  'data': (Buffer);
}
