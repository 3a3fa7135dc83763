import type { FastifyInstance } from "fastify";
import type { HttpApiOptions } from "./HttpApi.ts";
import { ApiError } from "./HttpErrors.ts";

/** A job's output as the agent of its node serves it (the scheduler's `openLog`, behind gRPC's Logs too). */
export interface JobLogs {
  /**
   * Streams the output: `onData` per piece, then `onEnd` (with a reason when it ended early); with `follow`, until
   * the job's process ends. A gang's is every member's, lines prefixed `[rank N] `, or member `rank`'s alone.
   * Throws, gRPC-coded, when the job has no output yet or no such rank. Returns a function that stops it.
   */
  open(
    id: string,
    follow: boolean,
    onData: (data: Buffer) => void,
    onEnd: (error?: string) => void,
    rank?: number,
  ): () => void;
}

const errorBody = { $ref: "Error#" } as const;

export const jobLogsSchema = {
  summary: "A job's output (stdout and stderr); with follow=true it streams until the job's process ends",
  description:
    "For a gang, every member's output, each line prefixed with its rank (`[rank 0] ...`); `rank` gives one " +
    "member's output as it is.",
  tags: ["jobs"],
  produces: ["text/plain"],
  params: { type: "object", properties: { id: { type: "string" } }, required: ["id"] },
  querystring: {
    type: "object",
    additionalProperties: false,
    properties: {
      follow: { type: "boolean", default: false },
      rank: { type: "integer", minimum: 0, description: "only this member of a gang (0 .. nodes-1)" },
    },
  },
  response: {
    200: { description: "the output as it was written (chunked while following)", type: "string" },
    400: { ...errorBody, description: "a bad parameter, or a rank the job does not have" },
    403: { ...errorBody, description: "the job belongs to another tenant" },
    404: errorBody,
    409: { ...errorBody, description: "the job has no output yet, or its node's agent is not connected" },
    503: errorBody,
  },
} as const;

/** GET /v1/jobs/{id}/logs: what `tessera logs [-f]` prints, for the dashboard's job view and scripts. */
export function registerJobLogRoutes(app: FastifyInstance, options: HttpApiOptions): void {
  const streams = new Set<() => void>();
  app.addHook("preClose", async () => {
    for (const stop of [...streams]) stop();
  });
  app.get<{ Params: { id: string }; Querystring: { follow: boolean; rank?: number } }>(
    "/v1/jobs/:id/logs",
    { schema: jobLogsSchema },
    async (request, reply) => {
      const { id } = request.params;
      if (!options.logs)
        throw new ApiError(503, "this scheduler's HTTP API serves no logs: use `tessera logs`");
      const job = options.fleet.snapshot().jobs.find((j) => j.id === id);
      if (!job) throw new ApiError(404, `no job "${id}"; list jobs with GET /v1/jobs`);
      if (options.jobAccess && !options.jobAccess.sees(request, job.tenant)) {
        throw new ApiError(403, `job ${id} belongs to tenant ${job.tenant}, not one of yours`);
      }
      // Opened before the reply starts, so that "no output yet" still answers with its own status.
      let end: (error?: string) => void = () => {};
      const pending: Buffer[] = [];
      let write = (data: Buffer): void => {
        pending.push(data);
      };
      const close = options.logs.open(
        id,
        request.query.follow,
        (data) => write(data),
        (error) => end(error),
        request.query.rank,
      );
      reply.hijack();
      reply.raw.writeHead(200, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-cache" });
      for (const data of pending) reply.raw.write(data);
      write = (data) => {
        reply.raw.write(data);
      };
      const stop = () => {
        streams.delete(stop);
        close();
        reply.raw.end();
      };
      end = (error) => {
        // The status is sent already; an early end is said in the text itself.
        if (error) reply.raw.write(`\n[tessera: the log ended early: ${error}]\n`);
        stop();
      };
      streams.add(stop);
      request.raw.once("close", stop);
    },
  );
}
