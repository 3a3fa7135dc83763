import type { SeededRandom } from "../../../scheduler/engine/SeededRandom.ts";
import type { JobSpec, RequestShape } from "../../../scheduler/store/JobRecord.ts";

/** The queue config of the simulated cluster: a cohort of two tenants, an unlimited one, two priority classes. */
export const SIM_QUEUES = [
  "queues:",
  "  - {name: team-a, cohort: pool, quota: {gpus: 8}, borrowingLimit: {gpus: 8}}",
  "  - {name: team-b, cohort: pool, quota: {gpus: 6}, borrowingLimit: {gpus: 6}}",
  "  - {name: team-c}",
  "priorityClasses:",
  "  - {name: low, value: 0, preemptionGraceSeconds: 2}",
  "  - {name: high, value: 100, preemptionGraceSeconds: 2}",
  "starvationSeconds: 300",
].join("\n");

/** Nodes of the simulated fleet: GPU models, and whether the node can run VM jobs. */
export const SIM_FLEET: ReadonlyArray<{ name: string; models: string[]; vm: boolean }> = [
  { name: "node1", models: ["H100-SXM5-80GB", "H100-SXM5-80GB", "A100-SXM4-40GB", "L4-24GB"], vm: false },
  {
    name: "node2",
    models: ["H100-SXM5-80GB", "H100-SXM5-80GB", "H100-SXM5-80GB", "H100-SXM5-80GB"],
    vm: true,
  },
  { name: "node3", models: ["A100-SXM4-40GB", "A100-SXM4-40GB", "L4-24GB", "L4-24GB"], vm: false },
  { name: "node4", models: ["L4-24GB", "L4-24GB", "A30-24GB"], vm: true },
];

const MIG_PROFILES: ReadonlyArray<{ profile: string; models: string[] }> = [
  { profile: "1g.10gb", models: ["H100-SXM5-80GB"] },
  { profile: "3g.40gb", models: ["H100-SXM5-80GB"] },
  { profile: "2g.10gb", models: ["A100-SXM4-40GB"] },
  { profile: "1g.6gb", models: ["A30-24GB"] },
];

const MODELS = ["H100-SXM5-80GB", "A100-SXM4-40GB", "L4-24GB", "A30-24GB"];

/** A random job spec of one of every request kind the scheduler knows. */
export function randomJobSpec(random: SeededRandom, n: number): JobSpec {
  const pick = <T>(items: readonly T[]): T => items[random.below(items.length)]!;
  const queue = pick(["team-a", "team-b", "team-c"]);
  const high = random.next() < 0.2;
  const models = random.next() < 0.5 ? [pick(MODELS)] : [];
  let shape: RequestShape;
  let kind: JobSpec["kind"] = pick(["training", "inference", "batch"] as const);
  let allowed = models;
  switch (random.below(8)) {
    case 0: {
      const mig = pick(MIG_PROFILES);
      shape = { kind: "mig", profile: mig.profile };
      allowed = mig.models;
      break;
    }
    case 1:
      shape = { kind: "slice", memoryMiB: pick([5_000, 10_000, 20_000]), computeSevenths: pick([1, 2, 3]) };
      break;
    case 2:
      shape = { kind: "share", gpuMilli: pick([250, 500]), memoryMiB: pick([4_000, 8_000]) };
      break;
    case 3:
    case 4:
      shape = { kind: "whole", gpus: pick([1, 1, 2, 4]), requireNvlink: false };
      break;
    case 5:
      shape = { kind: "gang", nodes: 2, gpusPerNode: pick([1, 2]) };
      break;
    case 6:
      shape = { kind: "whole", gpus: 1, requireNvlink: false };
      kind = "vm";
      break;
    default:
      shape = { kind: "none" };
  }
  return {
    name: `sim-${n}`,
    tenant: queue,
    queue,
    priority: 0,
    kind,
    request: {
      shape,
      models: shape.kind === "none" ? [] : allowed,
      cpuMillis: shape.kind === "none" || kind === "vm" ? 2_000 : 0,
      memoryMiB: shape.kind === "none" || kind === "vm" ? 4_096 : 0,
    },
    command: ["sim"],
    env: {},
    workdir: "",
    priorityClass: high ? "high" : "low",
    preemptible: !high && random.next() < 0.5,
    requeueOnPreemption: random.next() < 0.5,
    ...(random.next() < 0.5 ? { maxRuntimeSeconds: 5 + random.below(120) } : {}),
  };
}
