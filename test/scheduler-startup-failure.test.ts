import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { SqliteJobStore } from "../scheduler/store/SqliteJobStore.ts";
import { eventually } from "./support/Eventually.ts";
import { runTessera, type TesseraProcess } from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-startup-"));
const procs: TesseraProcess[] = [];
afterAll(async () => {
  await Promise.all(procs.map((p) => p.kill("SIGKILL")));
  rmSync(dir, { recursive: true, force: true });
});

/** A loopback port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** A store file whose jobs table exists; `prepare` damages it. */
function store(name: string, prepare: (db: Database.Database) => void): string {
  const path = join(dir, name);
  new SqliteJobStore(path).close();
  const db = new Database(path);
  prepare(db);
  db.close();
  return path;
}

/**
 * Starts `tessera scheduler` on the store and submits to its address, one after the other, until the process has
 * exited; returns the exit code and how many submits were acknowledged.
 */
async function startAndSubmit(
  db: string,
): Promise<{ proc: TesseraProcess; code: number; acknowledged: number }> {
  const port = await freePort();
  const proc = runTessera("scheduler", ["scheduler", "--listen", `127.0.0.1:${port}`, "--db", db]);
  procs.push(proc);
  const client = new SchedulerClient(`127.0.0.1:${port}`, undefined, 2000);
  let acknowledged = 0;
  let n = 0;
  while (proc.running) {
    try {
      await client.submit(
        { name: `s${n}`, request: { mig: { profile: "1g.10gb" } }, command: ["true"] },
        `s${n++}`,
      );
      acknowledged++;
    } catch {
      // Refused (UNAVAILABLE while starting) or nobody listening: not acknowledged.
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  client.close();
  const code = await eventually("exit code", () => proc.child.exitCode ?? undefined);
  return { proc, code, acknowledged };
}

function storedJobs(db: string): number {
  const raw = new Database(db, { readonly: true });
  const { n } = raw.prepare("SELECT COUNT(*) AS n FROM jobs").get() as { n: number };
  raw.close();
  return n;
}

describe("a scheduler that fails while it starts", () => {
  it("exits non-zero, naming the FinOps tables it cannot open, and acknowledged no submit meanwhile", async () => {
    const db = store("finops.db", (raw) => {
      raw.exec(
        "CREATE TABLE finops_schema (version INTEGER NOT NULL); INSERT INTO finops_schema VALUES (99)",
      );
    });
    const { proc, code, acknowledged } = await startAndSubmit(db);
    expect(code).toBe(1);
    expect(proc.output).toContain(`cannot open the FinOps tables in ${db}`);
    expect(proc.output).toContain("newer than this tessera");
    expect(acknowledged).toBe(0);
    expect(storedJobs(db)).toBe(0);
  }, 60_000);

  it("exits non-zero, naming a stored job that is not a job record, before it listens", async () => {
    const db = store("row.db", (raw) => {
      raw
        .prepare(
          "INSERT INTO jobs (id, seq, client_request_id, state, updated_ms, doc) VALUES (?, 1, ?, ?, 0, ?)",
        )
        .run("j-broken", "r-1", "Pending", JSON.stringify({ id: "j-broken", seq: 1, state: "Pending" }));
    });
    const { proc, code, acknowledged } = await startAndSubmit(db);
    expect(code).toBe(1);
    expect(proc.output).toContain(`${db}: job row j-broken (seq 1) is damaged: not a job record: no spec`);
    expect(proc.output).not.toMatch(/\n\s+at /);
    expect(acknowledged).toBe(0);
    expect(storedJobs(db)).toBe(1);
  }, 60_000);
});
