import * as grpc from "@grpc/grpc-js";
import { parseHostPort } from "./SchedulerEndpoint.ts";

/** Trailer key a follower scheduler sets to the leader's address when it refuses a call. */
export const leaderMetadataKey = "tessera-leader";

/** The status a follower answers: UNAVAILABLE, what to do, and the leader's address (when one is known). */
export function followerRefusal(self: string, leader: string | undefined): Partial<grpc.StatusObject> {
  const metadata = new grpc.Metadata();
  if (leader) metadata.set(leaderMetadataKey, leader);
  return {
    code: grpc.status.UNAVAILABLE,
    details: leader
      ? `scheduler ${self} is a follower; the leader is ${leader} (clients given several --scheduler addresses follow it)`
      : `scheduler ${self} is a follower and no scheduler leads right now (election under way, or etcd without quorum); retry`,
    metadata,
  };
}

/** The leader's address a refused call names, if any. */
export function redirectedLeader(error: { metadata?: grpc.Metadata }): string | undefined {
  const value = error.metadata?.get(leaderMetadataKey)[0];
  return value ? String(value) : undefined;
}

/** `--scheduler a:7070,b:7070` (or $TESSERA_SCHEDULER): one or more HOST:PORT, checked. */
export function parseSchedulerAddresses(value: string, what: string): string[] {
  const addresses = value
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a !== "");
  if (addresses.length === 0) throw new Error(`${what} is empty; give HOST:PORT[,HOST:PORT...]`);
  for (const a of addresses) parseHostPort(a, what);
  return addresses;
}

/**
 * Channel options for clients of scheduler replicas: an address that failed (a dead leader) may serve again soon
 * (restarted, or elected), and grpc-js keeps each address's reconnect backoff (up to 120 s) across channels.
 */
export const schedulerReconnectBackoff = {
  "grpc.initial_reconnect_backoff_ms": 100,
  "grpc.max_reconnect_backoff_ms": 1000,
} as const;
