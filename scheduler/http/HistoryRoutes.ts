import type { FastifyInstance, FastifyReply } from "fastify";
import type { Finops } from "../finops/Finops.ts";
import { parseDuration } from "../finops/FinopsConfig.ts";
import { usageReportCsv } from "../finops/UsageReport.ts";
import type { UtilizationGrouping } from "../finops/UtilizationHistory.ts";
import {
  fleetHistorySchema,
  idleSchema,
  latestSamplesSchema,
  usageReportSchema,
  utilizationSchema,
} from "./HistorySchemas.ts";
import type { HttpApiOptions } from "./HttpApi.ts";
import { ApiError } from "./HttpErrors.ts";
import { idleSeenBy, tenantFilter, usageSeenBy, utilizationSeenBy } from "./OtherTenants.ts";
import { parseInstant } from "./TimeParameters.ts";

/**
 * Utilization history, fleet history, usage and cost reports and the idle list, from the FinOps store; a user who
 * is not an admin gets its own tenants' usage, idle allocations and per-tenant series only.
 */
export function registerHistoryRoutes(app: FastifyInstance, options: HttpApiOptions): void {
  const now = options.now ?? Date.now;
  const finops = (): Finops => {
    if (!options.finops) {
      throw new ApiError(503, "utilization history is off: this scheduler runs without a FinOps store");
    }
    return options.finops;
  };
  const period = (query: { from: string; to: string }) => {
    const at = now();
    return { from: parseInstant(query.from, at, "from"), to: parseInstant(query.to, at, "to") };
  };

  app.get<{
    Querystring: {
      from: string;
      to: string;
      step: string;
      groupBy: UtilizationGrouping;
      node?: string;
      model?: string;
      tenant?: string;
      gpu?: string;
    };
  }>("/v1/utilization", { schema: utilizationSchema }, async (request) => {
    const { step, groupBy, node, model, tenant, gpu } = request.query;
    const sees = tenantFilter(options.jobAccess, request);
    if (sees && tenant !== undefined && !sees(tenant)) {
      throw new ApiError(403, `tenant ${tenant.slice(0, 64)} is not one of yours`);
    }
    const result = finops().utilization({
      ...period(request.query),
      stepMs: parseDuration(step, "step"),
      groupBy,
      ...(node === undefined ? {} : { node }),
      ...(model === undefined ? {} : { model }),
      ...(tenant === undefined ? {} : { tenant }),
      ...(gpu === undefined ? {} : { gpu }),
    });
    return sees ? utilizationSeenBy(result, sees) : result;
  });
  app.get("/v1/utilization/latest", { schema: latestSamplesSchema }, async () => ({
    samples: finops().latestSamples(),
  }));
  app.get<{ Querystring: { from: string; to: string; step: string } }>(
    "/v1/fleet/history",
    { schema: fleetHistorySchema },
    async (request) => {
      const { from, to } = period(request.query);
      if (!(to > from)) throw new ApiError(400, `"to" must be after "from"`);
      return { points: finops().fleetHistory(from, to, parseDuration(request.query.step, "step")) };
    },
  );
  app.get<{ Querystring: { from: string; to: string; format: "json" | "csv" } }>(
    "/v1/reports/usage",
    { schema: usageReportSchema },
    async (request, reply: FastifyReply) => {
      const { from, to } = period(request.query);
      const all = finops().usageReport(from, to);
      const sees = tenantFilter(options.jobAccess, request);
      const report = sees ? usageSeenBy(all, sees) : all;
      if (request.query.format === "csv") {
        const name = `tessera-usage-${new Date(from).toISOString().slice(0, 10)}-${new Date(to).toISOString().slice(0, 10)}.csv`;
        reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${name}"`);
        return reply.send(usageReportCsv(report));
      }
      return report;
    },
  );
  app.get("/v1/idle", { schema: idleSchema }, async (request) => {
    const sees = tenantFilter(options.jobAccess, request);
    return { idle: sees ? idleSeenBy(finops().idle(), sees) : finops().idle() };
  });
}
