import type { Database } from "better-sqlite3";

/**
 * FinOps tables live in the scheduler's own SQLite file (so history survives restarts with the rest of the
 * state) but are versioned on their own: the service's migrations and these never step on each other.
 */
const migrations: readonly string[] = [
  `
  CREATE TABLE utilization_raw (
    at INTEGER NOT NULL,
    node TEXT NOT NULL,
    gpu_uuid TEXT NOT NULL,
    mig_uuid TEXT NOT NULL,
    model_id TEXT NOT NULL,
    profile TEXT NOT NULL,
    tenant TEXT NOT NULL,
    job_id TEXT NOT NULL,
    utilization REAL,
    memory_used_mib REAL NOT NULL,
    memory_total_mib REAL NOT NULL,
    temperature_c REAL,
    power_w REAL
  );
  CREATE INDEX utilization_raw_at ON utilization_raw (at);

  CREATE TABLE utilization_rollup (
    resolution_ms INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    node TEXT NOT NULL,
    gpu_uuid TEXT NOT NULL,
    mig_uuid TEXT NOT NULL,
    model_id TEXT NOT NULL,
    profile TEXT NOT NULL,
    tenant TEXT NOT NULL,
    job_id TEXT NOT NULL,
    samples INTEGER NOT NULL,
    utilization_sum REAL NOT NULL,
    utilization_samples INTEGER NOT NULL,
    utilization_max REAL,
    memory_used_sum REAL NOT NULL,
    memory_used_max REAL NOT NULL,
    memory_total_mib REAL NOT NULL,
    temperature_sum REAL NOT NULL,
    temperature_samples INTEGER NOT NULL,
    power_sum REAL NOT NULL,
    power_samples INTEGER NOT NULL,
    PRIMARY KEY (resolution_ms, bucket, gpu_uuid, mig_uuid, job_id)
  );

  CREATE TABLE allocation_ledger (
    id INTEGER PRIMARY KEY,
    slice_id TEXT NOT NULL,
    job_id TEXT NOT NULL,
    tenant TEXT NOT NULL,
    queue TEXT NOT NULL,
    node TEXT NOT NULL,
    gpu_uuid TEXT NOT NULL,
    model_id TEXT NOT NULL,
    profile TEXT NOT NULL,
    share REAL NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at INTEGER
  );
  CREATE INDEX allocation_ledger_open ON allocation_ledger (ended_at);

  CREATE TABLE idle_episode (
    id INTEGER PRIMARY KEY,
    allocation_id INTEGER NOT NULL REFERENCES allocation_ledger (id),
    since INTEGER NOT NULL,
    flagged_at INTEGER NOT NULL,
    ended_at INTEGER,
    end_reason TEXT
  );
  CREATE INDEX idle_episode_open ON idle_episode (ended_at);

  CREATE TABLE reclaim (
    id INTEGER PRIMARY KEY,
    episode_id INTEGER NOT NULL REFERENCES idle_episode (id),
    job_id TEXT NOT NULL,
    queue TEXT NOT NULL,
    at INTEGER NOT NULL,
    reason TEXT NOT NULL,
    error TEXT
  );

  CREATE TABLE fleet_history (
    at INTEGER PRIMARY KEY,
    gpus INTEGER NOT NULL,
    allocation_ratio REAL NOT NULL,
    fragmentation REAL NOT NULL,
    idle_allocations INTEGER NOT NULL,
    pending_jobs INTEGER NOT NULL
  );
  `,
];

export function migrateFinopsSchema(db: Database): void {
  db.exec("CREATE TABLE IF NOT EXISTS finops_schema (version INTEGER NOT NULL)");
  const row = db.prepare("SELECT version FROM finops_schema").get() as { version: number } | undefined;
  const current = row?.version ?? 0;
  if (current > migrations.length) {
    throw new Error(
      `the store's FinOps tables are at version ${current}, newer than this tessera (${migrations.length}); upgrade tessera`,
    );
  }
  db.transaction(() => {
    for (const sql of migrations.slice(current)) db.exec(sql);
    if (row) db.prepare("UPDATE finops_schema SET version = ?").run(migrations.length);
    else db.prepare("INSERT INTO finops_schema (version) VALUES (?)").run(migrations.length);
  })();
}
