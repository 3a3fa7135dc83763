import { findGpuModel } from "../../proto/catalog/GpuCatalog.ts";
import { canCreateAt, type MigInstance } from "../engine/MigLayout.ts";
import type { PlacementEngine } from "../engine/PlacementEngine.ts";
import type { JobRecord } from "../store/JobRecord.ts";
import type { NodeRecord } from "./NodeRecord.ts";

export interface ProfileCapacity {
  profile: string;
  freeInstances: number;
}

export interface ModelCapacity {
  model: string;
  gpus: number;
  idleGpus: number;
  allocatedMilli: number;
  totalMilli: number;
  profiles: ProfileCapacity[];
}

export interface CapacitySummary {
  nodes: number;
  readyNodes: number;
  gpus: number;
  models: ModelCapacity[];
  /** Percent of the free GPU capacity that sits on partly used GPUs. */
  fragmentationPercent: number;
  pendingJobs: number;
  runningJobs: number;
}

/** How many more instances of `profile` fit on a layout, placed one after the other at the first valid start. */
function creatable(
  model: NonNullable<ReturnType<typeof findGpuModel>>,
  layout: MigInstance[],
  name: string,
): number {
  const profile = model.mig?.profiles.find((p) => p.name === name);
  if (!profile) return 0;
  const instances = [...layout];
  let n = 0;
  for (const start of profile.placementStarts) {
    if (canCreateAt(model, instances, profile, start)) {
      instances.push({ profile, start, allocationId: "probe" });
      n++;
    }
  }
  return n;
}

/** Totals, free capacity per model and MIG profile (idle GPUs count as repartitionable), and fragmentation. */
export function capacitySummary(
  engine: PlacementEngine,
  nodes: readonly NodeRecord[],
  jobs: Iterable<JobRecord>,
): CapacitySummary {
  const byModel = new Map<string, ModelCapacity>();
  let freeTotal = 0;
  let freeOnPartlyUsed = 0;
  let gpus = 0;
  for (const node of engine.nodes()) {
    for (const gpu of node.gpus) {
      gpus++;
      let m = byModel.get(gpu.model);
      if (!m) {
        m = { model: gpu.model, gpus: 0, idleGpus: 0, allocatedMilli: 0, totalMilli: 0, profiles: [] };
        byModel.set(gpu.model, m);
      }
      m.gpus++;
      if (gpu.idle) m.idleGpus++;
      const free = gpu.idle ? 1000 : gpu.freeMilli;
      m.totalMilli += 1000;
      m.allocatedMilli += 1000 - free;
      freeTotal += free;
      if (!gpu.idle) freeOnPartlyUsed += free;
      const model = findGpuModel(gpu.model);
      if (!model?.mig) continue;
      // Free instances stay usable; idle GPUs could be repartitioned, so they count as empty.
      const layout = gpu.idle
        ? []
        : gpu.mode === "mig"
          ? gpu.mig.filter((i) => i.allocationId !== undefined)
          : undefined;
      for (const p of model.mig.profiles) {
        let entry = m.profiles.find((x) => x.profile === p.name);
        if (!entry) {
          entry = { profile: p.name, freeInstances: 0 };
          m.profiles.push(entry);
        }
        if (layout) entry.freeInstances += creatable(model, layout, p.name);
      }
    }
  }
  let pendingJobs = 0;
  let runningJobs = 0;
  for (const j of jobs) {
    if (j.state === "Pending") pendingJobs++;
    else if (j.state === "Running" || j.state === "Scheduled") runningJobs++;
  }
  return {
    nodes: nodes.length,
    readyNodes: nodes.filter((n) => n.state === "Ready").length,
    gpus,
    models: [...byModel.values()].sort((a, b) => a.model.localeCompare(b.model)),
    fragmentationPercent: freeTotal === 0 ? 0 : Math.round((freeOnPartlyUsed / freeTotal) * 10000) / 100,
    pendingJobs,
    runningJobs,
  };
}
