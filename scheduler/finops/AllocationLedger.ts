import type { Database } from "better-sqlite3";
import type { FleetIndex } from "./FleetIndex.ts";

/** One stretch of time during which a job held a slice: what GPU-hours and cost are computed from. */
export interface AllocationRecord {
  id: number;
  sliceId: string;
  jobId: string;
  tenant: string;
  queue: string;
  node: string;
  gpuUuid: string;
  modelId: string;
  profile: string;
  share: number;
  startedAt: number;
  endedAt: number | null;
}

interface LedgerRow {
  id: number;
  slice_id: string;
  job_id: string;
  tenant: string;
  queue: string;
  node: string;
  gpu_uuid: string;
  model_id: string;
  profile: string;
  share: number;
  started_at: number;
  ended_at: number | null;
}

function toRecord(row: LedgerRow): AllocationRecord {
  return {
    id: row.id,
    sliceId: row.slice_id,
    jobId: row.job_id,
    tenant: row.tenant,
    queue: row.queue,
    node: row.node,
    gpuUuid: row.gpu_uuid,
    modelId: row.model_id,
    profile: row.profile,
    share: row.share,
    startedAt: row.started_at,
    endedAt: row.ended_at,
  };
}

const allocationKey = (sliceId: string, jobId: string) => `${sliceId}\u0000${jobId}`;

/**
 * Who held which slice when. Level-triggered: `sync` compares the slices held in a snapshot with the open
 * ledger rows and opens or closes only the difference, so missed change events and restarts do no harm.
 */
export class AllocationLedger {
  constructor(private readonly db: Database) {}

  sync(index: FleetIndex, now: number): void {
    const open = new Map(this.open().map((r) => [allocationKey(r.sliceId, r.jobId), r]));
    const insert = this.db.prepare(
      `INSERT INTO allocation_ledger (slice_id, job_id, tenant, queue, node, gpu_uuid, model_id, profile, share,
       started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const close = this.db.prepare("UPDATE allocation_ledger SET ended_at = ? WHERE id = ?");
    this.db.transaction(() => {
      for (const { node, gpu, slice, job } of index.held) {
        const key = allocationKey(slice.id, job.id);
        if (open.delete(key)) continue;
        const startedAt = Math.min(job.startedAt ?? now, now);
        insert.run(
          slice.id,
          job.id,
          job.tenant,
          job.queue,
          node.name,
          gpu.uuid,
          gpu.modelId,
          slice.profile ?? "",
          slice.share,
          startedAt,
        );
      }
      for (const gone of open.values()) {
        const job = index.job(gone.jobId);
        close.run(Math.max(gone.startedAt, Math.min(job?.finishedAt ?? now, now)), gone.id);
      }
    })();
  }

  open(): AllocationRecord[] {
    const rows = this.db
      .prepare("SELECT * FROM allocation_ledger WHERE ended_at IS NULL")
      .all() as LedgerRow[];
    return rows.map(toRecord);
  }

  get(id: number): AllocationRecord | undefined {
    const row = this.db.prepare("SELECT * FROM allocation_ledger WHERE id = ?").get(id) as
      | LedgerRow
      | undefined;
    return row && toRecord(row);
  }

  /** Allocations that overlap [from, to). */
  overlapping(from: number, to: number): AllocationRecord[] {
    const rows = this.db
      .prepare("SELECT * FROM allocation_ledger WHERE started_at < ? AND (ended_at IS NULL OR ended_at > ?)")
      .all(to, from) as LedgerRow[];
    return rows.map(toRecord);
  }
}
