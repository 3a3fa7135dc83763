import type { FastifyInstance } from "fastify";
import type { FleetJob, JobState } from "./FleetReadModel.ts";
import type { HttpApiOptions, JobCommands, SubmitJobBody } from "./HttpApi.ts";
import { ApiError } from "./HttpErrors.ts";
import { watchJobs } from "./JobEventStream.ts";
import { cancelJobSchema, jobSchema, jobsSchema, submitJobSchema, watchJobsSchema } from "./JobSchemas.ts";

const SSE_KEEPALIVE_MS = 15_000;

/** Listing, watching, submitting and cancelling jobs: what gRPC's JobService offers, as JSON. */
export function registerJobRoutes(app: FastifyInstance, options: HttpApiOptions): void {
  const now = options.now ?? Date.now;
  const jobCommands = (): JobCommands => {
    if (!options.jobs) {
      throw new ApiError(503, "this scheduler's HTTP API is read-only: submit and cancel through gRPC");
    }
    return options.jobs;
  };
  const jobView = (id: string): FleetJob => {
    const job = options.fleet.snapshot().jobs.find((j) => j.id === id);
    if (!job) throw new ApiError(404, `no job "${id}"; list jobs with GET /v1/jobs`);
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
    const shapes = ["mig", "slice", "share", "whole", "gang", "noGpu"].filter(
      (k) => k in request.body.request,
    );
    if (shapes.length !== 1) {
      throw new ApiError(
        400,
        `body.request must have exactly one of mig, slice, share, whole, gang, noGpu; got ${shapes.join(", ") || "none"}`,
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
}
