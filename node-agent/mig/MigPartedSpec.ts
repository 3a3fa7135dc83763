import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";

/** One entry of a named config (fact sheet 9.1). */
export interface MigConfigEntry {
  devices: "all" | number[];
  migEnabled: boolean;
  /** Profile string (`3g.40gb`, `1c.3g.40gb`, `1g.10gb+me`) -> count. */
  migDevices: Record<string, number>;
  /** Packed PCI ids `0xDDDDVVVV`, optionally `:0xSSSSssss`; null when the entry applies to any GPU. */
  deviceFilter: string[] | null;
}

/** NVIDIA mig-parted's `version: v1` spec: named configs, each a list of entries. */
export interface MigPartedSpec {
  version: "v1";
  migConfigs: Map<string, MigConfigEntry[]>;
}

export class MigSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigSpecError";
  }
}

const profilePattern = /^(?:\d+c\.)?\d+g\.\d+gb(?:\+(?:me|me\.all|gfx)(?:,(?:me|me\.all|gfx))*|-me)?$/;
const filterPattern = /^0x[0-9a-fA-F]{8}(?::0x[0-9a-fA-F]{8})?$/;

/** Parses and validates a mig-parted config; every error names the file, line and what to change. */
export function parseMigPartedSpec(text: string, source = "config"): MigPartedSpec {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const where = (node: YamlNode | null | undefined, path: string): string => {
    const offset = node?.range?.[0];
    return offset === undefined ? `${source}: ${path}` : `${source}:${lines.linePos(offset).line}: ${path}`;
  };
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    throw new MigSpecError(`${source}: not valid YAML: ${first?.message ?? "parse error"}`);
  }
  const root = doc.contents;
  if (!isMap(root)) throw new MigSpecError(`${source}: expected a map with "version: v1" and "mig-configs"`);
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (key !== "version" && key !== "mig-configs") {
      throw new MigSpecError(
        `${where(pair.key as YamlNode, key)}: unknown top-level key; only "version" and "mig-configs"`,
      );
    }
  }
  const version: unknown = root.get("version");
  if (version !== "v1") {
    throw new MigSpecError(`${source}: "version" must be v1 (got ${JSON.stringify(version ?? null)})`);
  }
  const configs = root.get("mig-configs", true) as YamlNode | undefined;
  if (!isMap(configs) || configs.items.length === 0) {
    throw new MigSpecError(
      `${where(configs, "mig-configs")}: must be a non-empty map of config name -> entries`,
    );
  }
  const migConfigs = new Map<string, MigConfigEntry[]>();
  for (const pair of configs.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : "";
    const list = pair.value as YamlNode | null;
    if (!isSeq(list) || list.items.length === 0) {
      throw new MigSpecError(
        `${where(list ?? (pair.key as YamlNode), `mig-configs.${name}`)}: must be a non-empty list`,
      );
    }
    migConfigs.set(
      name,
      list.items.map((item, i) => parseEntry(item as YamlNode, `mig-configs.${name}[${i}]`, where)),
    );
  }
  return { version: "v1", migConfigs };
}

function parseEntry(
  node: YamlNode,
  path: string,
  where: (node: YamlNode | null | undefined, path: string) => string,
): MigConfigEntry {
  if (!isMap(node))
    throw new MigSpecError(`${where(node, path)}: must be a map with devices and mig-enabled`);
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (!["devices", "mig-enabled", "mig-devices", "device-filter"].includes(key)) {
      throw new MigSpecError(
        `${where(pair.key as YamlNode, `${path}.${key}`)}: unknown key; allowed: devices, mig-enabled, mig-devices, device-filter`,
      );
    }
  }
  const devicesNode = node.get("devices", true) as YamlNode | undefined;
  const devicesValue: unknown = node.get("devices");
  let devices: "all" | number[];
  if (devicesValue === "all") devices = "all";
  else if (isSeq(devicesNode)) {
    devices = devicesNode.items.map((d) => (isScalar(d) ? d.value : undefined)) as number[];
    if (devices.some((d) => !Number.isInteger(d) || d < 0) || devices.length === 0) {
      throw new MigSpecError(
        `${where(devicesNode, `${path}.devices`)}: must be "all" or a list of GPU indices`,
      );
    }
  } else {
    throw new MigSpecError(
      `${where(devicesNode ?? node, `${path}.devices`)}: required: "all" or a list of GPU indices`,
    );
  }
  const enabledValue: unknown = node.get("mig-enabled");
  if (typeof enabledValue !== "boolean") {
    throw new MigSpecError(
      `${where((node.get("mig-enabled", true) as YamlNode) ?? node, `${path}.mig-enabled`)}: required: true or false`,
    );
  }
  const devicesMapNode = node.get("mig-devices", true) as YamlNode | undefined;
  const migDevices: Record<string, number> = {};
  if (devicesMapNode !== undefined && !(isScalar(devicesMapNode) && devicesMapNode.value === null)) {
    if (!isMap(devicesMapNode)) {
      throw new MigSpecError(
        `${where(devicesMapNode, `${path}.mig-devices`)}: must be a map of profile -> count`,
      );
    }
    for (const pair of devicesMapNode.items) {
      const profile = isScalar(pair.key) ? String(pair.key.value) : "";
      const count = isScalar(pair.value) ? pair.value.value : undefined;
      if (!profilePattern.test(profile)) {
        throw new MigSpecError(
          `${where(pair.key as YamlNode, `${path}.mig-devices`)}: "${profile}" is not a MIG profile like 3g.40gb, 1c.3g.40gb or 1g.10gb+me`,
        );
      }
      if (typeof count !== "number" || !Number.isInteger(count) || count < 0) {
        throw new MigSpecError(
          `${where(pair.value as YamlNode, `${path}.mig-devices.${profile}`)}: count must be a whole number >= 0`,
        );
      }
      migDevices[profile] = count;
    }
  }
  if (enabledValue && devicesMapNode === undefined) {
    throw new MigSpecError(
      `${where(node, path)}: mig-enabled is true, so mig-devices is required (use {} for none)`,
    );
  }
  if (!enabledValue && Object.keys(migDevices).length > 0) {
    throw new MigSpecError(
      `${where(devicesMapNode, `${path}.mig-devices`)}: must be empty when mig-enabled is false`,
    );
  }
  const filterValue: unknown = node.get("device-filter");
  let deviceFilter: string[] | null = null;
  if (filterValue !== undefined) {
    const list = typeof filterValue === "string" ? [filterValue] : filterValue;
    const filterNode = node.get("device-filter", true) as YamlNode;
    const items = isSeq(filterNode) ? filterNode.items.map((f) => (isScalar(f) ? f.value : undefined)) : list;
    if (!Array.isArray(items) || items.some((f) => typeof f !== "string" || !filterPattern.test(f))) {
      throw new MigSpecError(
        `${where(filterNode, `${path}.device-filter`)}: must be a PCI id like 0x233010DE (or a list of them)`,
      );
    }
    deviceFilter = items as string[];
  }
  return { devices, migEnabled: enabledValue, migDevices, deviceFilter };
}

/** What a config asks of one GPU, as the reconciler takes it. */
export interface GpuMigRequestFromSpec {
  gpuIndex: number;
  migEnabled: boolean;
  /** Profile names, one per instance (counts expanded). */
  instances: string[];
}

/**
 * The requests of config `name` for the GPUs of this host. A GPU no entry selects is left alone; a GPU two entries
 * select is an error, as is an unknown config name.
 */
export function migConfigRequests(
  spec: MigPartedSpec,
  name: string,
  gpus: readonly { index: number; pciDeviceId: string }[],
): GpuMigRequestFromSpec[] {
  const entries = spec.migConfigs.get(name);
  if (!entries) {
    throw new MigSpecError(
      `no config "${name}" in mig-configs; configs: ${[...spec.migConfigs.keys()].join(", ")}`,
    );
  }
  const requests: GpuMigRequestFromSpec[] = [];
  const chosenBy = new Map<number, number>();
  for (const gpu of gpus) {
    entries.forEach((entry, i) => {
      const listed = entry.devices === "all" || entry.devices.includes(gpu.index);
      const filtered =
        entry.deviceFilter === null ||
        entry.deviceFilter.some((f) => f.split(":")[0]?.toUpperCase() === gpu.pciDeviceId.toUpperCase());
      if (!listed || !filtered) return;
      const previous = chosenBy.get(gpu.index);
      if (previous !== undefined) {
        throw new MigSpecError(
          `config "${name}": GPU ${gpu.index} is selected by entries ${previous} and ${i}; give each GPU one entry`,
        );
      }
      chosenBy.set(gpu.index, i);
      const instances = Object.entries(entry.migDevices).flatMap(([profile, count]) =>
        Array.from({ length: count }, () => profile),
      );
      requests.push({ gpuIndex: gpu.index, migEnabled: entry.migEnabled, instances });
    });
  }
  return requests;
}
