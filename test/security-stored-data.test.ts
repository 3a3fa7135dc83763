import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { eventually } from "./support/Eventually.ts";
import { runTessera, startSchedulerProcess, type TesseraProcess } from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-stored-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function exited(proc: TesseraProcess): Promise<number> {
  return eventually(`${proc.name} exited`, () => proc.child.exitCode ?? undefined, 60_000);
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("a damaged store", () => {
  it("names the file and the row, and tessera store check lists it", async () => {
    const storeDir = mkdtempSync(join(dir, "row-"));
    const db = join(storeDir, "scheduler.db");
    const first = await startSchedulerProcess(storeDir);
    const client = new SchedulerClient(first.address);
    const { job } = await client.submit(
      { name: "kept", request: { mig: { profile: "1g.10gb" } }, command: ["true"] },
      "",
    );
    client.close();
    await first.process.kill();
    const raw = new Database(db);
    raw.prepare("UPDATE jobs SET doc = ? WHERE id = ?").run("{not json", job!.id);
    raw.close();
    const second = runTessera("scheduler", ["scheduler", "--listen", "127.0.0.1:0", "--db", db]);
    expect(await exited(second)).toBe(1);
    expect(second.output).toContain(`${db}: job row ${job!.id} (seq 1) is damaged`);
    expect(second.output).toMatch(/tessera store check --db .*restore the file from a backup/);
    expect(second.output).not.toMatch(/\n\s+at /);
    const check = runTessera("store check", ["store", "check", "--db", db]);
    expect(await exited(check)).toBe(1);
    expect(check.output).toContain(`job row ${job!.id} (seq 1)`);
  }, 90_000);

  it("names the file and the damaged page when a scheduler starts on it", async () => {
    const storeDir = mkdtempSync(join(dir, "page-"));
    const db = join(storeDir, "scheduler.db");
    const first = await startSchedulerProcess(storeDir);
    const client = new SchedulerClient(first.address);
    const { job } = await client.submit(
      { name: "kept", request: { mig: { profile: "1g.10gb" } }, command: ["true"] },
      "",
    );
    client.close();
    await first.process.kill();
    // Enough job rows that the jobs table spans many pages, then one of its pages in the middle overwritten.
    const raw = new Database(db);
    const doc = JSON.parse(
      (raw.prepare("SELECT doc FROM jobs WHERE id = ?").get(job!.id) as { doc: string }).doc,
    ) as Record<string, unknown>;
    const insert = raw.prepare(
      "INSERT INTO jobs (id, seq, client_request_id, state, updated_ms, doc) VALUES (?, ?, NULL, 'Pending', 0, ?)",
    );
    raw.transaction(() => {
      for (let i = 0; i < 400; i++) {
        const id = `j-${String(i).padStart(12, "0")}`;
        insert.run(id, i + 2, JSON.stringify({ ...doc, id, seq: i + 2, pad: "p".repeat(1500) }));
      }
    })();
    const pageSize = raw.pragma("page_size", { simple: true }) as number;
    const pages = raw.pragma("page_count", { simple: true }) as number;
    raw.close();
    const fd = openSync(db, "r+");
    writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, Math.floor(pages * 0.6) * pageSize);
    closeSync(fd);
    const second = runTessera("scheduler", ["scheduler", "--listen", "127.0.0.1:0", "--db", db]);
    expect(await exited(second)).toBe(1);
    expect(second.output).toContain(`${db}: the store is damaged`);
    expect(second.output).toMatch(/[Pp]age \d+/);
    expect(second.output).toMatch(/tessera store check --db .*restore the file from a backup/);
    expect(second.output).not.toMatch(/\n\s+at /);
  }, 90_000);

  it("names the file when its pages are not a database", async () => {
    const db = file("garbage.db", "x".repeat(64 * 1024));
    const proc = runTessera("scheduler", ["scheduler", "--listen", "127.0.0.1:0", "--db", db]);
    expect(await exited(proc)).toBe(1);
    expect(proc.output).toContain(`${db}: the store is damaged`);
    expect(proc.output).toContain("tessera store check");
    const check = runTessera("store check", ["store", "check", "--db", db]);
    expect(await exited(check)).toBe(1);
  }, 60_000);

  it("names a damaged page found by the integrity check", async () => {
    const db = join(dir, "pages.db");
    const raw = new Database(db);
    raw.exec("CREATE TABLE jobs (id TEXT PRIMARY KEY, seq INTEGER, doc TEXT)");
    const insert = raw.prepare("INSERT INTO jobs VALUES (?, ?, ?)");
    for (let i = 0; i < 500; i++) insert.run(`j-${i}`, i, JSON.stringify({ pad: "p".repeat(200) }));
    raw.close();
    const fd = openSync(db, "r+");
    writeSync(fd, Buffer.alloc(1024, 0xff), 0, 1024, 3 * 4096 + 100);
    closeSync(fd);
    const check = runTessera("store check", ["store", "check", "--db", db]);
    expect(await exited(check)).toBe(1);
    expect(check.output).toMatch(/page \d+|malformed/);
    expect(check.output).toMatch(/restore .* from a backup/);
  }, 60_000);
});

describe("absurd sizes are refused with a message", () => {
  const pods = file(
    "pods.csv",
    "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time\n" +
      "p0,1000,1024,1,500,,LS,Running,0,100,0\n",
  );

  it("tessera simulate: gpu=1e30 and a node list without GPUs", async () => {
    const huge = file("huge.csv", "sn,cpu_milli,memory_mib,gpu,model\nn0,32000,131072,1e30,T4\n");
    const a = runTessera("simulate", ["simulate", "--nodes", huge, "--pods", pods]);
    expect(await exited(a)).not.toBe(0);
    expect(a.output).toMatch(/huge\.csv:2: gpu must be <= 64, got 1e30/);
    const none = file("none.csv", "sn,cpu_milli,memory_mib,gpu,model\nn0,32000,131072,0,\n");
    const b = runTessera("simulate", ["simulate", "--nodes", none, "--pods", pods]);
    expect(await exited(b)).not.toBe(0);
    expect(b.output).toMatch(/none\.csv: no node has a GPU/);
    expect(b.output).not.toMatch(/\n\s+at /);
  }, 60_000);

  it("tessera mig apply: a 2 MB file", async () => {
    const big = file("big.yaml", `version: v1\nmig-configs:\n${"  # padding\n".repeat(200_000)}`);
    const proc = runTessera("mig apply", ["mig", "apply", "-f", big, "-c", "all-1g.10gb"]);
    expect(await exited(proc)).not.toBe(0);
    expect(proc.output).toMatch(/bytes; mig-parted files are a few KiB \(limit 262144\)/);
  }, 60_000);
});
