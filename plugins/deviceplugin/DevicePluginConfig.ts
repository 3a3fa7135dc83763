import { readFileSync } from "node:fs";
import { applicationXids } from "../../node-agent/nvml/GpuHealth.ts";
import { parsePciAddress } from "../../node-agent/vfio/PciAddress.ts";
import { DEFAULT_DEVICE_PLUGIN_DIR } from "../../proto/k8s/DevicePluginConstants.ts";
import { type NamingScheme, namingSchemes } from "./ResourceNaming.ts";

/** How Allocate tells the container runtime which GPUs to inject (NVIDIA's `--device-list-strategy` values). */
export type DeviceListStrategy = "envvar" | "cdi-cri" | "cdi-annotations";

export const deviceListStrategies: readonly DeviceListStrategy[] = ["envvar", "cdi-cri", "cdi-annotations"];

/**
 * How a shared GPU is split for Kubernetes, for the GPUs it matches: GPU UUIDs, indices, catalog model ids, or
 * `all`. The first rule that matches a GPU wins; each GPU has its own.
 */
export interface SharingRule {
  gpus: string[];
  replicas: number;
  /** Default: the GPU's memory divided by the replicas. */
  memoryMiBPerReplica?: number;
  /** Default: 100 divided by the replicas. */
  computePercentPerReplica?: number;
  /** Default 1: a container takes one replica. */
  maxReplicasPerContainer?: number;
}

export const shareIsolations = ["mps", "time-sliced"] as const;
export type ShareIsolation = (typeof shareIsolations)[number];

export interface DevicePluginConfig {
  /** The kubelet's device-plugin directory: kubelet.sock lives here and the plugin sockets go here. */
  kubeletDir: string;
  naming: NamingScheme;
  deviceListStrategy: DeviceListStrategy;
  /** CDI vendor/class of the node's CDI spec (`nvidia-ctk cdi generate` writes `nvidia.com/gpu`). */
  cdiKind: string;
  /** Host directory holding one MPS control daemon per shared GPU: `<mpsRoot>/<GPU-UUID>/pipe`, `<mpsRoot>/shm`. */
  mpsRoot: string;
  /**
   * How shared replicas are isolated: `mps` (the agent's control daemon enforces each replica's limits) or
   * `time-sliced` (no MPS on the node: replicas take turns and GPU memory is not isolated). The agent sets it.
   */
  shareIsolation: ShareIsolation;
  /** Xids caused by applications, not the GPU; they never mark a device unhealthy. */
  ignoredXids: number[];
  /** A device marked unhealthy by an Xid is healthy again after this long without another critical Xid. */
  xidRecoverySeconds: number;
  /** Per-GPU splits of the GPUs that are shared; a shared GPU no rule matches gets 4 replicas. */
  sharing: SharingRule[];
  /** GPUs bound to vfio-pci to advertise for VMs: PCI addresses, or `all`. None by default. */
  vmGpus: string[];
}

/** NVIDIA's plugin skips the same application-level Xids (13, 31, 43, 45, 68, 109). */
export const defaultDevicePluginConfig: DevicePluginConfig = {
  kubeletDir: DEFAULT_DEVICE_PLUGIN_DIR,
  naming: "nvidia",
  deviceListStrategy: "envvar",
  cdiKind: "nvidia.com/gpu",
  mpsRoot: "/run/tessera/mps",
  shareIsolation: "mps",
  ignoredXids: [...applicationXids],
  xidRecoverySeconds: 300,
  sharing: [],
  vmGpus: [],
};

const cdiKindPattern = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?\/[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?$/;

function positiveInteger(value: unknown, key: string, where: string): number {
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return value;
  throw new Error(`${where}: ${key} must be a positive integer, got ${JSON.stringify(value)}`);
}

function sharingRule(raw: unknown, where: string): SharingRule {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new Error(`${where}: expected a mapping`);
  const fields = raw as Record<string, unknown>;
  const known = [
    "gpus",
    "replicas",
    "memoryMiBPerReplica",
    "computePercentPerReplica",
    "maxReplicasPerContainer",
  ];
  for (const key of Object.keys(fields)) {
    if (!known.includes(key))
      throw new Error(`${where}: unknown key "${key}"; known keys: ${known.join(", ")}`);
  }
  const gpus = fields.gpus;
  if (
    !Array.isArray(gpus) ||
    gpus.length === 0 ||
    !gpus.every((g) => typeof g === "string" || Number.isInteger(g))
  ) {
    throw new Error(`${where}: gpus must list GPU UUIDs, indices, model ids or "all"`);
  }
  const rule: SharingRule = {
    gpus: gpus.map(String),
    replicas: positiveInteger(fields.replicas, "replicas", where),
  };
  for (const key of ["memoryMiBPerReplica", "computePercentPerReplica", "maxReplicasPerContainer"] as const) {
    if (fields[key] !== undefined) rule[key] = positiveInteger(fields[key], key, where);
  }
  if ((rule.computePercentPerReplica ?? 0) > 100) {
    throw new Error(`${where}: computePercentPerReplica is a percentage of the GPU; give at most 100`);
  }
  return rule;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], key: string, source: string): T {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${source}: ${key} is ${JSON.stringify(value)}; use one of ${allowed.join(", ")}`);
}

function absolutePath(value: unknown, key: string, source: string): string {
  if (typeof value === "string" && value.startsWith("/")) return value.replace(/\/+$/, "") || "/";
  throw new Error(`${source}: ${key} is ${JSON.stringify(value)}; give an absolute path`);
}

/** Validates a config object (from YAML or flags) over the defaults; each error names the key and the fix. */
export function parseDevicePluginConfig(raw: unknown, source: string): DevicePluginConfig {
  if (raw === null || raw === undefined) return { ...defaultDevicePluginConfig };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new Error(`${source}: expected a mapping of device-plugin settings, got ${JSON.stringify(raw)}`);
  }
  const input = raw as Record<string, unknown>;
  const known = new Set(Object.keys(defaultDevicePluginConfig));
  for (const key of Object.keys(input)) {
    if (!known.has(key))
      throw new Error(`${source}: unknown key "${key}"; known keys: ${[...known].join(", ")}`);
  }
  const config = { ...defaultDevicePluginConfig };
  if (input.kubeletDir !== undefined)
    config.kubeletDir = absolutePath(input.kubeletDir, "kubeletDir", source);
  if (input.mpsRoot !== undefined) config.mpsRoot = absolutePath(input.mpsRoot, "mpsRoot", source);
  if (input.naming !== undefined) config.naming = oneOf(input.naming, namingSchemes, "naming", source);
  if (input.shareIsolation !== undefined)
    config.shareIsolation = oneOf(input.shareIsolation, shareIsolations, "shareIsolation", source);
  if (input.deviceListStrategy !== undefined) {
    config.deviceListStrategy = oneOf(
      input.deviceListStrategy,
      deviceListStrategies,
      "deviceListStrategy",
      source,
    );
  }
  if (input.cdiKind !== undefined) {
    if (typeof input.cdiKind !== "string" || !cdiKindPattern.test(input.cdiKind)) {
      throw new Error(`${source}: cdiKind is ${JSON.stringify(input.cdiKind)}; use vendor.com/class`);
    }
    config.cdiKind = input.cdiKind;
  }
  if (input.ignoredXids !== undefined) {
    const xids = input.ignoredXids;
    if (!Array.isArray(xids) || !xids.every((x) => Number.isInteger(x) && x > 0)) {
      throw new Error(
        `${source}: ignoredXids must be a list of positive Xid numbers, got ${JSON.stringify(xids)}`,
      );
    }
    config.ignoredXids = xids as number[];
  }
  if (input.xidRecoverySeconds !== undefined) {
    const seconds = input.xidRecoverySeconds;
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds <= 0) {
      throw new Error(
        `${source}: xidRecoverySeconds must be a positive number, got ${JSON.stringify(seconds)}`,
      );
    }
    config.xidRecoverySeconds = seconds;
  }
  if (input.sharing !== undefined) {
    if (!Array.isArray(input.sharing)) throw new Error(`${source}: sharing must be a list of rules`);
    config.sharing = input.sharing.map((rule, i) => sharingRule(rule, `${source}: sharing[${i}]`));
  }
  if (input.vmGpus !== undefined) {
    const list = input.vmGpus;
    if (!Array.isArray(list) || !list.every((a) => typeof a === "string")) {
      throw new Error(`${source}: vmGpus must list PCI addresses (0000:65:00.0) or "all"`);
    }
    for (const address of list) {
      if (address === "all") continue;
      try {
        parsePciAddress(address);
      } catch (error) {
        throw new Error(`${source}: vmGpus: ${(error as Error).message}`);
      }
    }
    config.vmGpus = list as string[];
  }
  return config;
}

/** Reads a config file; YAML's parser is loaded only here, so an agent without a config file does without it. */
export async function loadDevicePluginConfig(path: string): Promise<DevicePluginConfig> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`cannot read device-plugin config ${path}: ${(error as Error).message}`);
  }
  const { parse } = await import("yaml");
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new Error(`device-plugin config ${path} is not valid YAML: ${(error as Error).message}`);
  }
  return parseDevicePluginConfig(raw, path);
}
