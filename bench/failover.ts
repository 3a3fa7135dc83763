/**
 * Failover benchmark (`npm run bench -- failover`): 3 etcd members and 2 `tessera scheduler --store etcd://`
 * replicas on loopback. 10 times: SIGKILL the leader while a client submits, and time from the kill to the first
 * submit the new leader acknowledges (one sent after the kill); the killed replica comes back as a follower.
 * Then durable submits/s through etcd beside SQLite's (same clients and load as the service benchmark).
 * Writes bench/results/failover.json.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SchedulerCluster } from "../scheduler/cli/SchedulerCluster.ts";
import { percentile } from "../scheduler/simulator/Percentile.ts";
import { EtcdCluster } from "../test/support/EtcdCluster.ts";
import { type ServiceBenchOptions, stopScheduler, submitBench } from "./service.ts";

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "..", "bin", "tessera.js");

interface Replica {
  child: ChildProcess;
  address: string;
  output: string;
  /** performance.now() when it printed that it won the election. */
  electedAt: number;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** A replica with default election settings; resolves once it listens (as a follower). */
function startReplica(dir: string, storeUrl: string, port = 0, extra: string[] = []): Promise<Replica> {
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      cli,
      "scheduler",
      "--listen",
      `127.0.0.1:${port}`,
      // With etcd, --db keeps only this replica's finops history; with SQLite the store is the file.
      ...(storeUrl.startsWith("etcd://") ? ["--db", join(dir, "finops.db")] : []),
      "--store",
      storeUrl,
      ...extra,
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const replica: Replica = { child, address: "", output: "", electedAt: 0 };
  return new Promise((resolve, reject) => {
    child.stderr?.on("data", (d: Buffer) => {
      replica.output += d.toString();
      if (!replica.electedAt && /elected leader/.test(replica.output)) replica.electedAt = performance.now();
      const m = /listening on (\S+) \(gRPC\)/.exec(replica.output);
      if (m && !replica.address) {
        replica.address = m[1]!;
        resolve(replica);
      }
    });
    child.on("exit", () => reject(new Error(`scheduler exited:\n${replica.output}`)));
  });
}

const leads = (r: Replica) =>
  r.child.exitCode === null && r.child.signalCode === null && /elected leader/.test(r.output);

async function until<T>(what: string, check: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Seconds from the kill to the new leader's election, and to its first accepted submit. */
async function killAndMeasure(
  dir: string,
  etcd: EtcdCluster,
  replicas: Replica[],
  round: number,
): Promise<{ elected: number; accepted: number }> {
  const old = await until("a leader", () => replicas.find(leads));
  const cluster = new SchedulerCluster(
    replicas.map((r) => r.address),
    undefined,
    1000,
  );
  await cluster.withLeader((c) => c.list({ pageSize: 1 }), 10_000);
  let killedAt = 0;
  let firstAck = 0;
  let n = 0;
  const submitter = async () => {
    while (!firstAck) {
      const sentAt = performance.now();
      const rid = `failover-${round}-${n++}`;
      try {
        await cluster.withLeader(
          (c) => c.submit({ name: rid, request: { mig: { profile: "1g.10gb" } }, command: ["true"] }, rid),
          30_000,
        );
        if (killedAt && sentAt > killedAt && !firstAck) firstAck = performance.now();
      } catch {
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  const load = Promise.all([submitter(), submitter()]);
  await new Promise((r) => setTimeout(r, 500));
  killedAt = performance.now();
  old.child.kill("SIGKILL");
  await load;
  cluster.close();
  const successor = await until("the new leader", () => replicas.find((r) => r !== old && r.electedAt > 0));
  const seconds = {
    elected: (successor.electedAt - killedAt) / 1000,
    accepted: (firstAck - killedAt) / 1000,
  };
  // The killed replica comes back on its port as a follower, so the next round has two candidates again.
  const at = replicas.indexOf(old);
  const port = Number(old.address.split(":").at(-1));
  replicas[at] = await startReplica(join(dir, `r${at}-${round}`), etcd.storeUrl, port);
  return seconds;
}

async function durableSubmits(address: string, pid: number, o: ServiceBenchOptions) {
  return submitBench(address, pid, o);
}

export async function runFailoverBench(kills = 10): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "tessera-failover-"));
  const etcd = await EtcdCluster.start(3);
  const replicas: Replica[] = [];
  try {
    replicas.push(
      await startReplica(join(dir, "r0"), etcd.storeUrl),
      await startReplica(join(dir, "r1"), etcd.storeUrl),
    );
    const seconds: number[] = [];
    const electedSeconds: number[] = [];
    for (let round = 0; round < kills; round++) {
      const s = await killAndMeasure(dir, etcd, replicas, round);
      log(
        `  kill ${round + 1}/${kills}: new leader elected after ${s.elected.toFixed(2)} s, first accepted submit after ${s.accepted.toFixed(2)} s`,
      );
      seconds.push(s.accepted);
      electedSeconds.push(s.elected);
    }
    const sorted = [...seconds].sort((a, b) => a - b);
    const failover = {
      kills,
      electionTtlSeconds: 3,
      p50Seconds: Math.round(percentile(sorted, 0.5) * 100) / 100,
      maxSeconds: Math.round((sorted.at(-1) ?? Number.NaN) * 100) / 100,
      seconds: seconds.map((s) => Math.round(s * 100) / 100),
      electedSeconds: electedSeconds.map((s) => Math.round(s * 100) / 100),
    };
    log(`failover: p50 ${failover.p50Seconds} s, max ${failover.maxSeconds} s over ${kills} kills`);

    const load: ServiceBenchOptions = { submits: 5000, concurrency: 64, clients: 4, agents: 0, seconds: 0 };
    const lead = await until("a leader", () => replicas.find(leads));
    const etcdSubmits = await durableSubmits(lead.address, lead.child.pid!, load);
    log(
      `etcd: ${etcdSubmits.jobsPerSecond} durable submits/s, p50 ${etcdSubmits.p50Ms} ms, p99 ${etcdSubmits.p99Ms} ms`,
    );
    for (const r of replicas) await stopScheduler(r);
    const single = await startReplica(join(dir, "sqlite"), `sqlite:${join(dir, "sqlite", "jobs.db")}`);
    const sqliteSubmits = await durableSubmits(single.address, single.child.pid!, load);
    log(
      `SQLite: ${sqliteSubmits.jobsPerSecond} durable submits/s, p50 ${sqliteSubmits.p50Ms} ms, p99 ${sqliteSubmits.p99Ms} ms`,
    );
    await stopScheduler(single);

    const report = {
      when: new Date().toISOString(),
      machine: { cpus: availableParallelism(), loadAverage1m: loadavg()[0] },
      failover,
      durableSubmits: { etcd: etcdSubmits, sqlite: sqliteSubmits },
    };
    const file = join(here, "results", "failover.json");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${file}`);
    return report;
  } finally {
    for (const r of replicas) if (r.child.exitCode === null) r.child.kill("SIGKILL");
    await etcd.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
