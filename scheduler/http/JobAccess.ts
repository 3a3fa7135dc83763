import type { FastifyRequest } from "fastify";

/**
 * Per-request checks on tenants' work: which tenants' jobs a caller sees, where it may submit and cancel, and
 * the audit record. A route served without a token (`--http-public`) sees every tenant.
 */
export interface JobAccess {
  /** Other tenants' jobs are not even listed; their slices, usage and metrics are anonymous. */
  sees(request: FastifyRequest, tenant: string): boolean;
  /** An admin (or a public route): nothing needs hiding. */
  seesEveryTenant(request: FastifyRequest): boolean;
  /** The tenant a submit goes to: the one asked for, else the caller's first tenant (empty: the default). */
  submitTenant(request: FastifyRequest, asked: string): string;
  /** Throws (403) unless the caller may submit to or cancel jobs of `tenant`. */
  requireWrite(request: FastifyRequest, tenant: string, what: string): void;
  record(request: FastifyRequest, action: string, target: string, detail: string): void;
}
