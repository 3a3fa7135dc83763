import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type SchedulerProcess, startSchedulerProcess } from "./TesseraProcesses.ts";

/**
 * `tessera scheduler --store etcd://...` replica in its own directory (its finops SQLite file), on a port chosen
 * at run time (or `port`, to bring a replica back where clients know it). Resolves once it listens as a follower.
 */
export async function startReplica(
  dir: string,
  name: string,
  storeUrl: string,
  options: { port?: number; lease?: string; electionTtl?: string } = {},
): Promise<SchedulerProcess> {
  const replicaDir = join(dir, name);
  mkdirSync(replicaDir, { recursive: true });
  return startSchedulerProcess(replicaDir, {
    port: options.port,
    lease: options.lease ?? "30s",
    heartbeat: "1s",
    extra: ["--store", storeUrl, "--election-ttl", options.electionTtl ?? "2s"],
  });
}

/** Whether the replica printed that it won the election (each start of a process counts once). */
export function isLeader(replica: SchedulerProcess): boolean {
  return replica.process.running && /elected leader/.test(replica.process.output);
}
