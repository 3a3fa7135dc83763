import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { AuditEntry, AuditQuery } from "./AuditEntry.ts";
import type { JobRecord } from "./JobRecord.ts";
import type { JobStore } from "./JobStore.ts";
import { checkStore } from "./StoreCheck.ts";
import { parseStoredJob } from "./StoredJobDocument.ts";

interface PendingWrite {
  inserts: JobRecord[];
  /** Jobs of `inserts` whose client request id was already stored, with the stored job. */
  duplicates: Map<JobRecord, JobRecord>;
  updates: JobRecord[];
  audit: AuditEntry[];
  done: Array<{ resolve: () => void; reject: (e: unknown) => void }>;
}

interface JobRow {
  doc: string;
}

/**
 * SQLite store in one file (WAL). `synchronous=FULL` makes every commit fsync the WAL, so an acknowledged
 * submit survives power loss, not just a process crash; writes issued in the same event-loop turn share one
 * transaction (group commit), which keeps the fsync cost per batch instead of per job; a batch of only updates
 * waits a moment for submits to join it (see the constructor).
 */
function repairAdvice(path: string): string {
  return `Stop the scheduler, run \`tessera store check --db ${path}\` to list what is damaged, and restore the file from a backup (or move it aside to start empty).`;
}

/**
 * Runs a store operation; SQLite's "malformed" and "not a database" errors name the file, the first damaged pages
 * or rows the integrity check finds, and what to do.
 */
function damagedStoreGuard<T>(path: string, doing: string, body: () => T): T {
  try {
    return body();
  } catch (err) {
    const code = (err as { code?: string }).code ?? "";
    if (!/^SQLITE_(CORRUPT|NOTADB)/.test(code)) throw err;
    const found = (path === ":memory:" ? [] : checkStore(path, 3))
      .flatMap((p) => p.replace(`${path}: `, "").split("\n"))
      .filter((line) => !line.startsWith("*** in database"));
    const where = found.length > 0 ? `; ${found.join("; ")}` : "";
    throw new Error(
      `${path}: the store is damaged (${(err as Error).message}) while ${doing}${where}. ${repairAdvice(path)}`,
    );
  }
}

export class SqliteJobStore implements JobStore {
  private readonly db: Database.Database;
  private pending: PendingWrite | null = null;
  private flushSoon: NodeJS.Immediate | undefined;
  private flushLater: NodeJS.Timeout | undefined;
  private readonly insertStmt: Database.Statement;
  private readonly upsertStmt: Database.Statement;
  private readonly byRequestStmt: Database.Statement;
  private readonly auditInsertStmt: Database.Statement;
  private readonly auditListStmt: Database.Statement;

  /**
   * `updateDelayMs`: how long a batch of only updates waits for submits to share its commit. Under a stream of
   * submits each one is followed by a state update (placement, pending reason); without the wait those commit
   * alone and every submit costs two fsyncs. Inserts never wait: they commit on the next event-loop turn.
   */
  constructor(
    readonly path: string,
    private readonly updateDelayMs = 5,
  ) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = damagedStoreGuard(path, "opening it", () => new Database(path));
    damagedStoreGuard(path, "opening it", () => this.db.pragma("journal_mode = WAL"));
    this.db.pragma("synchronous = FULL");
    this.db.pragma("busy_timeout = 5000");
    damagedStoreGuard(path, "opening it", () => this.createTables());
    this.insertStmt = this.db.prepare(
      `INSERT INTO jobs (id, seq, client_request_id, state, updated_ms, doc) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (client_request_id) DO NOTHING`,
    );
    this.upsertStmt = this.db.prepare(
      `INSERT INTO jobs (id, seq, client_request_id, state, updated_ms, doc) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_ms = excluded.updated_ms, doc = excluded.doc`,
    );
    this.byRequestStmt = this.db.prepare("SELECT doc FROM jobs WHERE client_request_id = ?");
    this.auditInsertStmt = this.db.prepare(
      "INSERT INTO audit (at_ms, who, action, target, detail) VALUES (?, ?, ?, ?, ?)",
    );
    this.auditListStmt = this.db.prepare(
      "SELECT at_ms AS atMs, who, action, target, detail FROM audit WHERE at_ms >= ? ORDER BY seq DESC LIMIT ?",
    );
  }

  private createTables(): void {
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS jobs (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        client_request_id TEXT UNIQUE,
        state TEXT NOT NULL,
        updated_ms INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS jobs_seq ON jobs (seq);
      CREATE TABLE IF NOT EXISTS audit (
        seq INTEGER PRIMARY KEY,
        at_ms INTEGER NOT NULL,
        who TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        detail TEXT NOT NULL
      );
    `);
  }

  insert(job: JobRecord): Promise<{ job: JobRecord; deduplicated: boolean }> {
    const batch = this.batch(true);
    return this.enqueue([job], []).then(() => {
      const stored = batch.duplicates.get(job);
      return stored ? { job: stored, deduplicated: true } : { job, deduplicated: false };
    });
  }

  update(jobs: readonly JobRecord[]): Promise<void> {
    if (jobs.length === 0) return Promise.resolve();
    return this.enqueue([], jobs);
  }

  /** Shares the batch's commit (and fsync) with the jobs written in the same turn. */
  recordAudit(entry: AuditEntry): Promise<void> {
    const batch = this.batch(false);
    batch.audit.push({ ...entry });
    return new Promise((resolve, reject) => batch.done.push({ resolve, reject }));
  }

  async listAudit(query: AuditQuery): Promise<AuditEntry[]> {
    const rows = this.auditListStmt.all(query.sinceMs ?? 0, query.limit) as AuditEntry[];
    return rows.reverse();
  }

  loadAll(): JobRecord[] {
    const rows = damagedStoreGuard(
      this.path,
      "reading its jobs",
      () =>
        this.db.prepare("SELECT id, seq, doc FROM jobs ORDER BY seq").all() as (JobRow & {
          id: string;
          seq: number;
        })[],
    );
    return rows.map((r) => {
      try {
        return parseStoredJob(r.doc);
      } catch (err) {
        throw new Error(
          `${this.path}: job row ${r.id} (seq ${r.seq}) is damaged: ${(err as Error).message}. ${repairAdvice(this.path)}`,
        );
      }
    });
  }

  maxSeq(): number {
    const row = this.db.prepare("SELECT COALESCE(MAX(seq), 0) AS s FROM jobs").get() as { s: number };
    return row.s;
  }

  close(): void {
    if (this.pending) this.flush();
    this.db.close();
  }

  /** The open batch; `urgent` (it holds an insert) commits it on the next turn, else within updateDelayMs. */
  private batch(urgent: boolean): PendingWrite {
    this.pending ??= { inserts: [], duplicates: new Map(), updates: [], audit: [], done: [] };
    if (urgent && !this.flushSoon) {
      clearTimeout(this.flushLater);
      this.flushLater = undefined;
      this.flushSoon = setImmediate(() => this.flush());
    } else if (!this.flushSoon && !this.flushLater) {
      this.flushLater = setTimeout(() => this.flush(), this.updateDelayMs);
    }
    return this.pending;
  }

  private enqueue(inserts: readonly JobRecord[], updates: readonly JobRecord[]): Promise<void> {
    const batch = this.batch(inserts.length > 0);
    batch.inserts.push(...inserts);
    // Serialize now: the caller may mutate the record before the batch commits.
    batch.updates.push(...updates.map((j) => structuredClone(j)));
    return new Promise((resolve, reject) => batch.done.push({ resolve, reject }));
  }

  private flush(): void {
    clearImmediate(this.flushSoon);
    clearTimeout(this.flushLater);
    this.flushSoon = undefined;
    this.flushLater = undefined;
    const batch = this.pending;
    if (!batch) return;
    this.pending = null;
    const row = (j: JobRecord) => [
      j.id,
      j.seq,
      j.clientRequestId || null,
      j.state,
      j.updatedMs,
      JSON.stringify(j),
    ];
    try {
      this.db.transaction(() => {
        for (const j of batch.inserts) {
          if (this.insertStmt.run(...row(j)).changes > 0) continue;
          const stored = this.byRequestStmt.get(j.clientRequestId) as JobRow | undefined;
          if (stored) batch.duplicates.set(j, JSON.parse(stored.doc) as JobRecord);
        }
        for (const j of batch.updates) this.upsertStmt.run(...row(j));
        for (const e of batch.audit) this.auditInsertStmt.run(e.atMs, e.who, e.action, e.target, e.detail);
      })();
      for (const d of batch.done) d.resolve();
    } catch (e) {
      for (const d of batch.done) d.reject(e);
    }
  }
}
