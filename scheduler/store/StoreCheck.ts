import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { parseStoredJob } from "./StoredJobDocument.ts";

/**
 * `tessera store check`: SQLite's own integrity check of every page, then every job row read back, so a damaged
 * store is named down to the page or row before anyone restores a backup. Read-only.
 */
export function checkStore(path: string, limit = 100): string[] {
  if (!existsSync(path)) return [`${path}: no such file`];
  const problems: string[] = [];
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    return [`${path}: cannot open it as SQLite: ${(err as Error).message}`];
  }
  try {
    const rows = db.prepare(`PRAGMA integrity_check(${Math.max(1, Math.floor(limit))})`).all() as {
      integrity_check: string;
    }[];
    for (const r of rows) if (r.integrity_check !== "ok") problems.push(`${path}: ${r.integrity_check}`);
    const jobs = db.prepare("SELECT id, seq, doc FROM jobs ORDER BY seq").iterate() as Iterable<{
      id: string;
      seq: number;
      doc: string;
    }>;
    for (const job of jobs) {
      if (problems.length >= limit) break;
      try {
        parseStoredJob(job.doc);
      } catch (err) {
        problems.push(`${path}: job row ${job.id} (seq ${job.seq}): ${(err as Error).message}`);
      }
    }
  } catch (err) {
    problems.push(`${path}: ${(err as Error).message}`);
  } finally {
    db.close();
  }
  return problems;
}
