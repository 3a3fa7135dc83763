import type { FastifyInstance } from "fastify";
import { isLoopbackHost, parseHostPort } from "../../proto/tessera/SchedulerEndpoint.ts";
import { registerDashboard } from "../dashboard/DashboardRoutes.ts";
import type { Finops } from "../finops/Finops.ts";
import { createHttpApp, registerHttpApi } from "../http/HttpApi.ts";
import { TesseraMetrics } from "../metrics/TesseraMetrics.ts";
import { registerQueueMetrics } from "../queue/QueueMetrics.ts";
import { QueueControl } from "./QueueControl.ts";
import type { Scheduler } from "./Scheduler.ts";
import { SchedulerFleetView } from "./SchedulerFleetView.ts";
import { schedulerJobCommands } from "./SchedulerJobCommands.ts";

/** The HTTP API, metrics and dashboard of a running scheduler; returns the bound `http://HOST:PORT`. */
export async function startHttpEndpoint(
  scheduler: Scheduler,
  listen: string,
  store: { finops: Finops; token: string | undefined },
): Promise<{ app: FastifyInstance; url: string }> {
  const { host, port } = parseHostPort(listen, "--http");
  if (!isLoopbackHost(host) && !store.token) {
    throw new Error(
      `refusing to serve HTTP on ${listen} without a token: anyone who can reach it could submit jobs to your GPU ` +
        "nodes. Pass --token-file FILE, or serve HTTP on 127.0.0.1.",
    );
  }
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
  const app = createHttpApp();
  app.addHook("onClose", async () => {
    scheduler.events.off("decisions", onDecisions);
    metrics.stop();
  });
  await registerHttpApi(app, {
    fleet,
    metrics,
    finops,
    jobs,
    logs: { open: (id, follow, onData, onEnd) => scheduler.openLog(id, follow, onData, onEnd) },
    queues: () => queueControl.listQueues(),
    ...(store.token ? { token: store.token } : {}),
    notReadyReason: () =>
      [...scheduler.nodes()].some((n) => n.state === "Ready") ? undefined : "no node is Ready yet",
  });
  registerDashboard(app);
  const address = await app.listen({ host, port });
  return { app, url: address };
}
