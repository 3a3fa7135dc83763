import { timingSafeEqual } from "node:crypto";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import type { Finops } from "../finops/Finops.ts";
import { parseDuration } from "../finops/FinopsConfig.ts";
import { usageReportCsv } from "../finops/UsageReport.ts";
import type { UtilizationGrouping } from "../finops/UtilizationHistory.ts";
import { fleetCapacity } from "../metrics/FleetCapacity.ts";
import type { TesseraMetrics } from "../metrics/TesseraMetrics.ts";
import {
  cancelJobSchema,
  capacitySchema,
  fleetHistorySchema,
  healthSchema,
  idleSchema,
  jobSchema,
  jobsSchema,
  latestSamplesSchema,
  metricsSchema,
  nodeSchema,
  nodesSchema,
  readySchema,
  sharedSchemas,
  submitJobSchema,
  usageReportSchema,
  utilizationSchema,
  watchJobsSchema,
} from "./ApiSchemas.ts";
import type { FleetReadModel, JobState } from "./FleetReadModel.ts";
import { ApiError, replyWithError, validationMessage } from "./HttpErrors.ts";
import { watchJobs } from "./JobEventStream.ts";
import { parseInstant } from "./TimeParameters.ts";

const SSE_KEEPALIVE_MS = 15_000;

/** The JSON body of POST /v1/jobs: tessera.v1.JobSpec with lowerCamelCase field names. */
export interface SubmitJobBody {
  name: string;
  tenant: string;
  queue?: string;
  priority?: number;
  kind?: "training" | "inference" | "batch" | "vm";
  request: {
    mig?: { profile: string };
    slice?: { memoryMib: number; computeSevenths: number };
    share?: { gpuMilli: number; memoryMib: number };
    whole?: { gpus: number; requireNvlink?: boolean };
    gang?: { nodes: number; gpusPerNode: number };
    models?: string[];
    cpuMillis?: number;
    memoryMib?: number;
  };
  command?: string[];
  env?: Record<string, string>;
  workdir?: string;
  clientRequestId?: string;
}

/** Job submission and cancellation, provided by the scheduler service (the same calls as gRPC's JobService). */
export interface JobCommands {
  submit(body: SubmitJobBody): Promise<{ jobId: string; deduplicated: boolean }>;
  cancel(id: string, reason: string): Promise<void>;
}

export interface HttpApiOptions {
  fleet: FleetReadModel;
  metrics: TesseraMetrics;
  /** Without it the history, report and idle routes answer 503. */
  finops?: Finops;
  /** Without it job submission and cancellation answer 503 (a read-only API). */
  jobs?: JobCommands;
  /** When set, submitting and cancelling need `Authorization: Bearer <token>` (the scheduler's shared token). */
  token?: string;
  /** Undefined when ready, else why not (shown by /readyz). */
  notReadyReason?: () => string | undefined;
  now?: () => number;
}

/**
 * A fastify instance set up for the API: unknown fields are refused rather than silently dropped (fastify's
 * default), so a misspelt query parameter gets a 400 that names it.
 */
export function createHttpApp(): FastifyInstance {
  return Fastify({
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", useDefaults: true } },
  });
}

/**
 * Registers the JSON API, /metrics, health routes and /openapi.json on `app`. The OpenAPI document is generated
 * from the same route schemas that validate requests and serialize responses.
 */
export async function registerHttpApi(app: FastifyInstance, options: HttpApiOptions): Promise<void> {
  const now = options.now ?? Date.now;
  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Tessera scheduler API",
        description: "Jobs, nodes, capacity, utilization history, usage and cost reports, idle allocations.",
        version: "1",
      },
      tags: [
        { name: "jobs" },
        { name: "fleet" },
        { name: "history" },
        { name: "reports" },
        { name: "health" },
      ],
    },
    // Shared schemas become named components (`#/components/schemas/Node`) instead of `def-0`.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  for (const schema of sharedSchemas) app.addSchema(schema);
  app.setSchemaErrorFormatter((errors, dataVar) => new Error(validationMessage(errors, dataVar)));
  app.setErrorHandler((error, _request, reply) => replyWithError(reply, error));
  app.setNotFoundHandler((request, reply) =>
    replyWithError(
      reply,
      new ApiError(404, `no route ${request.method} ${request.url.split("?")[0]}; see /openapi.json`),
    ),
  );

  if (options.token) {
    const expected = Buffer.from(`Bearer ${options.token}`);
    app.addHook("onRequest", async (request) => {
      if (request.method === "GET" || request.method === "HEAD") return;
      const given = Buffer.from(request.headers.authorization ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new ApiError(401, "missing or wrong token: send Authorization: Bearer <the scheduler's token>");
      }
    });
  }
  // Event streams stay open until the client leaves; a closing server ends them so it is not held up.
  const openStreams = new Set<() => void>();
  app.addHook("preClose", async () => {
    for (const stop of [...openStreams]) stop();
  });
  const finops = (): Finops => {
    if (!options.finops) {
      throw new ApiError(503, "utilization history is off: this scheduler runs without a FinOps store");
    }
    return options.finops;
  };
  const jobCommands = (): JobCommands => {
    if (!options.jobs)
      throw new ApiError(503, "this scheduler's HTTP API is read-only: submit and cancel through gRPC");
    return options.jobs;
  };
  const jobView = (id: string) => {
    const job = options.fleet.snapshot().jobs.find((j) => j.id === id);
    if (!job) throw new ApiError(404, `no job "${id}"; list jobs with GET /v1/jobs`);
    return job;
  };
  const period = (query: { from: string; to: string }) => {
    const at = now();
    return { from: parseInstant(query.from, at, "from"), to: parseInstant(query.to, at, "to") };
  };

  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  app.get("/healthz", { schema: healthSchema }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: readySchema }, async () => {
    const reason = options.notReadyReason?.();
    if (reason !== undefined) throw new ApiError(503, `not ready: ${reason}`);
    return { status: "ready" };
  });
  app.get("/metrics", { schema: metricsSchema }, async (_request, reply) => {
    reply.type(options.metrics.registry.contentType);
    return options.metrics.metrics();
  });

  app.get("/v1/nodes", { schema: nodesSchema }, async () => ({ nodes: options.fleet.snapshot().nodes }));
  app.get<{ Params: { name: string } }>("/v1/nodes/:name", { schema: nodeSchema }, async (request) => {
    const node = options.fleet.snapshot().nodes.find((n) => n.name === request.params.name);
    if (!node) throw new ApiError(404, `no node "${request.params.name}"; list nodes with GET /v1/nodes`);
    return node;
  });
  app.get<{
    Querystring: {
      state?: JobState[];
      queue?: string;
      tenant?: string;
      node?: string;
      nameContains?: string;
      limit: number;
    };
  }>("/v1/jobs", { schema: jobsSchema }, async (request) => {
    const { state, queue, tenant, node, nameContains, limit } = request.query;
    const snapshot = options.fleet.snapshot();
    const onNode =
      node === undefined
        ? undefined
        : new Set(
            snapshot.nodes
              .filter((n) => n.name === node)
              .flatMap((n) => n.gpus.flatMap((g) => g.slices.map((s) => s.jobId))),
          );
    const jobs = snapshot.jobs
      .filter(
        (j) =>
          (state === undefined || state.includes(j.state)) &&
          (queue === undefined || j.queue === queue) &&
          (tenant === undefined || j.tenant === tenant) &&
          (onNode === undefined || onNode.has(j.id)) &&
          (nameContains === undefined || j.name.includes(nameContains)),
      )
      .sort((a, b) => b.submittedAt - a.submittedAt)
      .slice(0, limit);
    return { jobs };
  });
  app.get<{ Querystring: { jobId?: string; includeCurrent: boolean } }>(
    "/v1/jobs/watch",
    { schema: watchJobsSchema },
    async (request, reply) => {
      if (request.query.jobId !== undefined) jobView(request.query.jobId);
      reply.hijack();
      reply.raw.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache",
        connection: "keep-alive",
      });
      const unsubscribe = watchJobs(
        options.fleet,
        {
          ...(request.query.jobId === undefined ? {} : { jobId: request.query.jobId }),
          includeCurrent: request.query.includeCurrent,
        },
        (event) => reply.raw.write(`event: job\ndata: ${JSON.stringify(event)}\n\n`),
        now,
      );
      const keepAlive = setInterval(() => reply.raw.write(": keep-alive\n\n"), SSE_KEEPALIVE_MS);
      const stop = () => {
        clearInterval(keepAlive);
        unsubscribe();
        openStreams.delete(stop);
        reply.raw.end();
      };
      openStreams.add(stop);
      request.raw.once("close", stop);
    },
  );
  app.get<{ Params: { id: string } }>("/v1/jobs/:id", { schema: jobSchema }, async (request) =>
    jobView(request.params.id),
  );
  app.post<{ Body: SubmitJobBody }>("/v1/jobs", { schema: submitJobSchema }, async (request, reply) => {
    const shapes = ["mig", "slice", "share", "whole", "gang"].filter((k) => k in request.body.request);
    if (shapes.length !== 1) {
      throw new ApiError(
        400,
        `body.request must have exactly one of mig, slice, share, whole, gang; got ${shapes.join(", ") || "none"}`,
      );
    }
    const { jobId, deduplicated } = await jobCommands().submit(request.body);
    reply.code(201);
    return { job: jobView(jobId), deduplicated };
  });
  app.delete<{ Params: { id: string }; Querystring: { reason?: string } }>(
    "/v1/jobs/:id",
    { schema: cancelJobSchema },
    async (request) => {
      jobView(request.params.id);
      await jobCommands().cancel(request.params.id, request.query.reason ?? "cancelled through the HTTP API");
      return jobView(request.params.id);
    },
  );
  app.get("/v1/capacity", { schema: capacitySchema }, async () => fleetCapacity(options.fleet.snapshot()));

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
    return finops().utilization({
      ...period(request.query),
      stepMs: parseDuration(step, "step"),
      groupBy,
      ...(node === undefined ? {} : { node }),
      ...(model === undefined ? {} : { model }),
      ...(tenant === undefined ? {} : { tenant }),
      ...(gpu === undefined ? {} : { gpu }),
    });
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
      const report = finops().usageReport(from, to);
      if (request.query.format === "csv") {
        const name = `tessera-usage-${new Date(from).toISOString().slice(0, 10)}-${new Date(to).toISOString().slice(0, 10)}.csv`;
        reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${name}"`);
        return reply.send(usageReportCsv(report));
      }
      return report;
    },
  );
  app.get("/v1/idle", { schema: idleSchema }, async () => ({ idle: finops().idle() }));
}
