import type { FastifyInstance } from "fastify";
import { parseHostPort } from "../../proto/tessera/SchedulerEndpoint.ts";
import { registerDashboard } from "../dashboard/DashboardRoutes.ts";
import { createHttpApp, type HttpApiOptions, registerHttpApi } from "./HttpApi.ts";

export interface SchedulerHttpServerOptions extends HttpApiOptions {
  /** HOST:PORT to listen on; port 0 picks a free one. */
  listen: string;
}

export interface RunningHttpServer {
  app: FastifyInstance;
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  url: string;
  close(): Promise<void>;
}

/** The scheduler's HTTP side: JSON API, /metrics, health, /openapi.json and the dashboard on one port. */
export async function startSchedulerHttpServer(
  options: SchedulerHttpServerOptions,
): Promise<RunningHttpServer> {
  const { host, port } = parseHostPort(options.listen, "--http");
  const app = createHttpApp();
  await registerHttpApi(app, options);
  registerDashboard(app);
  try {
    await app.listen({ host, port });
  } catch (error) {
    await app.close();
    throw new Error(`cannot serve HTTP on ${options.listen}: ${(error as Error).message}`);
  }
  const address = app.server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return { app, url: `http://${urlHost}:${boundPort}`, close: () => app.close() };
}
