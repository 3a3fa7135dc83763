import type { AuditEntry, AuditQuery } from "../AuditEntry.ts";
import type { JobRecord } from "../JobRecord.ts";
import type { JobStore } from "../JobStore.ts";

/** A JobStore in memory whose writes can be made to fail on demand (what a full disk or lost etcd does). */
export class MemoryJobStore implements JobStore {
  private readonly stored = new Map<string, JobRecord>();
  private readonly audit: AuditEntry[] = [];
  /** While set, every write is refused with this message. */
  failWrites: string | undefined;
  writes = 0;

  async insert(job: JobRecord): Promise<{ job: JobRecord; deduplicated: boolean }> {
    this.check();
    const same = [...this.stored.values()].find(
      (j) => job.clientRequestId !== "" && j.clientRequestId === job.clientRequestId,
    );
    if (same) return { job: structuredClone(same), deduplicated: true };
    this.stored.set(job.id, structuredClone(job));
    return { job, deduplicated: false };
  }

  async update(jobs: readonly JobRecord[]): Promise<void> {
    this.check();
    for (const job of jobs) this.stored.set(job.id, structuredClone(job));
  }

  loadAll(): JobRecord[] {
    return [...this.stored.values()].sort((a, b) => a.seq - b.seq).map((j) => structuredClone(j));
  }

  maxSeq(): number {
    return Math.max(0, ...[...this.stored.values()].map((j) => j.seq));
  }

  async recordAudit(entry: AuditEntry): Promise<void> {
    this.check();
    this.audit.push({ ...entry });
  }

  async listAudit(query: AuditQuery): Promise<AuditEntry[]> {
    return this.audit
      .filter((e) => e.atMs >= (query.sinceMs ?? 0))
      .slice(-query.limit)
      .map((e) => ({ ...e }));
  }

  /** The job as stored, or undefined. */
  get(id: string): JobRecord | undefined {
    return this.stored.get(id);
  }

  close(): void {}

  private check(): void {
    if (this.failWrites !== undefined) throw new Error(this.failWrites);
    this.writes++;
  }
}
