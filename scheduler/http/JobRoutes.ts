import type { FastifyInstance, FastifyRequest } from "fastify";
import { type FleetJob, heldParts, type JobState } from "../readmodel/FleetReadModel.ts";
import type { HttpApiOptions, JobCommands, SubmitJobBody } from "./HttpApi.ts";
import { ApiError } from "./HttpErrors.ts";
import { watchJobs } from "./JobEventStream.ts";
import { cancelJobSchema, jobSchema, jobsSchema, submitJobSchema, watchJobsSchema } from "./JobSchemas.ts";

const SSE_KEEPALIVE_MS = 15_000;
/** Bytes an event stream may have waiting for a client that does not read before it is closed. */
export const SSE_MAX_BACKLOG_BYTES = 1024 * 1024;

/** Listing, watching, submitting and cancelling jobs: what gRPC's JobService offers, as JSON. */
export function registerJobRoutes(app: FastifyInstance, options: HttpApiOptions): void {
  const now = options.now ?? Date.now;
  const jobCommands = (): JobCommands => {
    if (!options.jobs) {
      throw new ApiError(503, "this scheduler's HTTP API is read-only: submit and cancel through gRPC");
    }
    return options.jobs;
  };
  const access = options.jobAccess;
  const sees = (request: FastifyRequest, job: FleetJob) => access?.sees(request, job.tenant) ?? true;
  const jobView = (id: string, request: FastifyRequest): FleetJob => {
    const job = options.fleet.snapshot().jobs.find((j) => j.id === id);
    if (!job) throw new ApiError(404, `no job "${id}"; list jobs with GET /v1/jobs`);
    if (!sees(request, job))
      throw new ApiError(403, `job ${id} belongs to tenant ${job.tenant}, not one of yours`);
    return job;
  };
  // Event streams stay open until the client leaves; a closing server ends them so it is not held up.
  const openStreams = new Set<() => void>();
  app.addHook("preClose", async () => {
    for (const stop of [...openStreams]) stop();
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
              .flatMap((n) => n.gpus.flatMap((g) => g.slices.flatMap(heldParts).map((s) => s.jobId))),
          );
    const jobs = snapshot.jobs
      .filter(
        (j) =>
          (state === undefined || state.includes(j.state)) &&
          (queue === undefined || j.queue === queue) &&
          (tenant === undefined || j.tenant === tenant) &&
          (onNode === undefined || onNode.has(j.id)) &&
          (nameContains === undefined || j.name.includes(nameContains)) &&
          sees(request, j),
      )
      .sort((a, b) => b.submittedAt - a.submittedAt)
      .slice(0, limit);
    return { jobs };
  });
  app.get<{ Querystring: { jobId?: string; includeCurrent: boolean } }>(
    "/v1/jobs/watch",
    { schema: watchJobsSchema },
    async (request, reply) => {
      if (request.query.jobId !== undefined) jobView(request.query.jobId, request);
      reply.hijack();
      reply.raw.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache",
        connection: "keep-alive",
      });
      let overflowed = false;
      const unsubscribe = watchJobs(
        options.fleet,
        {
          ...(request.query.jobId === undefined ? {} : { jobId: request.query.jobId }),
          includeCurrent: request.query.includeCurrent,
        },
        (event) => {
          if (overflowed || !sees(request, event.job)) return;
          if (reply.raw.writableLength > SSE_MAX_BACKLOG_BYTES) {
            // A slow reader is dropped rather than buffered without end; its close ends the subscription.
            overflowed = true;
            request.log.warn(
              `closing a job event stream: the client fell ${SSE_MAX_BACKLOG_BYTES} bytes behind`,
            );
            reply.raw.destroy();
            return;
          }
          reply.raw.write(`event: job\ndata: ${JSON.stringify(event)}\n\n`);
        },
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
    jobView(request.params.id, request),
  );
  app.post<{ Body: SubmitJobBody }>("/v1/jobs", { schema: submitJobSchema }, async (request, reply) => {
    // JSON can name two shapes where the proto's oneof cannot; none at all is the spec check's to report.
    const shapes = ["mig", "slice", "share", "whole", "gang", "noGpu"].filter(
      (k) => k in (request.body.request ?? {}),
    );
    if (shapes.length > 1) {
      throw new ApiError(
        400,
        `body.request must have exactly one of mig, slice, share, whole, gang, noGpu; got ${shapes.join(", ")}`,
      );
    }
    const asked = request.body.tenant ?? "";
    // As the spec check defaults an empty tenant, so that a submitter's default is checked as its write.
    const tenant = (access ? access.submitTenant(request, asked) : asked) || "default";
    access?.requireWrite(request, tenant, `submit jobs to tenant ${tenant}`);
    const { jobId, deduplicated } = await jobCommands().submit({ ...request.body, tenant });
    if (!deduplicated) access?.record(request, "submit", jobId, `tenant ${tenant}, ${request.body.name}`);
    reply.code(201);
    return { job: jobView(jobId, request), deduplicated };
  });
  app.delete<{ Params: { id: string }; Querystring: { reason?: string } }>(
    "/v1/jobs/:id",
    { schema: cancelJobSchema },
    async (request) => {
      const job = jobView(request.params.id, request);
      access?.requireWrite(request, job.tenant, `cancel job ${job.id}`);
      const reason = request.query.reason ?? "cancelled through the HTTP API";
      await jobCommands().cancel(request.params.id, reason);
      access?.record(request, "cancel", job.id, reason);
      return jobView(request.params.id, request);
    },
  );
}
