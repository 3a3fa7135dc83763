/**
 * Queueing benchmark: the Alibaba `default` pod list with its creation and deletion times, spread over four
 * tenants, through the multi-tenant queue and through a plain FIFO queue on the same engine and fleet.
 * Prints queueing delay p50/p99 per tenant, GPU allocation over time and preemptions; `--json FILE` keeps it.
 *
 *   node --import tsx bench/queueing.ts [--pods CSV] [--nodes CSV] [--fleet-gpus N] [--policy NAME] [--json FILE]
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { isPolicyName, policyNames } from "../scheduler/engine/PolicyRegistry.ts";
import { parseQueueConfig } from "../scheduler/queue/QueueConfig.ts";
import { compareWithFifo, comparisonTable } from "../scheduler/simulator/QueuedSimulation.ts";
import { lcg } from "../scheduler/simulator/TraceQueueReplay.ts";
import { readTraceNodes, readTracePods } from "../scheduler/simulator/TraceReader.ts";

const traces = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "shared",
  "traces",
  "alibaba-gpu-v2023",
);
const { values } = parseArgs({
  options: {
    pods: { type: "string", default: join(traces, "openb_pod_list_default.csv") },
    nodes: { type: "string", default: join(traces, "openb_node_list_gpu_node.csv") },
    policy: { type: "string", default: "best-fit" },
    // With its real departure times the trace never holds more than ~66 GPUs at once, so the whole 6,212-GPU
    // fleet never queues anything; a slice of the fleet makes the tenants compete.
    "fleet-gpus": { type: "string", default: "48" },
    json: { type: "string" },
  },
});
const policy = values.policy ?? "best-fit";
if (!isPolicyName(policy))
  throw new Error(`unknown --policy ${policy}; use one of ${policyNames.join(", ")}`);
const fleetTarget = Number(values["fleet-gpus"]);
if (!Number.isInteger(fleetTarget) || fleetTarget <= 0)
  throw new Error("--fleet-gpus must be a positive integer");

/** Every 7919th node of the trace (wrapping) until the GPU target is met: a mix of the trace's node shapes. */
const allNodes = readTraceNodes(values.nodes ?? "");
const nodes: typeof allNodes = [];
let gpus = 0;
for (let i = 0; i < allNodes.length && gpus < fleetTarget; i++) {
  const node = allNodes[(i * 7919) % allNodes.length]!;
  if (gpus + node.gpus > fleetTarget) continue;
  nodes.push(node);
  gpus += node.gpus;
}

/** Four tenants with 40/30/20/10% of the pods; each has a quarter of the fleet as quota and may borrow the rest. */
const tenants = [
  { name: "team-a", share: 0.4 },
  { name: "team-b", share: 0.3 },
  { name: "team-c", share: 0.2 },
  { name: "team-d", share: 0.1 },
];
const quota = Math.floor(gpus / tenants.length);
const config = parseQueueConfig(
  [
    "queues:",
    ...tenants.map((t) => `  - {name: ${t.name}, weight: 1, cohort: fleet, quota: {gpus: ${quota}}}`),
    "priorityClasses:",
    "  - {name: latency-sensitive, value: 1000, preemptionGraceSeconds: 30}",
    "  - {name: guaranteed, value: 500, preemptionGraceSeconds: 300}",
    "  - {name: burstable, value: 100, preemptionGraceSeconds: 60}",
    "  - {name: best-effort, value: 0, preemptionGraceSeconds: 30}",
    "starvationSeconds: 86400",
  ].join("\n"),
  "bench/queueing (inline)",
);
function tenantOf(index: number): string {
  const u = lcg(index);
  let acc = 0;
  for (const t of tenants) {
    acc += t.share;
    if (u < acc) return t.name;
  }
  return tenants[tenants.length - 1]!.name;
}

const comparison = compareWithFifo({
  nodes,
  pods: readTracePods(values.pods ?? ""),
  config,
  policy,
  seed: 42,
  queueOf: (_pod, index) => tenantOf(index),
  progress: (line) => process.stderr.write(`${line}\n`),
});
console.log(
  `Alibaba ${values.pods?.split("/").at(-1)} on ${nodes.length} trace nodes (${[...new Set(nodes.map((n) => `${n.gpus}x${n.model}`))].join(" ")}), policy ${policy}, quota ${quota} GPUs per tenant`,
);
console.log(comparisonTable(comparison));
if (values.json)
  writeFileSync(
    values.json,
    `${JSON.stringify({ policy, quotaPerTenant: quota, ...comparison }, null, 2)}\n`,
  );
