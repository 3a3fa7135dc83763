import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { SqliteJobStore } from "./SqliteJobStore.ts";
import { pendingJob } from "./testing/JobRecordFixture.ts";

const dirs: string[] = [];
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), "tessera-store-"));
  dirs.push(dir);
  return join(dir, "jobs.db");
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const job = pendingJob;

/** What only SQLite does; the contract every store keeps is in JobStoreContract.test.ts. */
describe("SqliteJobStore", () => {
  it("lets a batch of only updates wait for a submit, which commits both at once", async () => {
    const store = new SqliteJobStore(tempDb(), { updateDelayMs: 300 });
    const a = job("a", 1);
    await store.insert(a);
    let t = performance.now();
    await store.update([{ ...a, state: "Cancelled" }]);
    // Alone, an update waits its delay (timers may fire a little early).
    expect(performance.now() - t).toBeGreaterThanOrEqual(250);
    t = performance.now();
    const updated = store.update([{ ...a, reason: "queued" }]);
    await store.insert(job("b", 2));
    await updated;
    // The insert did not wait, and it took the update into its commit.
    expect(performance.now() - t).toBeLessThan(250);
    expect(store.loadAll().map((j) => [j.id, j.state, j.reason])).toEqual([
      ["a", "Pending", "queued"],
      ["b", "Pending", ""],
    ]);
    store.close();
  });

  it("commits a waiting update on close", async () => {
    const path = tempDb();
    const store = new SqliteJobStore(path, { updateDelayMs: 60_000 });
    const a = job("a", 1);
    await store.insert(a);
    const updated = store.update([{ ...a, state: "Running" }]);
    store.close();
    await updated;
    const reopened = new SqliteJobStore(path);
    expect(reopened.loadAll()[0]?.state).toBe("Running");
    reopened.close();
  });

  it("takes writes that arrive while a commit's fsync runs into the next commit, keeping every one and dedup", async () => {
    const path = tempDb();
    const store = new SqliteJobStore(path);
    const results: Array<Promise<{ job: { id: string }; deduplicated: boolean }>> = [];
    // Ten turns of submits: after the first, each turn's writes find the previous commit's fsync in flight.
    for (let turn = 0; turn < 10; turn++) {
      for (let k = 0; k < 20; k++) {
        const seq = turn * 20 + k + 1;
        results.push(store.insert(job(`j${seq}`, seq, `r${seq}`)));
      }
      // The same request id twice in one turn, and again in a later turn: one job, the first.
      results.push(store.insert(job(`dup${turn}`, 1000 + turn, "r1")));
      await new Promise((r) => setImmediate(r));
    }
    const settled = await Promise.all(results);
    expect(settled.filter((r) => !r.deduplicated)).toHaveLength(200);
    for (const r of settled.filter((r) => r.deduplicated)) expect(r.job.id).toBe("j1");
    store.close();
    const reopened = new SqliteJobStore(path);
    expect(reopened.loadAll().map((j) => j.id)).toEqual(Array.from({ length: 200 }, (_, i) => `j${i + 1}`));
    reopened.close();
  });

  it("keeps the WAL bounded: checkpoints on a worker copy it into the file, and commits start it over", async () => {
    const path = tempDb();
    const store = new SqliteJobStore(path, { checkpointEveryMs: 0 });
    // 40 commits of 25 jobs with a 4 KiB environment each: about 4 MiB through the WAL.
    const big = { ...job("x", 0).spec, env: { PAD: "x".repeat(4096) } };
    const walSizes: number[] = [];
    for (let c = 0; c < 40; c++) {
      const commit = Array.from({ length: 25 }, (_, k) => {
        const seq = c * 25 + k + 1;
        return store.insert({ ...job(`j${seq}`, seq), spec: big });
      });
      await Promise.all(commit);
      const result = await store.checkpoints?.settled();
      // Each checkpoint copied every frame there was: no reader or writer held it back.
      if (result) expect(result.checkpointed).toBe(result.walFrames);
      walSizes.push(statSync(`${path}-wal`).size);
    }
    // One commit's pages (about 30 pages of 4 KiB) and the next: far below the 4 MiB written.
    expect(Math.max(...walSizes)).toBeLessThan(512 * 1024);
    store.close();
    const reopened = new SqliteJobStore(path);
    expect(reopened.loadAll()).toHaveLength(1000);
    reopened.close();
  });

  it("leaves checkpoints to the worker: a commit on the scheduler's connection copies nothing", async () => {
    const path = tempDb();
    // A checkpoint at most once a minute: the first commit starts one, later ones leave the WAL to grow.
    const store = new SqliteJobStore(path, { checkpointEveryMs: 60_000 });
    await store.insert(job("a", 1));
    await store.checkpoints?.settled();
    const big = { ...job("x", 0).spec, env: { PAD: "x".repeat(4096) } };
    for (let first = 2; first <= 1500; first += 100) {
      const seqs = Array.from({ length: Math.min(100, 1501 - first) }, (_, k) => first + k);
      await Promise.all(seqs.map((seq) => store.insert({ ...job(`j${seq}`, seq), spec: big })));
    }
    // SQLite's automatic checkpoint (at 1,000 pages) would have started the WAL over long before 6 MiB.
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(6 * 1024 * 1024);
    const reader = new Database(path, { readonly: true });
    expect((reader.prepare("SELECT COUNT(*) AS n FROM jobs").get() as { n: number }).n).toBe(1500);
    reader.close();
    store.close();
  });
});
