import type { FastifyRequest } from "fastify";
import type { FleetJob } from "./FleetReadModel.ts";

/** Per-request checks on jobs: which a caller sees, where it may submit and cancel, and the audit record. */
export interface JobAccess {
  /** Other tenants' jobs are not even listed. */
  sees(request: FastifyRequest, job: FleetJob): boolean;
  /** The tenant a submit goes to: the one asked for, else the caller's first tenant (empty: the default). */
  submitTenant(request: FastifyRequest, asked: string): string;
  /** Throws (403) unless the caller may submit to or cancel jobs of `tenant`. */
  requireWrite(request: FastifyRequest, tenant: string, what: string): void;
  record(request: FastifyRequest, action: string, target: string, detail: string): void;
}
