import { gpuModels } from "../../proto/catalog/GpuCatalog.ts";
import { isCatalogMigProfile, unknownMigProfileText } from "../../proto/catalog/UnknownMigProfile.ts";
import type { JobSpec__Output } from "../../proto/generated/tessera/v1/JobSpec.ts";
import { vmJobEnv } from "../../proto/tessera/VmJobWire.ts";
import { type JobKind, type JobSpec, jobKinds, type RequestShape } from "../store/JobRecord.ts";
import { containerSpec } from "./ContainerSpecValidation.ts";
import { quoted } from "./QuotedValue.ts";
import { ServiceError } from "./ServiceError.ts";

const namePattern = /^[A-Za-z0-9][A-Za-z0-9\-_.:/@]{0,252}$/;
const identPattern = /^[a-z0-9][a-z0-9\-_.]{0,62}$/;
const envNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;
const maxCommandBytes = 64 * 1024;
const maxCommandArgs = 4096;
/** Environment limits keep every node's desired state far below the agent's receive limit (see docs/service.md). */
export const envLimits = { variables: 256, valueBytes: 16 * 1024, totalBytes: 64 * 1024 } as const;
const maxModels = 32;
const knownModels = new Set(gpuModels.map((m) => m.id));

/** Checks a submitted spec field by field; the first problem becomes an INVALID_ARGUMENT naming the field. */
export function validateJobSpec(spec: JobSpec__Output | null | undefined): JobSpec {
  if (!spec)
    throw ServiceError.invalid("spec is missing: send a JobSpec with at least name, request and command");
  const bad = (field: string, what: string) => ServiceError.invalid(`spec.${field}: ${what}`);
  if (!spec.name) throw bad("name", "is required");
  if (spec.name.length > 253) throw bad("name", `is ${spec.name.length} characters long; the limit is 253`);
  if (!namePattern.test(spec.name)) {
    throw bad(
      "name",
      `${quoted(spec.name)} may only hold letters, digits and -_.:/@, starting with a letter or digit`,
    );
  }
  const tenant = spec.tenant || "default";
  if (!identPattern.test(tenant))
    throw bad("tenant", `${quoted(tenant)} must be lower-case letters, digits and -_. (1-63)`);
  const queue = spec.queue || "default";
  if (!identPattern.test(queue))
    throw bad("queue", `${quoted(queue)} must be lower-case letters, digits and -_. (1-63)`);
  if (!Number.isInteger(spec.priority) || spec.priority < -1000 || spec.priority > 1000) {
    throw bad("priority", `${spec.priority} is outside -1000..1000`);
  }
  const kind = (spec.kind || "batch") as JobKind;
  if (!jobKinds.includes(kind))
    throw bad("kind", `${quoted(spec.kind)} is not one of ${jobKinds.join(", ")}`);
  if (spec.command.length === 0) throw bad("command", "is empty; give the program and its arguments");
  if (spec.command[0] === "") throw bad("command", "the program name (command[0]) is empty");
  const commandBytes = spec.command.reduce((n, a) => n + Buffer.byteLength(a), 0);
  if (spec.command.length > maxCommandArgs)
    throw bad("command", `has ${spec.command.length} arguments; the limit is ${maxCommandArgs}`);
  if (commandBytes > maxCommandBytes)
    throw bad("command", `is ${commandBytes} bytes; the limit is ${maxCommandBytes}`);
  if (spec.command.some((a) => a.includes("\0"))) throw bad("command", "an argument contains a NUL byte");
  const env = Object.entries(spec.env);
  if (env.length > envLimits.variables)
    throw bad("env", `has ${env.length} variables; the limit is ${envLimits.variables}`);
  let envBytes = 0;
  for (const [name, value] of env) {
    if (name.length > 256 || !envNamePattern.test(name))
      throw bad("env", `${quoted(name)} is not a valid variable name`);
    const valueBytes = Buffer.byteLength(value);
    if (valueBytes > envLimits.valueBytes) {
      throw bad(
        `env.${name}`,
        `is ${valueBytes} bytes; the limit is ${envLimits.valueBytes} (pass big data as a file)`,
      );
    }
    envBytes += valueBytes + name.length;
    if (/^(TESSERA_|CUDA_|NVIDIA_)/.test(name) && !(kind === "vm" && name === vmJobEnv.image)) {
      throw bad(`env.${name}`, "is reserved: Tessera sets TESSERA_*, CUDA_* and NVIDIA_* itself");
    }
    if (value.includes("\0")) throw bad(`env.${name}`, "contains a NUL byte");
  }
  if (envBytes > envLimits.totalBytes) {
    throw bad(
      "env",
      `holds ${envBytes} bytes; the limit is ${envLimits.totalBytes} in all (pass big data as a file)`,
    );
  }
  const request = spec.request;
  if (!request?.shape) {
    throw bad("request", "needs exactly one of mig, slice, share, whole, gang or no_gpu");
  }
  if (request.models.length > maxModels)
    throw bad("request.models", `lists ${request.models.length} models; the limit is ${maxModels}`);
  for (const m of request.models) {
    if (!knownModels.has(m))
      throw bad("request.models", `unknown GPU model ${quoted(m)}; known: ${[...knownModels].join(", ")}`);
  }
  const count = (field: string, v: number, min: number, max: number) => {
    if (!Number.isInteger(v) || v < min || v > max)
      throw bad(`request.${field}`, `${v} is outside ${min}..${max}`);
    return v;
  };
  count("cpu_millis", request.cpuMillis, 0, 10_000_000);
  count("memory_mib", request.memoryMib, 0, 100_000_000);
  let shape: RequestShape;
  switch (request.shape) {
    case "mig": {
      const profile = request.mig?.profile ?? "";
      if (!isCatalogMigProfile(profile)) {
        // Against the models the request names, or else every model Tessera knows.
        const models = request.models.length > 0 ? request.models : [...knownModels];
        throw bad("request.mig.profile", unknownMigProfileText(profile, models, quoted));
      }
      shape = { kind: "mig", profile };
      break;
    }
    case "slice":
      shape = {
        kind: "slice",
        memoryMiB: count("slice.memory_mib", request.slice?.memoryMib ?? 0, 1, 1_000_000),
        computeSevenths: count("slice.compute_sevenths", request.slice?.computeSevenths ?? 0, 1, 7),
      };
      break;
    case "share":
      shape = {
        kind: "share",
        gpuMilli: count("share.gpu_milli", request.share?.gpuMilli ?? 0, 1, 999),
        memoryMiB: count("share.memory_mib", request.share?.memoryMib ?? 0, 1, 1_000_000),
      };
      break;
    case "whole":
      shape = {
        kind: "whole",
        gpus: count("whole.gpus", request.whole?.gpus ?? 0, 1, 64),
        requireNvlink: request.whole?.requireNvlink ?? false,
      };
      break;
    case "gang":
      shape = {
        kind: "gang",
        nodes: count("gang.nodes", request.gang?.nodes ?? 0, 1, 4096),
        gpusPerNode: count("gang.gpus_per_node", request.gang?.gpusPerNode ?? 0, 1, 64),
        ...(request.gang?.mixedModels ? { mixedModels: true } : {}),
      };
      break;
    case "noGpu":
      if (request.cpuMillis === 0 && request.memoryMib === 0) {
        throw bad("request.no_gpu", "asks for nothing: give cpu_millis or memory_mib (or both)");
      }
      shape = { kind: "none" };
      break;
  }
  const container = containerSpec(spec, kind, bad);
  return {
    name: spec.name,
    tenant,
    queue,
    priority: spec.priority,
    kind,
    request: {
      shape,
      models: [...request.models],
      cpuMillis: request.cpuMillis,
      memoryMiB: request.memoryMib,
    },
    command: [...spec.command],
    env: { ...spec.env },
    workdir: spec.workdir,
    ...queueingFields(spec, bad),
    ...(container ? { container } : {}),
  };
}

/** The queueing fields (priority class, preemption, declared run time); the queue checks the class exists. */
function queueingFields(
  spec: JobSpec__Output,
  bad: (field: string, what: string) => ServiceError,
): Pick<JobSpec, "priorityClass" | "preemptible" | "requeueOnPreemption" | "maxRuntimeSeconds"> {
  if (spec.priorityClass && !identPattern.test(spec.priorityClass)) {
    throw bad(
      "priority_class",
      `${quoted(spec.priorityClass)} must be lower-case letters, digits and -_. (1-63)`,
    );
  }
  if (!Number.isInteger(spec.maxRuntimeSeconds) || spec.maxRuntimeSeconds < 0) {
    throw bad(
      "max_runtime_seconds",
      `${spec.maxRuntimeSeconds} must be a whole number of seconds >= 0 (0: none)`,
    );
  }
  return {
    ...(spec.priorityClass ? { priorityClass: spec.priorityClass } : {}),
    ...(spec.preemptible ? { preemptible: true } : {}),
    ...(spec.requeueOnPreemption ? { requeueOnPreemption: true } : {}),
    ...(spec.maxRuntimeSeconds > 0 ? { maxRuntimeSeconds: spec.maxRuntimeSeconds } : {}),
  };
}
