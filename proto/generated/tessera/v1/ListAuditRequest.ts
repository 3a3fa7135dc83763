// Original file: proto/tessera/v1/audit.proto

import type { Long } from '@grpc/proto-loader';

export interface ListAuditRequest {
  /**
   * The newest entries, at most this many (0: 100; at most 10000).
   */
  'limit'?: (number);
  /**
   * Only entries at or after this time, milliseconds since the epoch.
   */
  'sinceUnixMs'?: (number | string | Long);
}

export interface ListAuditRequest__Output {
  /**
   * The newest entries, at most this many (0: 100; at most 10000).
   */
  'limit': (number);
  /**
   * Only entries at or after this time, milliseconds since the epoch.
   */
  'sinceUnixMs': (number);
}
