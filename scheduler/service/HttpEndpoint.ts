import type { FastifyInstance } from "fastify";
import { resolvesToLoopbackOnly } from "../../proto/tessera/LoopbackAddress.ts";
import { parseHostPort } from "../../proto/tessera/SchedulerEndpoint.ts";
import type { TlsMaterial } from "../../proto/tessera/TlsFiles.ts";
import { registerDashboard } from "../dashboard/DashboardRoutes.ts";
import type { Finops } from "../finops/Finops.ts";
import { registerAccessRoutes, registerHttpAccess } from "../http/HttpAccess.ts";
import { createHttpApp, registerHttpApi } from "../http/HttpApi.ts";
import { TesseraMetrics } from "../metrics/TesseraMetrics.ts";
import { registerQueueMetrics } from "../queue/QueueMetrics.ts";
import type { EdgeSecurity } from "../security/EdgeSecurity.ts";
import { checkExposure } from "../security/ListenExposure.ts";
import { QueueControl } from "./QueueControl.ts";
import type { Scheduler } from "./Scheduler.ts";
import { SchedulerFleetView } from "./SchedulerFleetView.ts";
import { schedulerJobCommands } from "./SchedulerJobCommands.ts";

/** The HTTP API, metrics and dashboard of a running scheduler; returns the bound `http://HOST:PORT`. */
export async function startHttpEndpoint(
  scheduler: Scheduler,
  listen: string,
  store: {
    finops: Finops;
    token: string | undefined;
    /** The scheduler's certificate and key serve HTTPS too. */
    tls?: TlsMaterial | undefined;
    insecurePlaintext?: boolean;
    /** The gRPC server's caller checks and audit log; without them HTTP is open (loopback only). */
    security?: EdgeSecurity;
    /** Routes served without a token. */
    publicPaths?: readonly string[];
  },
): Promise<{ app: FastifyInstance; url: string }> {
  const { host, port } = parseHostPort(listen, "--http");
  checkExposure({
    what: `serve HTTP on ${listen}`,
    loopback: await resolvesToLoopbackOnly(host),
    authenticated: Boolean(store.security?.authorizer.authenticatesUsers ?? store.token),
    tls: Boolean(store.tls?.cert),
    insecurePlaintext: store.insecurePlaintext ?? false,
  });
  const fleet = new SchedulerFleetView(scheduler);
  const finops = store.finops;
  const metrics = new TesseraMetrics(fleet, finops);
  registerQueueMetrics(metrics.registry, () => scheduler.queue.statuses());
  // Listing needs no --queues file (that is for `tessera quota --reload`, over gRPC).
  const queueControl = new QueueControl(scheduler.queue, undefined);
  metrics.start();
  const onDecisions = (secondsEach: number, count: number) => {
    for (let i = 0; i < count; i++) metrics.observeSchedulingDecision(secondsEach);
  };
  scheduler.events.on("decisions", onDecisions);
  const jobs = schedulerJobCommands(scheduler);
  const app = createHttpApp(
    store.tls?.cert && store.tls.key ? { cert: store.tls.cert, key: store.tls.key } : undefined,
  );
  app.addHook("onClose", async () => {
    scheduler.events.off("decisions", onDecisions);
    metrics.stop();
  });
  const jobAccess = store.security
    ? registerHttpAccess(app, store.security, {
        publicPaths: store.publicPaths ?? ["/healthz", "/readyz"],
      })
    : undefined;
  await registerHttpApi(app, {
    ...(jobAccess ? { jobAccess } : {}),
    fleet,
    metrics,
    finops,
    jobs,
    logs: {
      open: (id, follow, onData, onEnd, rank) => scheduler.openLog(id, follow, onData, onEnd, rank),
    },
    queues: () => queueControl.listQueues(),
    ...(store.token && !store.security ? { token: store.token } : {}),
    notReadyReason: () =>
      [...scheduler.nodes()].some((n) => n.state === "Ready") ? undefined : "no node is Ready yet",
  });
  if (store.security) registerAccessRoutes(app, store.security, { secureCookie: Boolean(store.tls?.cert) });
  registerDashboard(app);
  const address = await app.listen({ host, port });
  return { app, url: address };
}
