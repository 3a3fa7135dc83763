// Original file: proto/tessera/v1/audit.proto

import type { Long } from '@grpc/proto-loader';

export interface AuditEntry {
  'atUnixMs'?: (number | string | Long);
  /**
   * The user's name, or node:NAME for an agent.
   */
  'who'?: (string);
  /**
   * submit, cancel, quota-reload, node-register, node-disconnect, node-remove.
   */
  'action'?: (string);
  /**
   * A job id, a node name.
   */
  'target'?: (string);
  'detail'?: (string);
}

export interface AuditEntry__Output {
  'atUnixMs': (number);
  /**
   * The user's name, or node:NAME for an agent.
   */
  'who': (string);
  /**
   * submit, cancel, quota-reload, node-register, node-disconnect, node-remove.
   */
  'action': (string);
  /**
   * A job id, a node name.
   */
  'target': (string);
  'detail': (string);
}
