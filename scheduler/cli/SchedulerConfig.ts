import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { readTokenFile } from "../../proto/tessera/SchedulerEndpoint.ts";
import { readTlsMaterial, type TlsFlags, type TlsMaterial } from "../../proto/tessera/TlsFiles.ts";
import { isPolicyName, type PolicyName, policyNames } from "../engine/PolicyRegistry.ts";
import { type FinopsSettings, parseDuration, parseFinopsSettings } from "../finops/FinopsConfig.ts";
import type { EtcdTlsFiles } from "../ha/EtcdConnection.ts";
import { parseStoreLocation, type StoreLocation } from "../ha/StoreLocation.ts";
import type { LostNodePolicy } from "../service/Scheduler.ts";

/** `tessera scheduler` settings, from flags or a YAML file with the same names (flags win). */
export interface SchedulerFlags extends TlsFlags {
  config?: string;
  /** Serve plaintext beyond loopback on purpose (`--insecure-plaintext`). */
  insecurePlaintext?: boolean | string;
  listen?: string;
  http?: string;
  db?: string;
  /** `sqlite:FILE` (= --db FILE) or `etcd://HOST:PORT[,HOST:PORT...]` (replicated schedulers, leader election). */
  store?: string;
  etcdCa?: string;
  etcdCert?: string;
  etcdKey?: string;
  /** Address the other schedulers and clients reach this one at (etcd store; default: the listen address). */
  advertise?: string;
  /** Lease TTL of the leader's election key (etcd store). */
  electionTtl?: string;
  lease?: string;
  heartbeat?: string;
  /** How long a lost node's jobs wait before they are requeued (its agent stops them by then). */
  fencingTimeout?: string;
  /** A node whose agent has been gone this long, holding no job, is removed. */
  nodeExpiry?: string;
  policy?: string;
  lostNodePolicy?: string;
  tokenFile?: string;
  /** Users, roles and tenants (YAML); see docs/service.md. */
  credentials?: string;
  /** HTTP paths served without a token (default /healthz and /readyz). */
  httpPublic?: string[] | string;
  /** Queue config file (queues, quotas, priority classes); see docs/queueing.md. */
  queues?: string;
  /** The config file's `finops` section (utilization history, idle reclaim, prices); only from the file. */
  finops?: unknown;
}

export interface SchedulerSettings {
  listen: string;
  http: string | undefined;
  db: string;
  storeLocation: StoreLocation;
  etcdTls: EtcdTlsFiles;
  advertise: string | undefined;
  electionTtlSeconds: number;
  leaseMs: number;
  heartbeatMs: number;
  fencingTimeoutMs: number;
  nodeExpiryMs: number;
  policy: PolicyName;
  lostNodePolicy: LostNodePolicy;
  token: string | undefined;
  credentials: string | undefined;
  httpPublic: string[];
  tls: TlsMaterial | undefined;
  insecurePlaintext: boolean;
  finops: FinopsSettings;
  queues: string | undefined;
}

const configKeys = [
  "listen",
  "http",
  "db",
  "store",
  "etcdCa",
  "etcdCert",
  "etcdKey",
  "advertise",
  "electionTtl",
  "lease",
  "heartbeat",
  "fencingTimeout",
  "nodeExpiry",
  "policy",
  "lostNodePolicy",
  "tokenFile",
  "credentials",
  "httpPublic",
  "queues",
  "tlsCert",
  "tlsKey",
  "tlsCa",
  "insecurePlaintext",
  "finops",
] as const;

function readConfig(path: string): SchedulerFlags {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, "utf8"));
  } catch (err) {
    throw new Error(`cannot read the config file ${path}: ${(err as Error).message}`);
  }
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== "object" || Array.isArray(raw))
    throw new Error(`${path}: expected a mapping of settings`);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(configKeys as readonly string[]).includes(key)) {
      throw new Error(`${path}: unknown setting "${key}"; known: ${configKeys.join(", ")}`);
    }
    out[key] = key === "finops" ? value : String(value);
  }
  return out as SchedulerFlags;
}

export function schedulerSettings(flags: SchedulerFlags): SchedulerSettings {
  const file = flags.config ? readConfig(flags.config) : {};
  const pick = <K extends keyof SchedulerFlags>(k: K) => flags[k] ?? file[k];
  const policy = pick("policy") ?? "tessera";
  if (!isPolicyName(policy)) throw new Error(`--policy "${policy}" is not one of ${policyNames.join(", ")}`);
  const lost = pick("lostNodePolicy") ?? "requeue";
  if (lost !== "requeue" && lost !== "fail")
    throw new Error(`--lost-node-policy "${lost}": use requeue or fail`);
  const leaseMs = parseDuration(pick("lease") ?? "10s", "--lease");
  const heartbeatMs = parseDuration(
    pick("heartbeat") ?? `${Math.max(100, Math.floor(leaseMs / 4))}ms`,
    "--heartbeat",
  );
  if (heartbeatMs * 2 > leaseMs) {
    throw new Error(
      `--heartbeat ${heartbeatMs} ms must be at most half of --lease ${leaseMs} ms, or agents lose leases on one late report`,
    );
  }
  const fencingTimeoutMs = parseDuration(pick("fencingTimeout") ?? "5m", "--fencing-timeout");
  if (fencingTimeoutMs < heartbeatMs * 2) {
    throw new Error(
      `--fencing-timeout ${fencingTimeoutMs} ms must be at least two heartbeats (${heartbeatMs * 2} ms), or agents stop their jobs on a late message`,
    );
  }
  const nodeExpiryMs = parseDuration(pick("nodeExpiry") ?? "24h", "--node-expiry");
  if (nodeExpiryMs < leaseMs) {
    throw new Error(
      `--node-expiry ${nodeExpiryMs} ms must be at least --lease ${leaseMs} ms: a node is removed only once it is gone`,
    );
  }
  const tokenFile = pick("tokenFile");
  const db = pick("db");
  const store = parseStoreLocation(pick("store") ?? `sqlite:${db ?? ".tessera/scheduler.db"}`);
  if (db !== undefined && store.kind === "sqlite" && store.file !== db) {
    throw new Error(
      `--db ${db} and --store ${pick("store")} disagree: give one (--db FILE is --store sqlite:FILE)`,
    );
  }
  const electionTtlMs = parseDuration(pick("electionTtl") ?? "3s", "--election-ttl");
  if (electionTtlMs < 2000 || electionTtlMs % 1000 !== 0) {
    throw new Error(
      `--election-ttl ${electionTtlMs} ms: use whole seconds, at least 2s (etcd leases count seconds)`,
    );
  }
  return {
    listen: pick("listen") ?? "127.0.0.1:7070",
    http: pick("http"),
    // The SQLite file; with an etcd store it keeps only this replica's finops history.
    db: store.kind === "sqlite" ? store.file : (db ?? ".tessera/scheduler.db"),
    storeLocation: store,
    etcdTls: { ca: pick("etcdCa"), cert: pick("etcdCert"), key: pick("etcdKey") },
    advertise: pick("advertise"),
    electionTtlSeconds: electionTtlMs / 1000,
    leaseMs,
    heartbeatMs,
    fencingTimeoutMs,
    nodeExpiryMs,
    policy,
    lostNodePolicy: lost,
    token: tokenFile ? readTokenFile(tokenFile) : undefined,
    credentials: pick("credentials"),
    httpPublic: httpPublicPaths(pick("httpPublic")),
    tls: readTlsMaterial({ tlsCert: pick("tlsCert"), tlsKey: pick("tlsKey"), tlsCa: pick("tlsCa") }),
    insecurePlaintext: String(pick("insecurePlaintext") ?? false) === "true",
    finops: finopsSettings(file.finops, flags.config),
    queues: pick("queues"),
  };
}

function httpPublicPaths(raw: string[] | string | undefined): string[] {
  if (raw === undefined) return ["/healthz", "/readyz"];
  const paths = (Array.isArray(raw) ? raw : raw.split(",")).map((p) => p.trim()).filter((p) => p !== "none");
  for (const path of paths) {
    if (!["/healthz", "/readyz", "/metrics"].includes(path)) {
      throw new Error(
        `--http-public "${path.slice(0, 40)}": only /healthz, /readyz and /metrics can be public`,
      );
    }
  }
  return paths;
}

function finopsSettings(raw: unknown, file: string | undefined): FinopsSettings {
  try {
    return parseFinopsSettings(raw);
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}
