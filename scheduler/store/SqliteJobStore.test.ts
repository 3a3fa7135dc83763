import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import type { JobRecord } from "./JobRecord.ts";
import { SqliteJobStore } from "./SqliteJobStore.ts";

const dirs: string[] = [];
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), "tessera-store-"));
  dirs.push(dir);
  return join(dir, "jobs.db");
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function job(id: string, seq: number, clientRequestId = ""): JobRecord {
  return {
    id,
    seq,
    clientRequestId,
    spec: {
      name: `job-${id}`,
      tenant: "default",
      queue: "default",
      priority: 0,
      kind: "batch",
      request: { shape: { kind: "mig", profile: "1g.10gb" }, models: [], cpuMillis: 0, memoryMiB: 0 },
      command: ["true"],
      env: {},
      workdir: "",
    },
    state: "Pending",
    reason: "",
    allocations: [],
    attempt: 0,
    exitCode: null,
    logNode: "",
    logPath: "",
    startedMs: 0,
    finishedMs: 0,
    visibleDevices: "",
    createdMs: 1,
    updatedMs: 1,
    transitions: [{ from: "", to: "Pending", atMs: 1, reason: "submitted" }],
  };
}

describe("SqliteJobStore", () => {
  it("keeps every inserted and updated job across a reopen, in submit order", async () => {
    const path = tempDb();
    const store = new SqliteJobStore(path);
    await Promise.all([store.insert(job("a", 1)), store.insert(job("b", 2)), store.insert(job("c", 3))]);
    const b = job("b", 2);
    b.state = "Running";
    await store.update([b]);
    store.close();
    const reopened = new SqliteJobStore(path);
    expect(reopened.loadAll().map((j) => [j.id, j.state])).toEqual([
      ["a", "Pending"],
      ["b", "Running"],
      ["c", "Pending"],
    ]);
    expect(reopened.maxSeq()).toBe(3);
    reopened.close();
  });

  it("answers a repeated client request id with the first job, also within one batch", async () => {
    const store = new SqliteJobStore(tempDb());
    const [first, second] = await Promise.all([
      store.insert(job("a", 1, "req-1")),
      store.insert(job("b", 2, "req-1")),
    ]);
    expect(first.deduplicated).toBe(false);
    expect(second.deduplicated).toBe(true);
    expect(second.job.id).toBe("a");
    expect(store.loadAll()).toHaveLength(1);
    store.close();
  });

  it("stores exactly the distinct request ids of any submit sequence", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom("", "r1", "r2", "r3"), { maxLength: 20 }), async (ids) => {
        const store = new SqliteJobStore(":memory:");
        await Promise.all(ids.map((rid, i) => store.insert(job(`j${i}`, i + 1, rid))));
        const stored = store.loadAll();
        const expected = ids.filter((r) => r === "").length + new Set(ids.filter((r) => r !== "")).size;
        expect(stored).toHaveLength(expected);
        store.close();
      }),
      { numRuns: 30 },
    );
  });
  it("lets a batch of only updates wait for a submit, which commits both at once", async () => {
    const store = new SqliteJobStore(tempDb(), 300);
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
    const store = new SqliteJobStore(path, 60_000);
    const a = job("a", 1);
    await store.insert(a);
    const updated = store.update([{ ...a, state: "Running" }]);
    store.close();
    await updated;
    const reopened = new SqliteJobStore(path);
    expect(reopened.loadAll()[0]?.state).toBe("Running");
    reopened.close();
  });
});
