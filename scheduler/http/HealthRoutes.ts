import type { FastifyInstance } from "fastify";
import type { MetricNaming } from "../metrics/TesseraMetrics.ts";
import { healthSchema, metricsSchema, readySchema } from "./ApiSchemas.ts";
import type { HttpApiOptions } from "./HttpApi.ts";
import { ApiError } from "./HttpErrors.ts";
import { metricsSeenBy, tenantFilter } from "./OtherTenants.ts";

/** /openapi.json, /healthz, /readyz and /metrics. */
export function registerHealthRoutes(app: FastifyInstance, options: HttpApiOptions): void {
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  app.get("/healthz", { schema: healthSchema }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: readySchema }, async () => {
    const reason = options.notReadyReason?.();
    if (reason !== undefined) throw new ApiError(503, `not ready: ${reason}`);
    return { status: "ready" };
  });
  app.get<{ Querystring: { naming: MetricNaming } }>(
    "/metrics",
    { schema: metricsSchema },
    async (request, reply) => {
      reply.type(options.metrics.registry.contentType);
      const text = await options.metrics.metrics(request.query.naming);
      const sees = tenantFilter(options.jobAccess, request);
      return sees ? metricsSeenBy(text, sees) : text;
    },
  );
}
