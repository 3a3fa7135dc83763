import * as grpc from "@grpc/grpc-js";
import { tolerant } from "../../proto/MalformedRequest.ts";
import { resolvesToLoopbackOnly } from "../../proto/tessera/LoopbackAddress.ts";
import { parseHostPort } from "../../proto/tessera/SchedulerEndpoint.ts";
import { tesseraV1 } from "../../proto/tessera/TesseraGrpc.ts";
import type { TlsMaterial } from "../../proto/tessera/TlsFiles.ts";
import { createPolicy, type PolicyName } from "../engine/PolicyRegistry.ts";
import { QueueConfigFile } from "../queue/QueueConfigFile.ts";
import { type Authorizer, schedulerAuthorizer } from "../security/Authorizer.ts";
import { type EdgeSecurity, edgeSecurity } from "../security/EdgeSecurity.ts";
import { checkExposure } from "../security/ListenExposure.ts";
import { serverCredentials } from "../security/ServerTls.ts";
import type { JobStore } from "../store/JobStore.ts";
import { SqliteJobStore } from "../store/SqliteJobStore.ts";
import {
  auditServiceHandlers,
  capacityServiceHandlers,
  jobServiceHandlers,
  nodeServiceHandlers,
  queueServiceHandlers,
} from "./GrpcServices.ts";
import { QueueControl } from "./QueueControl.ts";
import { type LostNodePolicy, Scheduler } from "./Scheduler.ts";

export interface SchedulerServerOptions {
  /** gRPC listen address HOST:PORT; port 0 picks a free one. */
  listen: string;
  /** SQLite file (used when `store` is not given). */
  db: string;
  /** HA hook: the job store to use instead of the SQLite file (the elected leader's fenced EtcdJobStore). */
  store?: JobStore;
  /** HA hook: adds services every scheduler serves beside the scheduler's own (ClusterService). */
  addServices?: (server: grpc.Server, authorizer: Authorizer) => void;
  policy: PolicyName;
  leaseMs: number;
  heartbeatMs: number;
  /** See SchedulerOptions.fencingTimeoutMs; 5 minutes when absent. */
  fencingTimeoutMs?: number;
  /** See SchedulerOptions.nodeExpiryMs; 24 hours when absent. */
  nodeExpiryMs?: number;
  lostNodePolicy: LostNodePolicy;
  /** Shared token agents and clients must present; required to listen beyond loopback. */
  token?: string;
  /** `--credentials FILE`: users, roles and tenants; reloaded when it changes. */
  credentials?: string | undefined;
  /** Certificate, key and CA (`--tls-cert`, `--tls-key`, `--tls-ca`); without them gRPC is plaintext. */
  tls?: TlsMaterial | undefined;
  /** `--insecure-plaintext`: serve plaintext beyond loopback on purpose. */
  insecurePlaintext?: boolean;
  /** Largest request accepted, bytes. */
  maxMessageBytes?: number;
  /** Queue config file; without it every queue is unlimited. */
  queues?: string | undefined;
  /** Refuse submits until `scheduler.acceptSubmits()`: the caller still has parts to start that may fail. */
  holdSubmits?: boolean;
  log?: (line: string) => void;
}

export interface RunningScheduler {
  scheduler: Scheduler;
  /** The bound gRPC address, HOST:PORT. */
  address: string;
  /** Who may call, and the audit log; the HTTP API checks with the same. */
  security: EdgeSecurity;
  close(): Promise<void>;
}

/** Starts the scheduler with its store (SQLite unless `store` is given) behind a gRPC server. */
export async function startSchedulerServer(options: SchedulerServerOptions): Promise<RunningScheduler> {
  const { host, port } = parseHostPort(options.listen, "--listen");
  const access = schedulerAuthorizer({
    token: options.token,
    credentials: options.credentials,
    mtls: Boolean(options.tls?.ca),
    log: options.log,
  });
  checkExposure({
    what: `listen on ${options.listen}`,
    loopback: await resolvesToLoopbackOnly(host),
    authenticated: access.authorizer.authenticatesUsers,
    tls: Boolean(options.tls),
    insecurePlaintext: options.insecurePlaintext ?? false,
  });
  const transport = serverCredentials(options.tls);
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
    nodeExpiryMs: options.nodeExpiryMs,
    lostNodePolicy: options.lostNodePolicy,
    holdSubmits: options.holdSubmits,
    log: options.log,
  });
  const security = edgeSecurity(access.authorizer, store, (line) => options.log?.(line));
  const maxBytes = options.maxMessageBytes ?? 4 * 1024 * 1024;
  const server = new grpc.Server({
    "grpc.max_receive_message_length": maxBytes,
    "grpc.keepalive_permit_without_calls": 1,
    // Nothing serves channelz here; its per-call bookkeeping was ~3% of the CPU of a durable submit.
    "grpc.enable_channelz": 0,
  });
  const v1 = tesseraV1();
  // Undecodable requests reach the handlers, which answer INVALID_ARGUMENT instead of grpc-js's INTERNAL.
  server.addService(tolerant(v1.JobService.service), jobServiceHandlers(scheduler, security));
  server.addService(tolerant(v1.NodeService.service), nodeServiceHandlers(scheduler, security));
  server.addService(tolerant(v1.CapacityService.service), capacityServiceHandlers(scheduler, security));
  server.addService(
    tolerant(v1.QueueService.service),
    queueServiceHandlers(new QueueControl(scheduler.queue, queueFile), security),
  );
  server.addService(tolerant(v1.AuditService.service), auditServiceHandlers(security));
  options.addServices?.(server, security.authorizer);
  queueFile?.follow(
    (config) => {
      scheduler.queue.reload(config);
      // Whoever edited the file is not known here; the audit log at least says the quotas changed and how.
      security.audit("queues-file", "quota-reload", queueFile.path, `${config.queues?.length ?? 0} queues`);
    },
    (line) => options.log?.(line),
  );
  const bindHost = host.includes(":") ? `[${host}]` : host;
  const boundPort = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${bindHost}:${port}`, transport, (err, p) =>
      err ? reject(new Error(`cannot listen on ${options.listen}: ${err.message}`)) : resolve(p),
    );
  });
  return {
    scheduler,
    address: `${bindHost}:${boundPort}`,
    security,
    async close() {
      queueFile?.close();
      access.close();
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
