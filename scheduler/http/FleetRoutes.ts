import type { FastifyInstance, FastifyRequest } from "fastify";
import { fleetCapacity } from "../metrics/FleetCapacity.ts";
import type { FleetNode } from "../readmodel/FleetReadModel.ts";
import { capacitySchema, nodeSchema, nodesSchema } from "./ApiSchemas.ts";
import type { HttpApiOptions } from "./HttpApi.ts";
import { ApiError } from "./HttpErrors.ts";
import { nodesSeenBy, tenantFilter } from "./OtherTenants.ts";

/** Nodes with their GPUs and slices (other tenants' slices anonymous), and free capacity. */
export function registerFleetRoutes(app: FastifyInstance, options: HttpApiOptions): void {
  const nodes = (request: FastifyRequest): FleetNode[] => {
    const snapshot = options.fleet.snapshot();
    const sees = tenantFilter(options.jobAccess, request);
    return sees ? nodesSeenBy(snapshot.nodes, snapshot.jobs, sees) : snapshot.nodes;
  };
  app.get("/v1/nodes", { schema: nodesSchema }, async (request) => ({ nodes: nodes(request) }));
  app.get<{ Params: { name: string } }>("/v1/nodes/:name", { schema: nodeSchema }, async (request) => {
    const node = nodes(request).find((n) => n.name === request.params.name);
    if (!node) throw new ApiError(404, `no node "${request.params.name}"; list nodes with GET /v1/nodes`);
    return node;
  });
  app.get("/v1/capacity", { schema: capacitySchema }, async () => fleetCapacity(options.fleet.snapshot()));
}
