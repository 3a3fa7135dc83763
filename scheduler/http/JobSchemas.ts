import { tesseraMessage } from "../../proto/tessera/ProtoMessages.ts";
import { jobStates } from "../store/JobRecord.ts";
import { bool, errors, str } from "./ApiSchemas.ts";
import { protoJsonSchema } from "./ProtoJsonSchema.ts";

/** JSON schemas of the job routes (see ApiSchemas.ts for how schemas are used). */

export const jobsSchema = {
  summary: "Jobs, newest first, optionally filtered",
  tags: ["jobs"],
  querystring: {
    type: "object",
    additionalProperties: false,
    properties: {
      state: {
        type: "array",
        items: { type: "string", enum: jobStates },
        description: "repeat for several: ?state=Pending&state=Running",
      },
      queue: str,
      tenant: str,
      node: { type: "string", description: "jobs holding a slice on this node" },
      nameContains: str,
      limit: { type: "integer", minimum: 1, maximum: 10_000, default: 1000 },
    },
  },
  response: {
    200: {
      type: "object",
      properties: { jobs: { type: "array", items: { $ref: "Job#" } } },
      required: ["jobs"],
    },
    400: errors[400],
  },
} as const;

export const watchJobsSchema = {
  summary: "Job events as they happen (server-sent events)",
  description:
    "A `text/event-stream` of `job` events, each `data` a JSON `{type: created|updated, job, at}`: the HTTP " +
    "side of gRPC JobService.Watch. A comment line every 15 s keeps proxies from closing it.",
  tags: ["jobs"],
  produces: ["text/event-stream"],
  querystring: {
    type: "object",
    additionalProperties: false,
    properties: {
      jobId: { type: "string", description: "only this job" },
      includeCurrent: { type: "boolean", default: false, description: "start with the jobs as they are now" },
    },
  },
} as const;

export const jobSchema = {
  summary: "One job",
  tags: ["jobs"],
  params: { type: "object", properties: { id: str }, required: ["id"] },
  response: { 200: { $ref: "Job#" }, 404: errors[404] },
} as const;

const jobSpecSchema = protoJsonSchema(tesseraMessage("JobSpec"));

/**
 * The JSON form of tessera.v1.JobSpec, made from the proto definition itself, plus `clientRequestId` (gRPC's
 * SubmitRequest.client_request_id): HTTP takes every field gRPC does, with its defaults and its checks.
 */
export const submitJobSchema = {
  summary: "Submit a job",
  tags: ["jobs"],
  body: {
    ...jobSpecSchema,
    properties: {
      ...(jobSpecSchema.properties as Record<string, unknown>),
      clientRequestId: { type: "string", description: "makes a retried submit return the first job" },
    },
  },
  response: {
    201: {
      type: "object",
      properties: { job: { $ref: "Job#" }, deduplicated: bool },
      required: ["job", "deduplicated"],
    },
    400: errors[400],
    401: errors[401],
    503: errors[503],
  },
} as const;

export const cancelJobSchema = {
  summary: "Cancel a job",
  tags: ["jobs"],
  params: { type: "object", properties: { id: str }, required: ["id"] },
  querystring: { type: "object", additionalProperties: false, properties: { reason: str } },
  response: {
    200: { $ref: "Job#" },
    400: errors[400],
    401: errors[401],
    404: errors[404],
    409: { $ref: "Error#", description: "the job has finished already (Succeeded, Failed, Cancelled, ...)" },
    503: errors[503],
  },
} as const;
