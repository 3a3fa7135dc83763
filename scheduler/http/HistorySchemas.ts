import { duration, errors, instant, int, ms, nullableNum, num, str } from "./ApiSchemas.ts";

/** JSON schemas of the utilization, usage and idle routes (see ApiSchemas.ts for how schemas are used). */

/** What every history route answers on a scheduler that keeps no FinOps store. */
const noHistory = {
  $ref: "Error#",
  description: "the scheduler keeps no utilization history (no FinOps store)",
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
    503: noHistory,
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
    503: noHistory,
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
    503: noHistory,
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
    503: noHistory,
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
    503: noHistory,
  },
} as const;
