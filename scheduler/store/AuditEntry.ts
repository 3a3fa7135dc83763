/** One recorded action: who did what to what. */
export interface AuditEntry {
  atMs: number;
  who: string;
  /** `submit`, `cancel`, `quota-reload`, `node-register`, `node-disconnect`. */
  action: string;
  /** A job id, a node name, a queue file. */
  target: string;
  detail: string;
}

/** Which entries `listAudit` returns: the newest `limit` at or after `sinceMs`, oldest first. */
export interface AuditQuery {
  limit: number;
  sinceMs?: number;
}
