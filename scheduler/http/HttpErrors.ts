import { STATUS_CODES } from "node:http";
import type { FastifyReply, FastifySchemaValidationError } from "fastify";
import { durationPattern, instantPattern } from "./ApiSchemas.ts";

/** An error whose message is meant for the API's caller, with the HTTP status it answers. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

const patternMeaning: Record<string, string> = {
  [instantPattern]: "must be now, now-<duration> (now-7d), epoch milliseconds or an ISO 8601 date/date-time",
  [durationPattern]: "must be a duration like 30s, 5m, 1h or 1d",
};

/** One sentence per schema violation, naming the parameter and what it must be. */
export function validationMessage(errors: FastifySchemaValidationError[], dataVar: string): string {
  return errors
    .map((e) => {
      const path = `${dataVar}${e.instancePath.replace(/\/(\d+)(?=\/|$)/g, "[$1]").replaceAll("/", ".")}`;
      const params = e.params as Record<string, unknown>;
      if (e.keyword === "additionalProperties") {
        return `${path} has an unknown field "${String(params.additionalProperty)}"`;
      }
      if (e.keyword === "enum") {
        return `${path} must be one of ${(params.allowedValues as unknown[]).join(", ")}`;
      }
      if (e.keyword === "pattern") {
        return `${path} ${patternMeaning[String(params.pattern)] ?? e.message}`;
      }
      return `${path} ${e.message}`;
    })
    .join("; ");
}

/** gRPC status codes the scheduler service may throw with, as HTTP statuses. */
const grpcToHttp: Record<number, number> = {
  3: 400,
  5: 404,
  6: 409,
  7: 403,
  9: 409,
  8: 429,
  14: 503,
  16: 401,
};

function statusOf(error: unknown): number {
  if (error instanceof ApiError) return error.statusCode;
  if (error instanceof RangeError) return 400;
  const fields = error as { statusCode?: unknown; code?: unknown; validation?: unknown };
  if (fields.validation !== undefined) return 400;
  if (typeof fields.statusCode === "number" && fields.statusCode >= 400) return fields.statusCode;
  if (typeof fields.code === "number" && grpcToHttp[fields.code]) return grpcToHttp[fields.code] as number;
  return 500;
}

export function replyWithError(reply: FastifyReply, error: unknown): FastifyReply {
  const statusCode = statusOf(error);
  const raw = error instanceof Error ? error.message : String(error);
  // gRPC errors read "3 INVALID_ARGUMENT: <details>"; the caller wants the details.
  const message = raw.replace(/^\d+ [A-Z_]+: /, "");
  if (statusCode >= 500) reply.log.error({ err: error }, "request failed");
  return reply
    .code(statusCode)
    .type("application/json")
    .send({
      statusCode,
      error: STATUS_CODES[statusCode] ?? "Error",
      message,
    });
}
