// Original file: proto/tessera/v1/node.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Part of a job's log, answering a LogRequest.
 */
export interface AgentLogChunk {
  'requestId'?: (number | string | Long);
  'data'?: (Buffer | Uint8Array | string);
  /**
   * The last chunk of the answer; `error` says why it ended early, if it did.
   */
  'eof'?: (boolean);
  'error'?: (string);
}

/**
 * Part of a job's log, answering a LogRequest.
 */
export interface AgentLogChunk__Output {
  'requestId': (number);
  'data': (Buffer);
  /**
   * The last chunk of the answer; `error` says why it ended early, if it did.
   */
  'eof': (boolean);
  'error': (string);
}
