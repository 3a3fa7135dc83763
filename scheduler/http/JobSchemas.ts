import { bool, errors, int, str } from "./ApiSchemas.ts";

/** JSON schemas of the job routes (see ApiSchemas.ts for how schemas are used). */

const jobStates = ["Pending", "Running", "Succeeded", "Failed", "Cancelled"] as const;

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

const positive = { type: "integer", minimum: 1 } as const;

/** The JSON form of tessera.v1.JobSpec (proto field names in lowerCamelCase). */
export const submitJobSchema = {
  summary: "Submit a job",
  tags: ["jobs"],
  body: {
    type: "object",
    additionalProperties: false,
    required: ["name", "tenant", "request"],
    properties: {
      name: { type: "string", minLength: 1 },
      tenant: { type: "string", minLength: 1 },
      queue: str,
      priority: int,
      kind: { type: "string", enum: ["training", "inference", "batch", "vm"] },
      request: {
        type: "object",
        additionalProperties: false,
        description: "exactly one of mig, slice, share, whole, gang, noGpu",
        minProperties: 1,
        properties: {
          mig: {
            type: "object",
            additionalProperties: false,
            required: ["profile"],
            properties: { profile: { type: "string", description: "e.g. 3g.40gb" } },
          },
          slice: {
            type: "object",
            additionalProperties: false,
            required: ["memoryMib", "computeSevenths"],
            properties: { memoryMib: positive, computeSevenths: { type: "integer", minimum: 1, maximum: 7 } },
          },
          share: {
            type: "object",
            additionalProperties: false,
            required: ["gpuMilli", "memoryMib"],
            properties: { gpuMilli: { type: "integer", minimum: 1, maximum: 1000 }, memoryMib: positive },
          },
          whole: {
            type: "object",
            additionalProperties: false,
            required: ["gpus"],
            properties: { gpus: positive, requireNvlink: bool },
          },
          gang: {
            type: "object",
            additionalProperties: false,
            required: ["nodes", "gpusPerNode"],
            properties: { nodes: positive, gpusPerNode: positive },
          },
          noGpu: {
            type: "object",
            additionalProperties: false,
            description: "no GPU: only cpuMillis and memoryMib, on one node (a CPU-only job or a MicroVM)",
            properties: {},
          },
          models: { type: "array", items: str, description: "catalog ids the job may run on" },
          cpuMillis: { type: "integer", minimum: 0 },
          memoryMib: { type: "integer", minimum: 0 },
        },
      },
      command: { type: "array", items: str },
      env: { type: "object", additionalProperties: str },
      workdir: str,
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
  response: { 200: { $ref: "Job#" }, 401: errors[401], 404: errors[404], 503: errors[503] },
} as const;
