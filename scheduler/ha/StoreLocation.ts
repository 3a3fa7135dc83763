import { parseHostPort } from "../../proto/tessera/SchedulerEndpoint.ts";

/** Where the scheduler keeps its jobs: `--store sqlite:FILE` (= `--db FILE`) or `--store etcd://HOST:PORT,...`. */
export type StoreLocation = { kind: "sqlite"; file: string } | { kind: "etcd"; endpoints: string[] };

export function parseStoreLocation(value: string): StoreLocation {
  if (value.startsWith("sqlite:")) {
    const file = value.slice("sqlite:".length);
    if (!file) throw new Error(`--store "${value}": name the SQLite file, e.g. sqlite:.tessera/scheduler.db`);
    return { kind: "sqlite", file };
  }
  if (value.startsWith("etcd://")) {
    const endpoints = value
      .slice("etcd://".length)
      .split(",")
      .map((e) => e.trim())
      .filter((e) => e !== "");
    if (endpoints.length === 0) throw new Error(`--store "${value}": name at least one etcd HOST:PORT`);
    for (const e of endpoints) parseHostPort(e, `--store etcd endpoint`);
    return { kind: "etcd", endpoints };
  }
  throw new Error(`--store "${value}": use sqlite:FILE or etcd://HOST:PORT[,HOST:PORT...]`);
}

/** The location as `tessera status` shows it (never credentials: TLS files are separate flags). */
export function describeStoreLocation(location: StoreLocation): string {
  return location.kind === "sqlite" ? `sqlite:${location.file}` : `etcd://${location.endpoints.join(",")}`;
}
