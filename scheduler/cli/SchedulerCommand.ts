import * as grpc from "@grpc/grpc-js";
import type { Command } from "commander";
import { tesseraV1 } from "../../proto/tessera/TesseraGrpc.ts";
import { attachFinops } from "../finops/SchedulerFinops.ts";
import { clusterServiceHandlers } from "../ha/ClusterStatusService.ts";
import type { startReplicatedScheduler } from "../ha/ReplicatedScheduler.ts";
import { describeStoreLocation } from "../ha/StoreLocation.ts";
import { type Authorizer, schedulerAuthorizer } from "../security/Authorizer.ts";
import { serverCredentials } from "../security/ServerTls.ts";
import type { startHttpEndpoint } from "../service/HttpEndpoint.ts";
import type { Scheduler } from "../service/Scheduler.ts";
import { SchedulerFleetView } from "../service/SchedulerFleetView.ts";
import { type RunningScheduler, startSchedulerServer } from "../service/SchedulerServer.ts";
import type { JobStore } from "../store/JobStore.ts";
import { type SchedulerFlags, type SchedulerSettings, schedulerSettings } from "./SchedulerConfig.ts";

export interface StartedScheduler {
  running: RunningScheduler;
  httpUrl: string | undefined;
  stop(): Promise<void>;
}

/** Starts the one scheduler on its SQLite file (and its HTTP API when `--http` is given) from command-line settings. */
export async function startScheduler(
  flags: SchedulerFlags,
  log: (line: string) => void,
  /**
   * Called as soon as the gRPC API listens; the HTTP API starts once what it returns has settled (`up` starts its
   * agents then, and waits for them: loading fastify blocks the event loop that answers their registration).
   */
  onListening?: (address: string, scheduler: Scheduler) => Promise<void> | void,
): Promise<StartedScheduler> {
  const settings = schedulerSettings(flags);
  if (settings.storeLocation.kind !== "sqlite") {
    throw new Error(
      "this command runs one scheduler on SQLite; `tessera scheduler --store etcd://...` runs replicas",
    );
  }
  let address = "";
  return startSchedulerParts(settings, log, {
    addServices: (server, authorizer) =>
      server.addService(
        tesseraV1().ClusterService.service,
        clusterServiceHandlers(
          async () => ({
            self: address,
            role: "single",
            leader: address,
            followers: [],
            store: describeStoreLocation(settings.storeLocation),
          }),
          authorizer,
        ),
      ),
    started: (a, scheduler) => {
      address = a;
      return onListening?.(a, scheduler);
    },
  });
}

/** The scheduler with its gRPC server, finops and HTTP API; on etcd, the elected leader's (`store`). */
async function startSchedulerParts(
  settings: SchedulerSettings,
  log: (line: string) => void,
  hooks: {
    store?: JobStore;
    addServices: (server: grpc.Server, authorizer: Authorizer) => void;
    started?: (address: string, scheduler: Scheduler) => Promise<void> | void;
  },
): Promise<StartedScheduler> {
  quietFailedBinds();
  let running: RunningScheduler;
  try {
    // Submits wait until every part below has started: a start that fails must not have acknowledged a job.
    running = await startSchedulerServer({
      ...settings,
      log,
      store: hooks.store,
      addServices: hooks.addServices,
      holdSubmits: true,
    });
  } catch (err) {
    throw addressInUse(err as Error, settings.listen, "--listen") ?? err;
  }
  const startedSettled = hooks.started?.(running.address, running.scheduler);
  let finops: ReturnType<typeof attachFinops> | undefined;
  let http: Awaited<ReturnType<typeof startHttpEndpoint>> | undefined;
  try {
    // Utilization history, idle reclaim and cost are kept in the scheduler's store whether or not HTTP is served.
    try {
      finops = attachFinops(
        running.scheduler,
        new SchedulerFleetView(running.scheduler),
        settings.db,
        settings.finops,
        log,
      );
    } catch (err) {
      throw new Error(`cannot open the FinOps tables in ${settings.db}: ${(err as Error).message}`);
    }
    await startedSettled;
    if (settings.http) {
      try {
        // Loaded only now: fastify is not needed before the gRPC API listens and `up`'s agents are on their way.
        const { startHttpEndpoint } = await import("../service/HttpEndpoint.ts");
        http = await startHttpEndpoint(running.scheduler, settings.http, {
          finops: finops.finops,
          token: settings.token,
          tls: settings.tls,
          insecurePlaintext: settings.insecurePlaintext,
          security: running.security,
          publicPaths: settings.httpPublic,
        });
      } catch (err) {
        throw (
          addressInUse(err as Error, settings.http, "--http") ??
          new Error(`cannot start the HTTP API on ${settings.http}: ${(err as Error).message}`)
        );
      }
    }
  } catch (err) {
    finops?.close();
    await running.close();
    throw err;
  }
  running.scheduler.acceptSubmits();
  const openedFinops = finops;
  return {
    running,
    httpUrl: http?.url,
    async stop() {
      // Placing stops first, then the edges; the agents' last reports are still taken until the scheduler closes.
      await running.scheduler.stopPlacing();
      await http?.app.close();
      openedFinops.close();
      await running.close();
    },
  };
}

/** An address taken by another process, said as what to do; undefined for other errors. */
function addressInUse(err: Error, address: string, flag: string): Error | undefined {
  if (!/EADDRINUSE/.test(err.message)) return undefined;
  return new Error(
    `${address} is already in use (is another \`tessera up\` or scheduler running?): stop it, or choose another address with ${flag}`,
  );
}

/**
 * grpc-js logs a failed bind itself ("E No address added out of total 1 resolved") before the scheduler says the
 * same in its own words; drop that one line and keep every other grpc-js log.
 */
function quietFailedBinds(): void {
  grpc.setLogger({
    error: (...args: unknown[]) => {
      if (!/No address added/.test(String(args[0]))) console.error(...args);
    },
  });
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
}

export function registerSchedulerCommands(program: Command): void {
  program
    .command("scheduler")
    .description("run the scheduler: gRPC API, durable job store, placement, agent protocol")
    .option("--config <FILE>", "YAML file with any of the settings below (flags win)")
    .option("--listen <HOST:PORT>", "gRPC listen address (default 127.0.0.1:7070)")
    .option("--http <HOST:PORT>", "also serve the HTTP API, /metrics and the dashboard here")
    .option("--db <FILE>", "SQLite store file (default .tessera/scheduler.db)")
    .option(
      "--store <URL>",
      "job store: sqlite:FILE (= --db FILE, the default) or etcd://HOST:PORT[,HOST:PORT...] (replicas, one leader)",
    )
    .option("--etcd-ca <FILE>", "CA certificate of the etcd members (TLS to etcd)")
    .option("--etcd-cert <FILE>", "client certificate for etcd (with --etcd-key)")
    .option("--etcd-key <FILE>", "client key for etcd (with --etcd-cert)")
    .option("--advertise <HOST:PORT>", "address other schedulers and clients reach this one at (etcd store)")
    .option("--election-ttl <DURATION>", "lease of the leader's election key, whole seconds (default 3s)")
    .option("--lease <DURATION>", "a node without a report for this long is NotReady (default 10s)")
    .option("--heartbeat <DURATION>", "how often agents report (default lease/4)")
    .option(
      "--fencing-timeout <DURATION>",
      "agents stop their jobs after this long without contact; a lost node's jobs are requeued only then (default 5m)",
    )
    .option(
      "--node-expiry <DURATION>",
      "a node whose agent has been gone this long, holding no job, is removed (default 24h)",
    )
    .option("--policy <NAME>", "placement policy of the engine (default tessera)")
    .option("--lost-node-policy <POLICY>", "requeue (default) or fail the jobs of a lost node")
    .option("--token-file <FILE>", "shared token agents and clients must present; required off loopback")
    .option("--credentials <FILE>", "users, roles and tenants (YAML); reloaded when it changes")
    .option(
      "--http-public <PATHS>",
      "HTTP paths served without a token, comma-separated: /healthz, /readyz, /metrics, or none",
    )
    .option("--tls-cert <FILE>", "the scheduler's certificate (PEM) for gRPC and HTTP; see `tessera certs`")
    .option("--tls-key <FILE>", "the private key of --tls-cert (PEM)")
    .option(
      "--tls-ca <FILE>",
      "CA that signs agent certificates: an agent's certificate names its node (mTLS)",
    )
    .option("--insecure-plaintext", "serve without TLS beyond loopback (tokens cross the network in clear)")
    .option(
      "--queues <FILE>",
      "queues, quotas and priority classes (YAML); reloaded on change and by `tessera quota --reload`",
    )
    .action(async (flags: SchedulerFlags) => {
      const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
      let replicated: boolean;
      try {
        replicated = schedulerSettings(flags).storeLocation.kind === "etcd";
      } catch (err) {
        process.stderr.write(`error: ${(err as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      if (replicated) {
        await runReplica(flags, log);
        return;
      }
      let started: StartedScheduler;
      try {
        started = await startScheduler(flags, log);
      } catch (err) {
        process.stderr.write(`error: ${(err as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      log(
        `scheduler listening on ${started.running.address} (gRPC)${started.httpUrl ? `, ${started.httpUrl} (HTTP)` : ""}`,
      );
      const signal = await untilSignal();
      log(`${signal}: shutting down`);
      await started.stop();
    });
}

/**
 * `tessera scheduler --store etcd://...`: one replica. It follows until elected, then leads until stopped; a
 * replica that loses its leadership exits (status 3) so that its supervisor starts it again as a follower.
 */
async function runReplica(flags: SchedulerFlags, log: (line: string) => void): Promise<void> {
  let replica: Awaited<ReturnType<typeof startReplicatedScheduler>>;
  try {
    const settings = schedulerSettings(flags);
    if (settings.storeLocation.kind !== "etcd") throw new Error("expected an etcd:// store");
    // etcd's client is loaded only by the replicated scheduler.
    const { startReplicatedScheduler } = await import("../ha/ReplicatedScheduler.ts");
    replica = await startReplicatedScheduler({
      endpoints: settings.storeLocation.endpoints,
      tls: settings.etcdTls,
      listen: settings.listen,
      advertise: settings.advertise,
      electionTtlSeconds: settings.electionTtlSeconds,
      storeDescription: describeStoreLocation(settings.storeLocation),
      log,
      followerSecurity: {
        transport: serverCredentials(settings.tls),
        authorizer: schedulerAuthorizer({
          token: settings.token,
          credentials: settings.credentials,
          mtls: Boolean(settings.tls?.ca),
          log,
        }).authorizer,
      },
      startLeader: async (store, listen, addServices) => {
        const started = await startSchedulerParts({ ...settings, listen }, log, { store, addServices });
        log(
          `scheduler listening on ${started.running.address} (gRPC) as the leader${started.httpUrl ? `, ${started.httpUrl} (HTTP)` : ""}`,
        );
        return started;
      },
      onDeposed: () => {
        log("exiting: a deposed leader must not act on state etcd may have moved past");
        // Every write is refused from now on; the pause lets the calls just refused get their answer.
        setTimeout(() => process.exit(3), 500);
      },
    });
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const signal = await untilSignal();
  log(`${signal}: shutting down`);
  // The stop ends with a resign, so a follower takes over without waiting for the TTL; the etcd client's streams
  // may outlive it, so the process exits rather than waiting for them (a stop that hangs on etcd gets 5 s).
  await Promise.race([replica.stop(), new Promise((r) => setTimeout(r, 5000).unref())]);
  process.exit(0);
}
