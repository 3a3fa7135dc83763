import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Etcd3 } from "etcd3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EtcdCluster } from "../../test/support/EtcdCluster.ts";
import { EtcdJobStore } from "../store/EtcdJobStore.ts";
import type { JobStore } from "../store/JobStore.ts";
import type { LeadershipFence } from "../store/LeadershipFence.ts";
import { SqliteJobStore } from "../store/SqliteJobStore.ts";
import { StoreUnavailable } from "../store/StoreUnavailable.ts";
import { pendingJob as job } from "../store/testing/JobRecordFixture.ts";
import { MemoryJobStore } from "../store/testing/MemoryJobStore.ts";
import { LeaderElection } from "./LeaderElection.ts";

/** A place to keep jobs, and a store on it: `reopen` is a restart (SQLite) or a new leader (etcd). */
interface StoreBackend {
  name: string;
  fresh(): Promise<{ open(): Promise<JobStore> }>;
}

let dir: string;
let cluster: EtcdCluster;
let client: Etcd3;
let fence: LeadershipFence;
let election: LeaderElection;
let prefixes = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tessera-store-"));
  cluster = await EtcdCluster.start(3);
  client = cluster.client();
  election = new LeaderElection(client, { prefix: "/fence/", ttlSeconds: 10, address: "127.0.0.1:1" });
  fence = await election.campaignUntilElected(() => {});
}, 60_000);
afterAll(async () => {
  await election?.resign();
  client?.close();
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const backends: StoreBackend[] = [
  {
    name: "memory",
    async fresh() {
      const store = new MemoryJobStore();
      return { open: async () => store };
    },
  },
  {
    name: "SQLite",
    async fresh() {
      const path = join(dir, `jobs-${++prefixes}.db`);
      return { open: async () => new SqliteJobStore(path) };
    },
  },
  {
    name: "etcd",
    async fresh() {
      const prefix = `/store-${++prefixes}/`;
      return { open: () => EtcdJobStore.open(client, fence, { prefix }) };
    },
  },
];

describe.each(backends)("JobStore contract: $name", (backend) => {
  it("keeps every inserted and updated job across a reopen, in submit order", async () => {
    const place = await backend.fresh();
    const store = await place.open();
    await Promise.all([store.insert(job("a", 1)), store.insert(job("b", 2)), store.insert(job("c", 3))]);
    const b = job("b", 2);
    b.state = "Running";
    await store.update([b]);
    store.close();
    const reopened = await place.open();
    expect(reopened.loadAll().map((j) => [j.id, j.state])).toEqual([
      ["a", "Pending"],
      ["b", "Running"],
      ["c", "Pending"],
    ]);
    expect(reopened.maxSeq()).toBe(3);
    reopened.close();
  });

  it("answers a repeated client request id with the first job, also when both arrive together", async () => {
    const store = await (await backend.fresh()).open();
    const [first, second] = await Promise.all([
      store.insert(job("a", 1, "req-1")),
      store.insert(job("b", 2, "req-1")),
    ]);
    expect([first.deduplicated, second.deduplicated].sort()).toEqual([false, true]);
    expect(second.job.id).toBe(first.job.id);
    store.close();
  });

  it("stores exactly the distinct request ids of any submit sequence", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom("", "r1", "r2", "r3"), { maxLength: 20 }), async (ids) => {
        const place = await backend.fresh();
        const store = await place.open();
        await Promise.all(ids.map((rid, i) => store.insert(job(`j${i}`, i + 1, rid))));
        store.close();
        const reopened = await place.open();
        const expected = ids.filter((r) => r === "").length + new Set(ids.filter((r) => r !== "")).size;
        expect(reopened.loadAll()).toHaveLength(expected);
        reopened.close();
      }),
      { numRuns: 30 },
    );
  });

  it("keeps the last of several updates to one job issued together", async () => {
    const place = await backend.fresh();
    const store = await place.open();
    const a = job("a", 1);
    await store.insert(a);
    await Promise.all(
      (["Scheduled", "Running", "Succeeded"] as const).map((state) => store.update([{ ...a, state }])),
    );
    store.close();
    const reopened = await place.open();
    expect(reopened.loadAll()[0]?.state).toBe("Succeeded");
    reopened.close();
  });
});

describe.each(backends)("audit log contract: $name", (backend) => {
  const entry = (atMs: number, who: string) => ({
    atMs,
    who,
    action: "submit",
    target: `j-${atMs}`,
    detail: "",
  });

  it("keeps entries across a reopen and lists the newest, oldest first, from a time on", async () => {
    const place = await backend.fresh();
    const store = await place.open();
    // Recorded together, as a burst of submits does; two in the same millisecond keep their order.
    await Promise.all(
      [entry(1000, "alice"), entry(2000, "bob"), entry(2000, "carol"), entry(3000, "root")].map((e) =>
        store.recordAudit(e),
      ),
    );
    store.close();
    const reopened = await place.open();
    expect((await reopened.listAudit({ limit: 10 })).map((e) => e.who)).toEqual([
      "alice",
      "bob",
      "carol",
      "root",
    ]);
    expect((await reopened.listAudit({ limit: 2 })).map((e) => e.who)).toEqual(["carol", "root"]);
    expect((await reopened.listAudit({ limit: 10, sinceMs: 2000 })).map((e) => e.who)).toEqual([
      "bob",
      "carol",
      "root",
    ]);
    expect((await reopened.listAudit({ limit: 10 }))[0]).toEqual(entry(1000, "alice"));
    reopened.close();
  });
});

describe("EtcdJobStore fencing", () => {
  it("refuses the writes of a leader whose election key is gone, and says so once", async () => {
    const prefix = `/fenced-${++prefixes}/`;
    const old = new LeaderElection(client, { prefix, ttlSeconds: 10, address: "127.0.0.1:2" });
    const oldFence = await old.campaignUntilElected(() => {});
    const lost: string[] = [];
    const deposed = await EtcdJobStore.open(client, oldFence, {
      prefix,
      onLeadershipLost: (w) => lost.push(w),
    });
    await deposed.insert(job("before", 1));
    // The old leader's key disappears (as when its lease expires) and a successor wins.
    await old.resign();
    const next = new LeaderElection(client, { prefix, ttlSeconds: 10, address: "127.0.0.1:3" });
    const nextFence = await next.campaignUntilElected(() => {});
    await expect(deposed.insert(job("after", 2))).rejects.toBeInstanceOf(StoreUnavailable);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatch(/election key .* is gone/);
    await expect(deposed.insert(job("again", 3))).rejects.toThrow(/no longer the leader/);
    await expect(
      deposed.recordAudit({ atMs: 1, who: "x", action: "submit", target: "t", detail: "" }),
    ).rejects.toThrow(/no longer the leader/);
    const leader = await EtcdJobStore.open(client, nextFence, { prefix });
    expect(leader.loadAll().map((j) => j.id)).toEqual(["before"]);
    await leader.insert(job("by-new-leader", 2));
    await next.resign();
  });
});
