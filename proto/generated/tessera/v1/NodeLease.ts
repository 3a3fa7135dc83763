// Original file: proto/tessera/v1/node.proto

import type { Long } from '@grpc/proto-loader';

export interface NodeLease {
  'renewedUnixMs'?: (number | string | Long);
  'expiresUnixMs'?: (number | string | Long);
}

export interface NodeLease__Output {
  'renewedUnixMs': (number);
  'expiresUnixMs': (number);
}
