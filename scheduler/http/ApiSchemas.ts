/**
 * JSON schemas of the HTTP API: fastify validates requests and serializes responses with them, and
 * @fastify/swagger turns them into /openapi.json. Shared shapes are registered once by `$id`.
 */

import { jobStates } from "../store/JobRecord.ts";

export const str = { type: "string" } as const;
export const int = { type: "integer" } as const;
export const num = { type: "number" } as const;
export const bool = { type: "boolean" } as const;
export const nullableNum = { type: ["number", "null"] } as const;
export const ms = { type: "integer", description: "milliseconds since the Unix epoch" } as const;

/** `now`, `now-7d`, epoch milliseconds, or an ISO 8601 date or date-time. */
export const instantPattern =
  "^(now(-[0-9]+(ms|s|m|h|d|w))?|[0-9]{10,16}|[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?)$";
export const durationPattern = "^[0-9]+(ms|s|m|h|d|w)?$";

export const instant = (description: string) =>
  ({
    type: "string",
    pattern: instantPattern,
    description: `${description}: \`now\`, \`now-7d\`, epoch milliseconds or an ISO 8601 date/date-time`,
  }) as const;
export const duration = (description: string) =>
  ({
    type: "string",
    pattern: durationPattern,
    description: `${description}: like \`30s\`, \`5m\`, \`1h\`, \`1d\``,
  }) as const;

export const sharedSchemas = [
  {
    $id: "Error",
    type: "object",
    description: "What went wrong and what to fix.",
    properties: { statusCode: int, error: str, message: str },
    required: ["statusCode", "error", "message"],
  },
  {
    $id: "Slice",
    type: "object",
    properties: {
      id: str,
      kind: { type: "string", enum: ["mig", "shared", "whole"] },
      profile: str,
      placementStart: int,
      gpuInstanceId: int,
      computeInstanceId: int,
      migUuid: str,
      share: { type: "number", description: "part of the GPU, 0 < share <= 1" },
      jobId: str,
      otherTenant: {
        type: "boolean",
        description:
          "held by a job of a tenant the caller may not see (its id, name and tenant are left out)",
      },
      shares: {
        type: "array",
        description:
          "a MIG instance that MPS shares run on: one `shared` slice per share job, each with its part of the instance's share",
        items: { $ref: "Slice#" },
      },
    },
    required: ["id", "kind", "share"],
  },
  {
    $id: "Gpu",
    type: "object",
    properties: {
      uuid: str,
      index: int,
      modelId: str,
      modelName: str,
      memoryMiB: int,
      sharingMode: { type: "string", enum: ["whole", "mig", "shared"] },
      shareIsolation: {
        type: "string",
        enum: ["mps", "time-sliced"],
        description:
          "for a shared GPU: `mps` when an MPS control daemon enforces the shares' limits, `time-sliced` when the node has no MPS (GPU memory is not isolated)",
      },
      healthy: bool,
      unhealthyReason: {
        type: "string",
        description:
          "what is wrong with an unhealthy GPU, as its agent reports it (e.g. `xid 79: fallen off the bus`)",
      },
      slices: { type: "array", items: { $ref: "Slice#" } },
    },
    required: ["uuid", "index", "modelId", "modelName", "memoryMiB", "sharingMode", "healthy", "slices"],
  },
  {
    $id: "Node",
    type: "object",
    properties: {
      name: str,
      state: { type: "string", enum: ["Ready", "NotReady", "Draining"] },
      labels: { type: "object", additionalProperties: str },
      cpuMillis: int,
      memoryMiB: int,
      gpus: { type: "array", items: { $ref: "Gpu#" } },
    },
    required: ["name", "state", "labels", "gpus"],
  },
  {
    $id: "Job",
    type: "object",
    properties: {
      id: str,
      name: str,
      tenant: str,
      queue: str,
      priority: int,
      kind: str,
      state: { type: "string", enum: jobStates },
      request: str,
      image: { type: "string", description: "the OCI image a container job runs in; absent on the host" },
      submittedAt: ms,
      startedAt: ms,
      finishedAt: ms,
      reason: str,
      sliceIds: { type: "array", items: str },
      transitions: {
        type: "array",
        description: "every lifecycle step, oldest first",
        items: {
          type: "object",
          properties: { from: str, to: { type: "string", enum: jobStates }, at: ms, reason: str },
          required: ["from", "to", "at", "reason"],
        },
      },
      members: {
        type: "array",
        description: "a gang's members by rank (one process per node); absent for other jobs",
        items: {
          type: "object",
          properties: {
            rank: int,
            node: str,
            state: {
              type: "string",
              description:
                "Scheduled, Running, Succeeded, Failed, Stopped (ended with its gang) or the job's state",
            },
            detail: { type: "string", description: "how its process ended, e.g. `exited with code 3`" },
            logPath: { type: "string", description: "its output file on its node (GET .../logs?rank=N)" },
            gpus: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  index: int,
                  modelId: str,
                  kind: { type: "string", enum: ["mig", "shared", "whole"] },
                  profile: str,
                  share: { type: "number", description: "part of the GPU, 0 < share <= 1" },
                },
                required: ["index", "modelId", "kind", "share"],
              },
            },
          },
          required: ["rank", "node", "state", "gpus"],
        },
      },
      failedMember: {
        type: "string",
        description: "which member brought a failed gang down: `rank 1 on node-b: exited with code 3`",
      },
    },
    required: [
      "id",
      "name",
      "tenant",
      "queue",
      "priority",
      "kind",
      "state",
      "request",
      "submittedAt",
      "sliceIds",
    ],
  },
  {
    $id: "UtilizationSample",
    type: "object",
    properties: {
      at: ms,
      node: str,
      gpuUuid: str,
      migUuid: str,
      utilizationPercent: nullableNum,
      memoryUsedMiB: num,
      memoryTotalMiB: num,
      temperatureC: nullableNum,
      powerW: nullableNum,
    },
    required: ["at", "node", "gpuUuid", "utilizationPercent", "memoryUsedMiB", "memoryTotalMiB"],
  },
  {
    $id: "IdleAllocation",
    type: "object",
    properties: {
      episodeId: int,
      allocationId: int,
      jobId: str,
      tenant: str,
      queue: str,
      node: str,
      gpuUuid: str,
      modelId: str,
      profile: str,
      sliceId: str,
      share: num,
      since: { ...ms, description: "last reading with compute activity or a memory change" },
      flaggedAt: ms,
      reclaimAt: {
        type: ["integer", "null"],
        description: "when the queue's policy reclaims it, if it does",
      },
    },
    required: [
      "jobId",
      "tenant",
      "queue",
      "node",
      "gpuUuid",
      "modelId",
      "profile",
      "sliceId",
      "since",
      "flaggedAt",
    ],
  },
  {
    $id: "UsageRow",
    type: "object",
    properties: {
      tenant: str,
      model: str,
      gpuHours: num,
      idleGpuHours: num,
      cost: { ...nullableNum, description: "null when the model has no price in the config" },
      idleCost: nullableNum,
    },
    required: ["tenant", "model", "gpuHours", "idleGpuHours", "cost", "idleCost"],
  },
] as const;

export const errors = {
  400: { $ref: "Error#" },
  401: { $ref: "Error#" },
  404: { $ref: "Error#" },
  503: { $ref: "Error#" },
} as const;

export const healthSchema = {
  summary: "Liveness: the process answers",
  tags: ["health"],
  response: { 200: { type: "object", properties: { status: str }, required: ["status"] } },
} as const;

export const readySchema = {
  summary: "Readiness: the store is open and the scheduler is serving",
  tags: ["health"],
  response: {
    200: { type: "object", properties: { status: str }, required: ["status"] },
    503: { $ref: "Error#" },
  },
} as const;

export const metricsSchema = {
  summary: "Prometheus metrics (text exposition format)",
  tags: ["health"],
  produces: ["text/plain"],
  querystring: {
    type: "object",
    additionalProperties: false,
    properties: {
      naming: {
        type: "string",
        enum: ["tessera", "dcgm"],
        default: "tessera",
        description:
          "per-device series as tessera_gpu_* (bytes), or under NVIDIA DCGM exporter names and units (DCGM_FI_DEV_FB_USED in MiB, ...)",
      },
    },
  },
  response: { 200: { type: "string" }, 400: errors[400] },
} as const;

export const nodesSchema = {
  summary: "Nodes with their GPUs and slices",
  tags: ["fleet"],
  response: {
    200: {
      type: "object",
      properties: { nodes: { type: "array", items: { $ref: "Node#" } } },
      required: ["nodes"],
    },
  },
} as const;

export const nodeSchema = {
  summary: "One node",
  tags: ["fleet"],
  params: { type: "object", properties: { name: str }, required: ["name"] },
  response: { 200: { $ref: "Node#" }, 404: errors[404] },
} as const;

const profileCapacity = {
  type: "object",
  properties: { profile: str, available: int, allocated: int },
  required: ["profile", "available", "allocated"],
} as const;

export const capacitySchema = {
  summary: "Free and allocated capacity by GPU model and MIG profile, and fragmentation",
  tags: ["fleet"],
  response: {
    200: {
      type: "object",
      properties: {
        gpus: int,
        allocatedGpus: num,
        freeGpus: num,
        allocationRatio: num,
        fragmentation: { type: "number", description: "share of free capacity stranded on partly used GPUs" },
        models: {
          type: "array",
          items: {
            type: "object",
            properties: {
              model: str,
              modelName: str,
              gpus: int,
              gpusByState: {
                type: "object",
                properties: { free: int, partial: int, full: int, unavailable: int },
                required: ["free", "partial", "full", "unavailable"],
              },
              allocatedGpus: num,
              freeGpus: num,
              allocationRatio: num,
              fragmentation: num,
              profiles: { type: "array", items: profileCapacity },
            },
            required: ["model", "modelName", "gpus", "gpusByState", "allocatedGpus", "freeGpus", "profiles"],
          },
        },
      },
      required: ["gpus", "allocatedGpus", "freeGpus", "allocationRatio", "fragmentation", "models"],
    },
  },
} as const;

const resourceAmounts = (description: string) =>
  ({ type: "object", additionalProperties: num, description }) as const;

export const queuesSchema = {
  summary: "Usage, quota, borrowed capacity and pending jobs per queue (as `tessera queues --json`)",
  description:
    "Resource amounts are keyed by resource name: `gpus` (GPU-equivalents: a whole GPU is 1, a MIG slice its compute sevenths), a GPU model id (whole GPUs), a MIG profile (instances), `cpu` (cores), `memory` (MiB).",
  tags: ["queues"],
  response: {
    200: {
      type: "object",
      properties: {
        queues: {
          type: "array",
          items: {
            type: "object",
            properties: {
              name: str,
              cohort: { type: "string", description: "empty when the queue lends and borrows with nobody" },
              weight: num,
              quota: resourceAmounts("guaranteed amounts"),
              borrowingLimit: resourceAmounts("most the queue may borrow per resource"),
              usage: resourceAmounts("what the queue's admitted jobs hold now"),
              borrowed: resourceAmounts("the part of usage beyond quota, lent by the cohort"),
              pending: int,
              running: int,
              admittedTotal: { type: "integer", description: "jobs admitted since the scheduler started" },
              preemptedTotal: { type: "integer", description: "jobs preempted since the scheduler started" },
            },
            required: [
              "name",
              "cohort",
              "weight",
              "quota",
              "borrowingLimit",
              "usage",
              "borrowed",
              "pending",
              "running",
              "admittedTotal",
              "preemptedTotal",
            ],
          },
        },
      },
      required: ["queues"],
    },
    503: errors[503],
  },
} as const;
