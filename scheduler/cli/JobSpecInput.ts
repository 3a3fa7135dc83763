import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, resolve } from "node:path";
import type { JobSpec } from "../../proto/generated/tessera/v1/JobSpec.ts";
import type { ResourceRequest } from "../../proto/generated/tessera/v1/ResourceRequest.ts";
import { parseDuration } from "../finops/FinopsConfig.ts";
import { parseAmount } from "../queue/ResourceName.ts";
import { parseContainerMount } from "./ContainerMountSyntax.ts";

/** `tessera submit` flags; each overrides the same field of `-f job.yaml`. */
export interface SubmitFlags {
  file?: string;
  name?: string;
  tenant?: string;
  queue?: string;
  priority?: string;
  kind?: string;
  mig?: string;
  gpus?: string;
  nodes?: string;
  mixedModels?: boolean;
  share?: string;
  gpuMemory?: string;
  computeSevenths?: string;
  nvlink?: boolean;
  model?: string[];
  cpu?: string;
  memory?: string;
  env?: string[];
  workdir?: string;
  priorityClass?: string;
  preemptible?: boolean;
  requeue?: boolean;
  maxRuntime?: string;
  vm?: boolean;
  vcpus?: string;
  image?: string;
  mount?: string[];
}

function fail(where: string, what: string): never {
  throw new Error(`${where}: ${what}`);
}

function integer(value: unknown, where: string): number {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^-?\d+$/.test(value.trim())
        ? Number(value)
        : Number.NaN;
  if (!Number.isInteger(n)) fail(where, `expected an integer, got ${JSON.stringify(value)}`);
  return n;
}

/** `12GiB`, `512Mi`, `4096` (MiB) to MiB. */
export function memoryMiB(value: unknown, where: string): number {
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return Number(value);
  const parsed = parseAmount("memory", value);
  if (typeof parsed === "string") fail(where, parsed);
  return Math.round(parsed);
}

/** `0.25` or `25%` of a GPU to thousandths. */
function gpuFraction(value: unknown, where: string): number {
  const text = String(value).trim();
  const n = text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (!Number.isFinite(n) || n <= 0 || n >= 1)
    fail(where, `expected a fraction of one GPU such as 0.25 or 25%, got "${text}"`);
  return Math.round(n * 1000);
}

/** CPU as cores (`2`, `0.5`) or millicores (`500m`) to millicores. */
function cpuMillis(value: unknown, where: string): number {
  const text = String(value).trim();
  if (/^\d+m$/.test(text)) return Number(text.slice(0, -1));
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0)
    fail(where, `expected cores (2, 0.5) or millicores (500m), got "${text}"`);
  return Math.round(n * 1000);
}

type Doc = Record<string, unknown>;

function asDoc(value: unknown, where: string): Doc {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) fail(where, "expected a mapping");
  return value as Doc;
}

function stringList(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (typeof value === "string") return [value];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string" || typeof v === "number")) {
    fail(where, "expected a list of strings");
  }
  return value.map(String);
}

const fileKeys = [
  "name",
  "tenant",
  "queue",
  "priority",
  "priorityClass",
  "preemptible",
  "requeueOnPreemption",
  "maxRuntime",
  "kind",
  "request",
  "command",
  "env",
  "workdir",
  "image",
  "mounts",
];

/** A declared maximum run time (`2h`, `90m`, or seconds) as whole seconds. */
function runtimeSeconds(value: unknown, where: string): number {
  const ms = parseDuration(value, where);
  if (ms <= 0) fail(where, "must be longer than 0");
  return Math.ceil(ms / 1000);
}
const requestKeys = ["mig", "slice", "share", "gpus", "nvlink", "gang", "models", "cpu", "memory"];

/** The request part of a job file (see docs/service.md). */
function requestFromFile(raw: unknown, where: string): ResourceRequest {
  const r = asDoc(raw, where);
  for (const key of Object.keys(r)) {
    if (!requestKeys.includes(key))
      fail(`${where}.${key}`, `unknown key; use one of ${requestKeys.join(", ")}`);
  }
  const request: ResourceRequest = { models: stringList(r.models, `${where}.models`) };
  if (r.cpu !== undefined) request.cpuMillis = cpuMillis(r.cpu, `${where}.cpu`);
  if (r.memory !== undefined) request.memoryMib = memoryMiB(r.memory, `${where}.memory`);
  const shapes = ["mig", "slice", "share", "gpus", "gang"].filter((k) => r[k] !== undefined);
  if (shapes.length > 1)
    fail(where, `give one of mig, slice, share, gpus or gang, not ${shapes.join(" and ")}`);
  if (r.mig !== undefined) request.mig = { profile: String(r.mig) };
  if (r.slice !== undefined) {
    const s = asDoc(r.slice, `${where}.slice`);
    request.slice = {
      memoryMib: memoryMiB(s.memory, `${where}.slice.memory`),
      computeSevenths: integer(s.computeSevenths, `${where}.slice.computeSevenths`),
    };
  }
  if (r.share !== undefined) {
    const s = asDoc(r.share, `${where}.share`);
    request.share = {
      gpuMilli: gpuFraction(s.gpu, `${where}.share.gpu`),
      memoryMib: memoryMiB(s.memory, `${where}.share.memory`),
    };
  }
  if (r.gpus !== undefined) {
    request.whole = {
      gpus: integer(r.gpus, `${where}.gpus`),
      requireNvlink: r.nvlink === true || r.nvlink === "required",
    };
  }
  if (r.gang !== undefined) {
    const g = asDoc(r.gang, `${where}.gang`);
    for (const key of Object.keys(g)) {
      if (!["nodes", "gpusPerNode", "mixedModels"].includes(key))
        fail(`${where}.gang.${key}`, "unknown key; use nodes, gpusPerNode or mixedModels");
    }
    request.gang = {
      nodes: integer(g.nodes, `${where}.gang.nodes`),
      gpusPerNode: integer(g.gpusPerNode, `${where}.gang.gpusPerNode`),
      mixedModels: g.mixedModels === true,
    };
  }
  return request;
}

/** The YAML parser, loaded on first use: most `tessera submit` runs take flags, and the CLI starts faster without it. */
function yamlParser(): typeof import("yaml") {
  return createRequire(import.meta.url)("yaml");
}

function specFromFile(path: string): JobSpec {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = yamlParser().parse(text);
  } catch (err) {
    throw new Error(`${path} is not valid YAML: ${(err as Error).message}`);
  }
  const doc = asDoc(raw, path);
  for (const key of Object.keys(doc)) {
    if (!fileKeys.includes(key)) fail(`${path}: ${key}`, `unknown key; use one of ${fileKeys.join(", ")}`);
  }
  const env = asDoc(doc.env, `${path}: env`);
  return {
    name: doc.name === undefined ? undefined : String(doc.name),
    tenant: doc.tenant === undefined ? undefined : String(doc.tenant),
    queue: doc.queue === undefined ? undefined : String(doc.queue),
    priority: doc.priority === undefined ? undefined : integer(doc.priority, `${path}: priority`),
    priorityClass: doc.priorityClass === undefined ? undefined : String(doc.priorityClass),
    preemptible: doc.preemptible === undefined ? undefined : doc.preemptible === true,
    requeueOnPreemption: doc.requeueOnPreemption === undefined ? undefined : doc.requeueOnPreemption === true,
    maxRuntimeSeconds:
      doc.maxRuntime === undefined ? undefined : runtimeSeconds(doc.maxRuntime, `${path}: maxRuntime`),
    kind: doc.kind === undefined ? undefined : String(doc.kind),
    request: doc.request === undefined ? undefined : requestFromFile(doc.request, `${path}: request`),
    command:
      typeof doc.command === "string"
        ? ["sh", "-c", doc.command]
        : stringList(doc.command, `${path}: command`),
    env: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])),
    workdir: doc.workdir === undefined ? undefined : String(doc.workdir),
    image: doc.image === undefined ? undefined : String(doc.image),
    mounts: stringList(doc.mounts, `${path}: mounts`).map((m) => parseContainerMount(m, `${path}: mounts`)),
  };
}

/**
 * A job of kind `vm` (`--vm`): its vCPUs are its CPU request (default 1), its guest memory its memory request
 * (default 512MiB), its GPUs whole ones passed through (`--gpus N`); without GPUs it is a MicroVM. `--image`
 * (a root filesystem archive here, not a container image) travels to the agent as TESSERA_VM_IMAGE.
 */
function vmInput(spec: JobSpec, request: ResourceRequest, flags: SubmitFlags, command: string[]): void {
  if (spec.kind !== "vm") {
    if (flags.vcpus !== undefined) fail("--vcpus", "needs --vm");
    return;
  }
  if (flags.mount !== undefined) fail("--mount", "is for container jobs (--image without --vm)");
  if (request.mig || request.slice || request.share || request.gang) {
    fail("--vm", "a VM gets whole GPUs passed through: use --gpus N (with --nvlink to require NVLink)");
  }
  if (flags.vcpus !== undefined) {
    const vcpus = integer(flags.vcpus, "--vcpus");
    if (vcpus < 1) fail("--vcpus", `must be at least 1, got ${vcpus}`);
    request.cpuMillis = vcpus * 1000;
  } else if (!request.cpuMillis) request.cpuMillis = 1000;
  if (!request.memoryMib) request.memoryMib = 512;
  if (!request.whole) request.noGpu = {};
  if (flags.image !== undefined) {
    const image = resolve(flags.image);
    if (!existsSync(image)) fail("--image", `${image} does not exist; give a root filesystem archive (cpio)`);
    spec.env = { ...spec.env, TESSERA_VM_IMAGE: image };
  }
  spec.name ||= `vm-${basename(spec.command?.[0] ?? command[0] ?? "job")}`;
}

/** The JobSpec message a `tessera submit` invocation describes: the file, then flags, then the command. */
export function jobSpecFromInput(flags: SubmitFlags, command: string[]): JobSpec {
  const spec: JobSpec = flags.file ? specFromFile(flags.file) : { env: {} };
  if (flags.name !== undefined) spec.name = flags.name;
  if (flags.tenant !== undefined) spec.tenant = flags.tenant;
  if (flags.queue !== undefined) spec.queue = flags.queue;
  if (flags.priority !== undefined) spec.priority = integer(flags.priority, "--priority");
  if (flags.priorityClass !== undefined) spec.priorityClass = flags.priorityClass;
  if (flags.preemptible !== undefined) spec.preemptible = flags.preemptible;
  if (flags.requeue !== undefined) spec.requeueOnPreemption = flags.requeue;
  if (flags.maxRuntime !== undefined)
    spec.maxRuntimeSeconds = runtimeSeconds(flags.maxRuntime, "--max-runtime");
  if (flags.kind !== undefined) spec.kind = flags.kind;
  if (flags.vm) spec.kind = "vm";
  if (flags.workdir !== undefined) spec.workdir = flags.workdir;
  // Without --vm, --image names the OCI image the command runs in (a container job).
  if (flags.image !== undefined && !flags.vm && spec.kind !== "vm") spec.image = flags.image;
  if (flags.mount !== undefined) spec.mounts = flags.mount.map((m) => parseContainerMount(m, "--mount"));
  if (command.length > 0) spec.command = command;
  const env = { ...(spec.env ?? {}) };
  for (const pair of flags.env ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) fail("--env", `expected NAME=VALUE, got "${pair}"`);
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  spec.env = env;
  const shapeFlags = [
    flags.mig !== undefined && "--mig",
    flags.share !== undefined && "--share",
    flags.gpus !== undefined && "--gpus",
    flags.computeSevenths !== undefined && "--compute-sevenths",
  ].filter(Boolean);
  if (shapeFlags.length > 1)
    fail(
      "submit",
      `give one of --mig, --share, --gpus or --compute-sevenths, not ${shapeFlags.join(" and ")}`,
    );
  if (flags.nodes !== undefined && flags.gpus === undefined)
    fail("--nodes", "a gang needs --gpus (GPUs per node) too");
  const request: ResourceRequest = { ...(spec.request ?? { models: [] }) };
  if (shapeFlags.length === 1) {
    request.mig = undefined;
    request.slice = undefined;
    request.share = undefined;
    request.whole = undefined;
    request.gang = undefined;
    request.noGpu = undefined;
  }
  if (flags.mig !== undefined) request.mig = { profile: flags.mig };
  if (flags.share !== undefined) {
    if (flags.gpuMemory === undefined)
      fail("--share", "also give --gpu-memory (e.g. 12GiB), the share's memory limit");
    request.share = {
      gpuMilli: gpuFraction(flags.share, "--share"),
      memoryMib: memoryMiB(flags.gpuMemory, "--gpu-memory"),
    };
  }
  if (flags.computeSevenths !== undefined) {
    if (flags.gpuMemory === undefined)
      fail("--compute-sevenths", "also give --gpu-memory, the slice's memory");
    request.slice = {
      memoryMib: memoryMiB(flags.gpuMemory, "--gpu-memory"),
      computeSevenths: integer(flags.computeSevenths, "--compute-sevenths"),
    };
  }
  if (flags.gpus !== undefined) {
    const gpus = integer(flags.gpus, "--gpus");
    if (flags.nodes !== undefined)
      request.gang = { nodes: integer(flags.nodes, "--nodes"), gpusPerNode: gpus };
    else request.whole = { gpus, requireNvlink: flags.nvlink ?? false };
  }
  if (flags.mixedModels) {
    if (!request.gang) fail("--mixed-models", "is for gangs: give --nodes M --gpus N too");
    request.gang = { ...request.gang, mixedModels: true };
  }
  if (flags.model && flags.model.length > 0) request.models = flags.model.flatMap((m) => m.split(","));
  if (flags.cpu !== undefined) request.cpuMillis = cpuMillis(flags.cpu, "--cpu");
  if (flags.memory !== undefined) request.memoryMib = memoryMiB(flags.memory, "--memory");
  spec.request = request;
  vmInput(spec, request, flags, command);
  // CPU and memory without any GPU shape: a CPU-only job, named after its program unless named.
  if (!hasGpuShape(request) && (request.cpuMillis || request.memoryMib)) {
    request.noGpu = {};
    spec.name ||= `cpu-${basename(spec.command?.[0] ?? command[0] ?? "job")}`;
  }
  if (!hasGpuShape(request) && !request.noGpu) {
    fail(
      "submit",
      "say what the job needs: --mig PROFILE, --share F --gpu-memory M, --gpus N [--nodes M], --compute-sevenths N --gpu-memory M, or for a job without GPUs --cpu N and/or --memory SIZE",
    );
  }
  if (!spec.command || spec.command.length === 0) {
    fail(
      "submit",
      "a job needs a command: put it after --, e.g. tessera submit --mig 1g.10gb -- python train.py",
    );
  }
  // Unnamed jobs are named after their program, as --vm and CPU-only jobs are.
  spec.name ||= basename(spec.command[0]!);
  return spec;
}

function hasGpuShape(r: ResourceRequest): boolean {
  return Boolean(r.mig || r.slice || r.share || r.whole || r.gang);
}
