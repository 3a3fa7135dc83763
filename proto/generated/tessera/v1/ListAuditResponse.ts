// Original file: proto/tessera/v1/audit.proto

import type { AuditEntry as _tessera_v1_AuditEntry, AuditEntry__Output as _tessera_v1_AuditEntry__Output } from '../../tessera/v1/AuditEntry.ts';

export interface ListAuditResponse {
  /**
   * Oldest first.
   */
  'entries'?: (_tessera_v1_AuditEntry)[];
}

export interface ListAuditResponse__Output {
  /**
   * Oldest first.
   */
  'entries': (_tessera_v1_AuditEntry__Output)[];
}
