import { closeSync, fdatasync, fdatasyncSync, fsyncSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { AuditEntry, AuditQuery } from "./AuditEntry.ts";
import type { JobRecord } from "./JobRecord.ts";
import type { JobStore } from "./JobStore.ts";
import { checkStore } from "./StoreCheck.ts";
import { parseStoredJob } from "./StoredJobDocument.ts";
import { StoreUnavailable } from "./StoreUnavailable.ts";
import { WalCheckpointer } from "./WalCheckpointer.ts";

interface PendingWrite {
  inserts: JobRecord[];
  /** Jobs of `inserts` whose client request id was already stored, with the stored job. */
  duplicates: Map<JobRecord, JobRecord>;
  updates: JobRecord[];
  audit: AuditEntry[];
  done: Array<{ resolve: () => void; reject: (e: unknown) => void }>;
}

export interface SqliteStoreOptions {
  /**
   * How long (ms, default 5) a batch of only updates waits for submits to share its commit. Under a stream of
   * submits each one is followed by a state update (placement, pending reason); without the wait those commit
   * alone and every submit costs two fsyncs. Inserts never wait: they commit on the next event-loop turn.
   */
  updateDelayMs?: number;
  /**
   * fsync inside the turn that commits (blocking the event loop) instead of on the thread pool: for a simulation
   * on fake timers, whose clock must not run ahead of writes it cannot see finish.
   */
  syncInline?: boolean;
  /**
   * At most one WAL checkpoint per this many ms (default 500), run on a worker thread (see WalCheckpointer). With
   * `syncInline`, SQLite checkpoints inside commits as it does by default.
   */
  checkpointEveryMs?: number;
}

/** A job's row: the columns the store looks jobs up by, and the whole record. */
function storedRow(j: JobRecord): [string, number, string | null, string, number, string] {
  return [j.id, j.seq, j.clientRequestId || null, j.state, j.updatedMs, JSON.stringify(j)];
}

interface JobRow {
  doc: string;
}

/**
 * SQLite store in one file (WAL), with group commit: writes issued in the same event-loop turn share one
 * transaction, and every write is acknowledged only once the WAL holding it is fsynced, so an acknowledged submit
 * survives power loss, not just a process crash. The fsync runs off the event loop (libuv's thread pool, on the WAL
 * file) instead of inside the commit (`synchronous=FULL` would block the scheduler for it); writes that arrive
 * while it runs wait and share the next transaction and its one fsync. A batch of only updates waits a moment for
 * submits to join it (see the constructor).
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
  /** The committed batch whose fsync is in flight; nothing else commits until it is durable. */
  private syncing: PendingWrite | undefined;
  /** The WAL file, opened after the first commit made sure it exists; fsynced before each acknowledgement. */
  private walFd: number | undefined;
  /** Set when an fsync failed: what was committed since the last good one may be lost, so nothing is taken. */
  private syncFailure: Error | undefined;
  private flushSoon: NodeJS.Immediate | undefined;
  private flushLater: NodeJS.Timeout | undefined;
  private readonly insertStmt: Database.Statement;
  private readonly upsertStmt: Database.Statement;
  private readonly byRequestStmt: Database.Statement;
  private readonly auditInsertStmt: Database.Statement;
  private readonly auditListStmt: Database.Statement;
  private readonly writeBatch: (batch: PendingWrite) => void;
  /** Copies the WAL into the database file off the event loop; undefined where SQLite does it in commits. */
  readonly checkpoints: WalCheckpointer | undefined;

  constructor(
    readonly path: string,
    private readonly options: SqliteStoreOptions = {},
  ) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = damagedStoreGuard(path, "opening it", () => new Database(path));
    damagedStoreGuard(path, "opening it", () => this.db.pragma("journal_mode = WAL"));
    // Commits write the WAL without fsync; `flush` fsyncs it before anything is acknowledged (see the class).
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
    if (path !== ":memory:" && !options.syncInline) {
      this.db.pragma("wal_autocheckpoint = 0");
      this.checkpoints = new WalCheckpointer(path, {
        everyMs: options.checkpointEveryMs,
        // Without the worker, commits checkpoint again as SQLite does by default, so the WAL stays bounded.
        onFailure: () => {
          if (this.db.open) this.db.pragma("wal_autocheckpoint = 1000");
        },
      });
    }
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
    // One transaction function for every batch (better-sqlite3 builds a wrapper per `transaction` call).
    this.writeBatch = this.db.transaction((batch: PendingWrite) => {
      for (const j of batch.inserts) {
        if (this.insertStmt.run(...storedRow(j)).changes > 0) continue;
        const stored = this.byRequestStmt.get(j.clientRequestId) as JobRow | undefined;
        if (stored) batch.duplicates.set(j, JSON.parse(stored.doc) as JobRecord);
      }
      for (const j of batch.updates) this.upsertStmt.run(...storedRow(j));
      for (const e of batch.audit) this.auditInsertStmt.run(e.atMs, e.who, e.action, e.target, e.detail);
    });
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
    if (this.syncFailure) return Promise.reject(this.syncFailure);
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

  /** Commits what waits and makes it durable before closing (a synchronous fsync: this runs at shutdown). */
  close(): void {
    const syncing = this.syncing;
    this.syncing = undefined;
    const last = this.pending ? this.commit() : undefined;
    const committed = [syncing, last].flatMap((b) => b ?? []);
    let failure = this.syncFailure;
    if (this.walFd !== undefined && committed.length > 0 && !failure) {
      try {
        fdatasyncSync(this.walFd);
      } catch (err) {
        failure = this.syncError(err);
      }
    }
    for (const batch of committed) this.settle(batch, failure);
    this.checkpoints?.close();
    this.db.close();
    if (this.walFd !== undefined) closeSync(this.walFd);
    this.walFd = undefined;
  }

  /** The open batch; `urgent` (it holds an insert) commits it on the next turn, else within updateDelayMs. */
  private batch(urgent: boolean): PendingWrite {
    this.pending ??= { inserts: [], duplicates: new Map(), updates: [], audit: [], done: [] };
    if (urgent && !this.flushSoon) {
      clearTimeout(this.flushLater);
      this.flushLater = undefined;
      this.flushSoon = setImmediate(() => this.flush());
    } else if (!this.flushSoon && !this.flushLater) {
      this.flushLater = setTimeout(() => this.flush(), this.options.updateDelayMs ?? 5);
    }
    return this.pending;
  }

  private enqueue(inserts: readonly JobRecord[], updates: readonly JobRecord[]): Promise<void> {
    if (this.syncFailure) return Promise.reject(this.syncFailure);
    const batch = this.batch(inserts.length > 0);
    batch.inserts.push(...inserts);
    // Serialize now: the caller may mutate the record before the batch commits.
    batch.updates.push(...updates.map((j) => structuredClone(j)));
    return new Promise((resolve, reject) => batch.done.push({ resolve, reject }));
  }

  /** Commits the open batch and fsyncs it off the event loop; while an fsync runs, the next batch waits for it. */
  private flush(): void {
    if (this.syncing) return; // the fsync's completion commits what waits
    const batch = this.commit();
    if (!batch) return;
    if (this.walFd === undefined || batch.failed !== undefined) {
      this.settle(batch, undefined); // an in-memory database, or a failed commit: nothing to fsync
      return;
    }
    this.checkpoints?.committed();
    if (this.options.syncInline) {
      try {
        fdatasyncSync(this.walFd);
      } catch (err) {
        this.syncFailure ??= this.syncError(err);
      }
      this.settle(batch, this.syncFailure);
      return;
    }
    this.syncing = batch;
    fdatasync(this.walFd, (err) => {
      if (this.syncing !== batch) return; // `close` made it durable already
      this.syncing = undefined;
      if (err) this.syncFailure ??= this.syncError(err);
      this.settle(batch, this.syncFailure);
      if (this.syncFailure) this.settle(this.takePending(), this.syncFailure);
      else if (this.pending) this.flush();
    });
  }

  private takePending(): PendingWrite | undefined {
    clearImmediate(this.flushSoon);
    clearTimeout(this.flushLater);
    this.flushSoon = undefined;
    this.flushLater = undefined;
    const batch = this.pending ?? undefined;
    this.pending = null;
    return batch;
  }

  /**
   * Writes the open batch in one transaction (not yet fsynced). Returns it, with `failed` set when the
   * transaction did not commit (the batch is then settled by the caller with that error).
   */
  private commit(): (PendingWrite & { failed?: unknown }) | undefined {
    const batch: (PendingWrite & { failed?: unknown }) | undefined = this.takePending();
    if (!batch) return undefined;
    try {
      this.writeBatch(batch);
      if (this.path !== ":memory:") this.walFd ??= this.openWal();
    } catch (e) {
      batch.failed = e;
    }
    return batch;
  }

  private settle(batch: (PendingWrite & { failed?: unknown }) | undefined, failure: unknown): void {
    if (!batch) return;
    const error = batch.failed ?? failure;
    if (error === undefined) for (const d of batch.done) d.resolve();
    else for (const d of batch.done) d.reject(error);
  }

  /** The WAL file, and its directory entry made durable (SQLite itself would sync it only at a checkpoint). */
  private openWal(): number {
    const fd = openSync(`${this.path}-wal`, "r");
    const dir = openSync(dirname(this.path), "r");
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    return fd;
  }

  private syncError(err: unknown): StoreUnavailable {
    return new StoreUnavailable(
      `${this.path}: could not fsync the store's write-ahead log (${(err as Error).message}); writes since the last ` +
        "good fsync may be lost and none are taken now. Check the disk, then restart the scheduler.",
    );
  }
}
