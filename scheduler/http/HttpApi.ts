import { timingSafeEqual } from "node:crypto";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import type { JobSpec } from "../../proto/generated/tessera/v1/JobSpec.ts";
import type { QueueInfo } from "../../proto/generated/tessera/v1/QueueInfo.ts";
import type { Finops } from "../finops/Finops.ts";
import type { TesseraMetrics } from "../metrics/TesseraMetrics.ts";
import type { FleetReadModel } from "../readmodel/FleetReadModel.ts";
import { sharedSchemas } from "./ApiSchemas.ts";
import { registerFleetRoutes } from "./FleetRoutes.ts";
import { registerHealthRoutes } from "./HealthRoutes.ts";
import { registerHistoryRoutes } from "./HistoryRoutes.ts";
import { ApiError, replyWithError, validationMessage } from "./HttpErrors.ts";
import type { JobAccess } from "./JobAccess.ts";
import { type JobLogs, registerJobLogRoutes } from "./JobLogRoutes.ts";
import { registerJobRoutes } from "./JobRoutes.ts";
import { lazySchemaCompilers } from "./LazySchemaCompilers.ts";
import { registerQueueRoutes } from "./QueueRoutes.ts";

/** The JSON body of POST /v1/jobs: tessera.v1.JobSpec with lowerCamelCase field names, and a client request id. */
export type SubmitJobBody = JobSpec & { clientRequestId?: string };

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
  /** Job output for GET /v1/jobs/{id}/logs; without it that route answers 503. */
  logs?: JobLogs;
  /** The scheduler's queues (as `tessera queues --json`); without it GET /v1/queues answers 503. */
  queues?: () => QueueInfo[];
  /** Who sees and changes which jobs; without it every caller sees and changes all. */
  jobAccess?: JobAccess;
  /** When set, submitting and cancelling need `Authorization: Bearer <token>` (the scheduler's shared token). */
  token?: string;
  /** Undefined when ready, else why not (shown by /readyz). */
  notReadyReason?: () => string | undefined;
  now?: () => number;
}

/**
 * A fastify instance set up for the API: unknown fields are refused rather than silently dropped (fastify's
 * default), so a misspelt query parameter gets a 400 that names it. With `https` it serves TLS.
 */
export function createHttpApp(https?: { cert: Buffer; key: Buffer }): FastifyInstance {
  return Fastify({
    ...(https ? { https } : {}),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", useDefaults: true } },
    schemaController: { compilersFactory: lazySchemaCompilers() },
  });
}

/**
 * Registers the JSON API, /metrics, health routes and /openapi.json on `app`. The OpenAPI document is generated
 * from the same route schemas that validate requests and serialize responses.
 */
export async function registerHttpApi(app: FastifyInstance, options: HttpApiOptions): Promise<void> {
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
        { name: "queues" },
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
  registerHealthRoutes(app, options);
  registerFleetRoutes(app, options);
  registerJobRoutes(app, options);
  registerJobLogRoutes(app, options);
  registerHistoryRoutes(app, options);
  registerQueueRoutes(app, options);
}
