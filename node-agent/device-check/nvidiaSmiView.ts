import { execFileSync } from "node:child_process";
import { computeModeNames, type GpuView, type HostView, normalizeBusId } from "./hostView.ts";

const fields = [
  "index",
  "uuid",
  "name",
  "serial",
  "pci.bus_id",
  "memory.total",
  "compute_cap",
  "mig.mode.current",
  "mig.mode.pending",
  "temperature.gpu",
  "power.draw",
  "compute_mode",
  "driver_version",
] as const;

function value(text: string | undefined): string | null {
  const t = (text ?? "").trim();
  return t === "" || t.startsWith("[") || t === "N/A" ? null : t;
}

function number(text: string | undefined): number | null {
  const v = value(text);
  return v === null || Number.isNaN(Number(v)) ? null : Number(v);
}

function migMode(text: string | undefined): boolean | null {
  const v = value(text);
  return v === null ? null : v === "Enabled";
}

/** Parses `nvidia-smi -L`: MIG devices (profile and UUID) per GPU index. */
export function parseNvidiaSmiList(text: string): Map<number, string[]> {
  const devices = new Map<number, string[]>();
  let gpu = -1;
  for (const line of text.split("\n")) {
    const gpuLine = /^GPU (\d+):/.exec(line);
    if (gpuLine) {
      gpu = Number(gpuLine[1]);
      devices.set(gpu, []);
      continue;
    }
    const mig = /^\s+MIG (\S+)\s+Device\s+\d+: \(UUID: (MIG-[^)]+)\)/.exec(line);
    if (mig && gpu >= 0) devices.get(gpu)?.push(`${mig[1]}=${mig[2]}`);
  }
  return devices;
}

/** Parses the CSV of `nvidia-smi --query-gpu=<fields> --format=csv,noheader,nounits`. */
export function parseNvidiaSmiQuery(csv: string, migDevices: Map<number, string[]>): HostView {
  const gpus: GpuView[] = [];
  let driverVersion: string | undefined;
  for (const line of csv.split("\n").filter((l) => l.trim() !== "")) {
    const cells = line.split(",").map((c) => c.trim());
    const at = (f: (typeof fields)[number]) => cells[fields.indexOf(f)];
    const index = Number(at("index"));
    const mode = value(at("compute_mode"));
    driverVersion = value(at("driver_version")) ?? driverVersion;
    gpus.push({
      index,
      uuid: value(at("uuid")) ?? undefined,
      name: value(at("name")) ?? undefined,
      serial: value(at("serial")),
      pciBusId: normalizeBusId(at("pci.bus_id") ?? ""),
      memoryTotalMiB: number(at("memory.total")) ?? undefined,
      computeCapability: value(at("compute_cap")) ?? undefined,
      migCurrent: migMode(at("mig.mode.current")),
      migPending: migMode(at("mig.mode.pending")),
      temperatureC: number(at("temperature.gpu")),
      powerW: number(at("power.draw")),
      computeMode:
        mode === null ? null : (computeModeNames.find((m) => m.toLowerCase() === mode.toLowerCase()) ?? mode),
      migDevices: [...(migDevices.get(index) ?? [])].sort(),
    });
  }
  return { source: "nvidia-smi", driverVersion, gpus };
}

/** nvidia-smi's view, plus its full `-q` text for the report. */
export function nvidiaSmiView(nvidiaSmi = "nvidia-smi"): { view: HostView; fullQuery: string } {
  const run = (args: string[]) => execFileSync(nvidiaSmi, args, { encoding: "utf8", timeout: 60_000 });
  try {
    const csv = run([`--query-gpu=${fields.join(",")}`, "--format=csv,noheader,nounits"]);
    const view = parseNvidiaSmiQuery(csv, parseNvidiaSmiList(run(["-L"])));
    return { view, fullQuery: run(["-q"]) };
  } catch (error) {
    return {
      view: { source: "nvidia-smi", gpus: [], error: `${nvidiaSmi}: ${(error as Error).message}` },
      fullQuery: "",
    };
  }
}
