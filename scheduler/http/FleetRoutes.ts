import type { FastifyInstance } from "fastify";
import { fleetCapacity } from "../metrics/FleetCapacity.ts";
import { capacitySchema, nodeSchema, nodesSchema } from "./ApiSchemas.ts";
import type { HttpApiOptions } from "./HttpApi.ts";
import { ApiError } from "./HttpErrors.ts";

/** Nodes with their GPUs and slices, and free capacity. */
export function registerFleetRoutes(app: FastifyInstance, options: HttpApiOptions): void {
  app.get("/v1/nodes", { schema: nodesSchema }, async () => ({ nodes: options.fleet.snapshot().nodes }));
  app.get<{ Params: { name: string } }>("/v1/nodes/:name", { schema: nodeSchema }, async (request) => {
    const node = options.fleet.snapshot().nodes.find((n) => n.name === request.params.name);
    if (!node) throw new ApiError(404, `no node "${request.params.name}"; list nodes with GET /v1/nodes`);
    return node;
  });
  app.get("/v1/capacity", { schema: capacitySchema }, async () => fleetCapacity(options.fleet.snapshot()));
}
