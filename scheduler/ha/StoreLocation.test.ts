import { describe, expect, it } from "vitest";
import { schedulerSettings } from "../cli/SchedulerConfig.ts";
import { describeStoreLocation, parseStoreLocation } from "./StoreLocation.ts";

describe("--store", () => {
  it("takes sqlite:FILE and etcd://HOST:PORT,... and says what to fix otherwise", () => {
    expect(parseStoreLocation("sqlite:a/b.db")).toEqual({ kind: "sqlite", file: "a/b.db" });
    const etcd = parseStoreLocation("etcd://10.0.0.1:2379, 10.0.0.2:2379");
    expect(etcd).toEqual({ kind: "etcd", endpoints: ["10.0.0.1:2379", "10.0.0.2:2379"] });
    expect(describeStoreLocation(etcd)).toBe("etcd://10.0.0.1:2379,10.0.0.2:2379");
    expect(() => parseStoreLocation("postgres://x")).toThrow(/use sqlite:FILE or etcd:\/\/HOST:PORT/);
    expect(() => parseStoreLocation("etcd://")).toThrow(/at least one etcd HOST:PORT/);
    expect(() => parseStoreLocation("etcd://host")).toThrow(/is not HOST:PORT/);
    expect(() => parseStoreLocation("sqlite:")).toThrow(/name the SQLite file/);
  });

  it("is --db FILE by default, refuses a --db that contradicts it, and checks the election TTL", () => {
    expect(schedulerSettings({ db: "x.db" }).storeLocation).toEqual({ kind: "sqlite", file: "x.db" });
    expect(() => schedulerSettings({ db: "x.db", store: "sqlite:y.db" })).toThrow(/disagree/);
    const replica = schedulerSettings({ store: "etcd://127.0.0.1:2379", db: "finops.db" });
    expect(replica.storeLocation.kind).toBe("etcd");
    expect(replica.electionTtlSeconds).toBe(3);
    expect(() => schedulerSettings({ store: "etcd://127.0.0.1:2379", electionTtl: "1500ms" })).toThrow(
      /whole seconds, at least 2s/,
    );
  });
});
