import type * as grpc from "@grpc/grpc-js";
import type { ClusterStatus } from "../../proto/generated/tessera/v1/ClusterStatus.ts";
import { parseHostPort } from "../../proto/tessera/SchedulerEndpoint.ts";
import { tesseraV1 } from "../../proto/tessera/TesseraGrpc.ts";
import type { Authorizer } from "../security/Authorizer.ts";
import { EtcdJobStore } from "../store/EtcdJobStore.ts";
import type { JobStore } from "../store/JobStore.ts";
import { clusterServiceHandlers } from "./ClusterStatusService.ts";
import { connectEtcd, type EtcdTlsFiles } from "./EtcdConnection.ts";
import { type FollowerServer, startFollowerServer } from "./FollowerServer.ts";
import { LeaderElection } from "./LeaderElection.ts";

/** The scheduler proper, started once this replica leads (the composition root wires it: gRPC, HTTP, finops). */
export type StartLeader = (
  store: JobStore,
  listen: string,
  addServices: (server: grpc.Server, authorizer: Authorizer) => void,
) => Promise<{ stop(): Promise<void> }>;

export interface ReplicatedSchedulerOptions {
  endpoints: readonly string[];
  tls: EtcdTlsFiles;
  /** gRPC listen address; port 0 picks one, kept when this replica turns leader. */
  listen: string;
  /** Address announced to the others and to clients (default: the bound listen address). */
  advertise: string | undefined;
  electionTtlSeconds: number;
  /** `tessera status`'s store line. */
  storeDescription: string;
  startLeader: StartLeader;
  /** What the follower serves with: the scheduler's TLS and caller checks. */
  followerSecurity: { transport: grpc.ServerCredentials; authorizer: Authorizer };
  log: (line: string) => void;
  /**
   * This replica led and no longer may (its lease expired or a write was refused): its in-memory state may be
   * behind etcd's, so it must stop; the CLI exits and lets its supervisor start it again as a follower.
   */
  onDeposed: (why: string) => void;
}

export interface ReplicatedScheduler {
  address: string;
  /** Resolves when this replica becomes the leader. */
  elected: Promise<void>;
  stop(): Promise<void>;
}

const etcdReadTimeoutMs = 2000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${what}: etcd did not answer in ${etcdReadTimeoutMs} ms`)),
        etcdReadTimeoutMs,
      ).unref(),
    ),
  ]);
}

/**
 * One scheduler replica on etcd: it serves as a follower (refusing with the leader's address) while it campaigns;
 * once elected it reads every job from etcd into a fresh scheduler whose writes are fenced on its leadership.
 * Agents reconnect to it and report their running jobs, which it adopts (nothing restarted by the failover).
 */
export async function startReplicatedScheduler(
  options: ReplicatedSchedulerOptions,
): Promise<ReplicatedScheduler> {
  const listen = parseHostPort(options.listen, "--listen");
  const client = connectEtcd(options.endpoints, options.tls);
  let self = options.advertise ?? "";
  let role: "follower" | "leader" = "follower";
  let stopped = false;
  let leader: { stop(): Promise<void> } | undefined;
  let election: LeaderElection | undefined;
  let deposed = false;

  const status = async (): Promise<ClusterStatus> => {
    const current =
      election ?? new LeaderElection(client, { ttlSeconds: options.electionTtlSeconds, address: self });
    const [leaderAddress, candidates] = await withTimeout(
      Promise.all([current.leader(), current.candidates()]),
      "cluster status",
    );
    return {
      self,
      role,
      leader: leaderAddress ?? "",
      followers: candidates.filter((c) => c !== leaderAddress),
      store: options.storeDescription,
    };
  };
  const leaderAddress = async () =>
    election ? withTimeout(election.leader(), "leader lookup") : Promise.resolve(undefined);

  let follower: FollowerServer | undefined = await startFollowerServer(
    listen,
    () => self,
    leaderAddress,
    status,
    options.followerSecurity,
  );
  const address = follower.address;
  self ||= address;
  const bound = parseHostPort(address, "bound address");

  let store: EtcdJobStore | undefined;
  const depose = (why: string) => {
    if (deposed || stopped) return;
    deposed = true;
    store?.loseLeadership(why);
    options.log(`scheduler ${self}: no longer the leader: ${why}`);
    options.onDeposed(why);
  };

  const campaign = async (): Promise<void> => {
    for (;;) {
      if (stopped) return new Promise(() => {});
      election = new LeaderElection(client, { ttlSeconds: options.electionTtlSeconds, address: self });
      try {
        const fence = await election.campaignUntilElected((why) => depose(why));
        options.log(
          `scheduler ${self}: elected leader (election key ${fence.key}, create revision ${fence.createRevision})`,
        );
        const leaderStore = await EtcdJobStore.open(client, fence, {
          onLeadershipLost: (why) => depose(why),
        });
        store = leaderStore;
        await follower?.close();
        follower = undefined;
        role = "leader";
        leader = await options.startLeader(leaderStore, `${bound.host}:${bound.port}`, (server, authorizer) =>
          server.addService(tesseraV1().ClusterService.service, clusterServiceHandlers(status, authorizer)),
        );
        options.log(`scheduler ${self}: leading with ${leaderStore.loadAll().length} job(s) read from etcd`);
        return;
      } catch (err) {
        if (role === "leader") {
          depose(`could not start as the leader: ${(err as Error).message}`);
          return;
        }
        options.log(
          `scheduler ${self}: election attempt failed (${(err as Error).message}); retrying in 1 s`,
        );
        await election.resign().catch(() => {});
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  };
  const elected = campaign();
  options.log(
    `scheduler listening on ${address} (gRPC) as a follower; campaigning for leader in etcd ${options.storeDescription}`,
  );

  return {
    address,
    elected,
    async stop() {
      stopped = true;
      await leader?.stop();
      await follower?.close();
      // Hand leadership over now instead of after the lease TTL.
      await withTimeout(election?.resign() ?? Promise.resolve(), "resign").catch(() => {});
      client.close();
    },
  };
}
