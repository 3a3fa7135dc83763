import Database from "better-sqlite3";

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

/**
 * Every submit, cancel, quota change and node change with who did it, kept in the scheduler's SQLite file
 * (its own table and connection), newest last.
 */
export class AuditLog {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;

  constructor(
    path: string,
    private readonly clock: () => number = Date.now,
  ) {
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(
      "CREATE TABLE IF NOT EXISTS audit (seq INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, who TEXT NOT NULL, " +
        "action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL)",
    );
    this.insert = this.db.prepare(
      "INSERT INTO audit (at_ms, who, action, target, detail) VALUES (?, ?, ?, ?, ?)",
    );
  }

  record(who: string, action: string, target: string, detail = ""): void {
    this.insert.run(this.clock(), who, action, target.slice(0, 200), detail.slice(0, 500));
  }

  /** The latest `limit` entries at or after `sinceMs`, oldest first. */
  list(options: { limit: number; sinceMs?: number }): AuditEntry[] {
    const rows = this.db
      .prepare(
        "SELECT at_ms AS atMs, who, action, target, detail FROM audit WHERE at_ms >= ? ORDER BY seq DESC LIMIT ?",
      )
      .all(options.sinceMs ?? 0, options.limit) as AuditEntry[];
    return rows.reverse();
  }

  close(): void {
    this.db.close();
  }
}
