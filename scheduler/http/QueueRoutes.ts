import type { FastifyInstance } from "fastify";
import { queuesSchema } from "./ApiSchemas.ts";
import type { HttpApiOptions } from "./HttpApi.ts";
import { ApiError } from "./HttpErrors.ts";

/** The scheduler's queues: the same data as `tessera queues --json`. */
export function registerQueueRoutes(app: FastifyInstance, options: HttpApiOptions): void {
  app.get("/v1/queues", { schema: queuesSchema }, async () => {
    if (!options.queues) throw new ApiError(503, "no queues here: this API is not served by a scheduler");
    return { queues: options.queues() };
  });
}
