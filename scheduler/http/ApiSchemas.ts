/**
 * JSON schemas of the HTTP API: fastify validates requests and serializes responses with them, and
 * @fastify/swagger turns them into /openapi.json. Shared shapes are registered once by `$id`.
 */

const str = { type: "string" } as const;
const int = { type: "integer" } as const;
const num = { type: "number" } as const;
const bool = { type: "boolean" } as const;
const nullableNum = { type: ["number", "null"] } as const;
const ms = { type: "integer", description: "milliseconds since the Unix epoch" } as const;

/** `now`, `now-7d`, epoch milliseconds, or an ISO 8601 date or date-time. */
export const instantPattern =
  "^(now(-[0-9]+(ms|s|m|h|d|w))?|[0-9]{10,16}|[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?)$";
export const durationPattern = "^[0-9]+(ms|s|m|h|d|w)?$";

const instant = (description: string) =>
  ({
    type: "string",
    pattern: instantPattern,
    description: `${description}: \`now\`, \`now-7d\`, epoch milliseconds or an ISO 8601 date/date-time`,
  }) as const;
const duration = (description: string) =>
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
      healthy: bool,
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
      state: { type: "string", enum: ["Pending", "Running", "Succeeded", "Failed", "Cancelled"] },
      request: str,
      submittedAt: ms,
      startedAt: ms,
      finishedAt: ms,
      reason: str,
      sliceIds: { type: "array", items: str },
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

const errors = {
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
  response: {
    200: { $ref: "Job#" },
    400: errors[400],
    401: errors[401],
    404: errors[404],
    409: { $ref: "Error#", description: "the job has finished already (Succeeded, Failed, Cancelled, ...)" },
    503: errors[503],
  },
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

export const utilizationSchema = {
  summary: "Utilization history per GPU, MIG instance, node, model or tenant",
  description:
    "Means per step from raw samples, 1-minute or 1-hour rollups (the finest that covers `from` and the step). " +
    "MIG instances have no utilization in NVML; their points carry memory only.",
  tags: ["history"],
  querystring: {
    type: "object",
    additionalProperties: false,
    properties: {
      from: { ...instant("start"), default: "now-1h" },
      to: { ...instant("end"), default: "now" },
      step: { ...duration("step between points"), default: "1m" },
      groupBy: { type: "string", enum: ["gpu", "mig", "node", "model", "tenant"], default: "gpu" },
      node: str,
      model: { type: "string", description: "catalog id, e.g. H100-SXM5-80GB" },
      tenant: str,
      gpu: { type: "string", description: "GPU UUID" },
    },
  },
  response: {
    200: {
      type: "object",
      properties: {
        from: ms,
        to: ms,
        stepMs: int,
        groupBy: str,
        resolution: { type: "string", enum: ["raw", "1m", "1h"] },
        series: {
          type: "array",
          items: {
            type: "object",
            properties: {
              labels: { type: "object", additionalProperties: str },
              points: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    t: ms,
                    utilizationPercent: nullableNum,
                    maxUtilizationPercent: nullableNum,
                    memoryUsedMiB: num,
                    maxMemoryUsedMiB: num,
                    temperatureC: nullableNum,
                    powerW: nullableNum,
                    samples: int,
                  },
                  required: ["t", "utilizationPercent", "memoryUsedMiB", "samples"],
                },
              },
            },
            required: ["labels", "points"],
          },
        },
      },
      required: ["from", "to", "stepMs", "groupBy", "resolution", "series"],
    },
    400: errors[400],
    503: { $ref: "Error#", description: "the scheduler keeps no utilization history (no FinOps store)" },
  },
} as const;

export const latestSamplesSchema = {
  summary: "The latest NVML reading of every GPU and MIG instance (last minute)",
  tags: ["history"],
  response: {
    200: {
      type: "object",
      properties: { samples: { type: "array", items: { $ref: "UtilizationSample#" } } },
      required: ["samples"],
    },
    503: { $ref: "Error#", description: "the scheduler keeps no utilization history (no FinOps store)" },
  },
} as const;

export const fleetHistorySchema = {
  summary: "Allocation ratio, fragmentation, idle allocations and pending jobs over time",
  tags: ["history"],
  querystring: {
    type: "object",
    additionalProperties: false,
    properties: {
      from: { ...instant("start"), default: "now-6h" },
      to: { ...instant("end"), default: "now" },
      step: { ...duration("step between points"), default: "5m" },
    },
  },
  response: {
    200: {
      type: "object",
      properties: {
        points: {
          type: "array",
          items: {
            type: "object",
            properties: {
              t: ms,
              gpus: int,
              allocationRatio: num,
              fragmentation: num,
              idleAllocations: num,
              pendingJobs: num,
            },
            required: ["t", "gpus", "allocationRatio", "fragmentation", "idleAllocations", "pendingJobs"],
          },
        },
      },
      required: ["points"],
    },
    400: errors[400],
    503: { $ref: "Error#", description: "the scheduler keeps no utilization history (no FinOps store)" },
  },
} as const;

export const usageReportSchema = {
  summary: "GPU-hours, cost and idle cost per tenant and model for a period",
  description: "`format=csv` answers text/csv with one line per tenant and model.",
  tags: ["reports"],
  querystring: {
    type: "object",
    additionalProperties: false,
    properties: {
      from: { ...instant("start of the period"), default: "now-7d" },
      to: { ...instant("end of the period"), default: "now" },
      format: { type: "string", enum: ["json", "csv"], default: "json" },
    },
  },
  response: {
    200: {
      type: "object",
      properties: {
        from: ms,
        to: ms,
        currency: str,
        rows: { type: "array", items: { $ref: "UsageRow#" } },
        tenants: { type: "array", items: { $ref: "UsageRow#" } },
        unpricedModels: { type: "array", items: str },
      },
      required: ["from", "to", "currency", "rows", "tenants", "unpricedModels"],
    },
    400: errors[400],
    503: { $ref: "Error#", description: "the scheduler keeps no utilization history (no FinOps store)" },
  },
} as const;

export const idleSchema = {
  summary: "Allocations idle now, with since when",
  tags: ["reports"],
  response: {
    200: {
      type: "object",
      properties: { idle: { type: "array", items: { $ref: "IdleAllocation#" } } },
      required: ["idle"],
    },
    503: { $ref: "Error#", description: "the scheduler keeps no utilization history (no FinOps store)" },
  },
} as const;
