import { timingSafeEqual } from "node:crypto";
import * as grpc from "@grpc/grpc-js";
import { tolerant } from "../../proto/MalformedRequest.ts";
import { isLoopbackHost, parseHostPort } from "../../proto/tessera/SchedulerEndpoint.ts";
import { tesseraV1 } from "../../proto/tessera/TesseraGrpc.ts";
import { createPolicy, type PolicyName } from "../engine/PolicyRegistry.ts";
import { QueueConfigFile } from "../queue/QueueConfigFile.ts";
import type { JobStore } from "../store/JobStore.ts";
import { SqliteJobStore } from "../store/SqliteJobStore.ts";
import {
  capacityServiceHandlers,
  jobServiceHandlers,
  nodeServiceHandlers,
  queueServiceHandlers,
} from "./GrpcServices.ts";
import { QueueControl } from "./QueueControl.ts";
import { type LostNodePolicy, Scheduler } from "./Scheduler.ts";
import { ServiceError } from "./ServiceError.ts";

export interface SchedulerServerOptions {
  /** gRPC listen address HOST:PORT; port 0 picks a free one. */
  listen: string;
  /** SQLite file (used when `store` is not given). */
  db: string;
  /** HA hook: the job store to use instead of the SQLite file (the elected leader's fenced EtcdJobStore). */
  store?: JobStore;
  /** HA hook: adds services every scheduler serves beside the scheduler's own (ClusterService). */
  addServices?: (server: grpc.Server) => void;
  policy: PolicyName;
  leaseMs: number;
  heartbeatMs: number;
  /** See SchedulerOptions.fencingTimeoutMs; 5 minutes when absent. */
  fencingTimeoutMs?: number;
  lostNodePolicy: LostNodePolicy;
  /** Shared token agents and clients must present; required to listen beyond loopback. */
  token?: string;
  /** Largest request accepted, bytes. */
  maxMessageBytes?: number;
  /** Queue config file; without it every queue is unlimited. */
  queues?: string | undefined;
  log?: (line: string) => void;
}

export interface RunningScheduler {
  scheduler: Scheduler;
  /** The bound gRPC address, HOST:PORT. */
  address: string;
  close(): Promise<void>;
}

/** Starts the scheduler with its store (SQLite unless `store` is given) behind a gRPC server. */
export async function startSchedulerServer(options: SchedulerServerOptions): Promise<RunningScheduler> {
  const { host, port } = parseHostPort(options.listen, "--listen");
  if (!isLoopbackHost(host) && !options.token) {
    throw new Error(
      `refusing to listen on ${options.listen} without a token: anyone who can reach it could run commands on ` +
        "your GPU nodes. Pass --token-file FILE (the same file to agents and clients), or listen on 127.0.0.1.",
    );
  }
  // A bad queue file stops the start with every line and reason, before anything listens.
  const queueFile = options.queues ? QueueConfigFile.open(options.queues) : undefined;
  const store = options.store ?? new SqliteJobStore(options.db);
  const scheduler = new Scheduler({
    queues: queueFile?.config,
    store,
    policy: () => createPolicy(options.policy),
    leaseMs: options.leaseMs,
    heartbeatMs: options.heartbeatMs,
    fencingTimeoutMs: options.fencingTimeoutMs,
    lostNodePolicy: options.lostNodePolicy,
    log: options.log,
  });
  const expected = options.token ? Buffer.from(`Bearer ${options.token}`) : undefined;
  const authorize = (metadata: grpc.Metadata): ServiceError | undefined => {
    if (!expected) return undefined;
    const given = Buffer.from(String(metadata.get("authorization")[0] ?? ""));
    if (given.length === expected.length && timingSafeEqual(given, expected)) return undefined;
    return new ServiceError(
      grpc.status.UNAUTHENTICATED,
      "missing or wrong token: pass --token-file with the scheduler's token file",
    );
  };
  const maxBytes = options.maxMessageBytes ?? 4 * 1024 * 1024;
  const server = new grpc.Server({
    "grpc.max_receive_message_length": maxBytes,
    "grpc.keepalive_permit_without_calls": 1,
  });
  const v1 = tesseraV1();
  // Undecodable requests reach the handlers, which answer INVALID_ARGUMENT instead of grpc-js's INTERNAL.
  server.addService(tolerant(v1.JobService.service), jobServiceHandlers(scheduler, authorize));
  server.addService(tolerant(v1.NodeService.service), nodeServiceHandlers(scheduler, authorize));
  server.addService(tolerant(v1.CapacityService.service), capacityServiceHandlers(scheduler, authorize));
  server.addService(
    tolerant(v1.QueueService.service),
    queueServiceHandlers(new QueueControl(scheduler.queue, queueFile), authorize),
  );
  options.addServices?.(server);
  queueFile?.follow(
    (config) => scheduler.queue.reload(config),
    (line) => options.log?.(line),
  );
  const bindHost = host.includes(":") ? `[${host}]` : host;
  const boundPort = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${bindHost}:${port}`, grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(new Error(`cannot listen on ${options.listen}: ${err.message}`)) : resolve(p),
    );
  });
  return {
    scheduler,
    address: `${bindHost}:${boundPort}`,
    async close() {
      queueFile?.close();
      await scheduler.close();
      await new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
        setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 2000).unref();
      });
      store.close();
    },
  };
}
