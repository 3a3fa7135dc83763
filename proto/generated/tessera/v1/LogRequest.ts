// Original file: proto/tessera/v1/node.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Asks the agent for a job attempt's log from `offset`; with `follow`, until the process ends. `cancel` ends an
 * earlier request with the same id.
 */
export interface LogRequest {
  'requestId'?: (number | string | Long);
  'jobId'?: (string);
  'attempt'?: (number);
  'offset'?: (number | string | Long);
  'follow'?: (boolean);
  'cancel'?: (boolean);
}

/**
 * Asks the agent for a job attempt's log from `offset`; with `follow`, until the process ends. `cancel` ends an
 * earlier request with the same id.
 */
export interface LogRequest__Output {
  'requestId': (number);
  'jobId': (string);
  'attempt': (number);
  'offset': (number);
  'follow': (boolean);
  'cancel': (boolean);
}
