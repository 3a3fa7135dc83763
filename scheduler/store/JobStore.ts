import type { AuditEntry, AuditQuery } from "./AuditEntry.ts";
import type { JobRecord } from "./JobRecord.ts";

/**
 * Durable home of the scheduler's jobs and its audit log. The scheduler keeps the live state in memory and writes
 * through this interface; a second implementation (etcd for replicated schedulers) must pass the same contract
 * tests, so that who did what survives a failover with the jobs.
 */
export interface JobStore {
  /**
   * Makes new jobs durable. Resolves only after the commit; a job whose client request id is already stored
   * resolves with the stored job instead (`deduplicated`).
   */
  insert(job: JobRecord): Promise<{ job: JobRecord; deduplicated: boolean }>;
  /** Persists the current state of changed jobs; resolves after the commit. */
  update(jobs: readonly JobRecord[]): Promise<void>;
  /** Every stored job, in submit order. Used once at start to rebuild the scheduler's state. */
  loadAll(): JobRecord[];
  /** The highest seq stored, so new jobs continue the order after a restart. */
  maxSeq(): number;
  /** Appends to the audit log; resolves once it is stored. */
  recordAudit(entry: AuditEntry): Promise<void>;
  /** The newest `limit` audit entries at or after `sinceMs`, oldest first. */
  listAudit(query: AuditQuery): Promise<AuditEntry[]>;
  close(): void;
}
