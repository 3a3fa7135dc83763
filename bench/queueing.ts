/**
 * Queueing benchmark: replays the Alibaba `default` pod list with its creation and deletion times, spread over
 * four tenants, through the multi-tenant queue and through a plain FIFO queue on the same placement engine.
 * Prints queueing delay p50/p99 per tenant, GPU allocation over time and preemptions; `--json FILE` keeps it all.
 *
 *   node --import tsx bench/queueing.ts [--pods CSV] [--nodes CSV] [--policy NAME] [--json FILE]
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { PlacementEngine } from "../scheduler/engine/PlacementEngine.ts";
import {
  createPolicy,
  isPolicyName,
  type PolicyName,
  policyNames,
} from "../scheduler/engine/PolicyRegistry.ts";
import {
  type EngineAllocation,
  EngineCapacity,
  type EngineRequest,
} from "../scheduler/queue/EngineCapacity.ts";
import { FifoQueue } from "../scheduler/queue/FifoQueue.ts";
import { engineSubmission } from "../scheduler/queue/JobDemand.ts";
import { parseQueueConfig } from "../scheduler/queue/QueueConfig.ts";
import { QueueManager } from "../scheduler/queue/QueueManager.ts";
import {
  runQueueTimeline,
  type TimelineArrival,
  type TimelineQueue,
  type TimelineResult,
} from "../scheduler/queue/QueueTimeline.ts";
import { podRequest, traceCluster } from "../scheduler/simulator/TraceFleet.ts";
import { readTraceNodes, readTracePods, type TracePod } from "../scheduler/simulator/TraceReader.ts";

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
    // fleet never queues anything; a slice of the fleet makes tenants compete.
    "fleet-gpus": { type: "string", default: "48" },
    json: { type: "string" },
  },
});
const policyArg = values.policy ?? "best-fit";
if (!isPolicyName(policyArg))
  throw new Error(`unknown --policy ${policyArg}; use one of ${policyNames.join(", ")}`);
const policy: PolicyName = policyArg;

/** Tenants and their share of the pods; each has a quarter of the fleet as quota and may borrow the rest. */
const tenants = [
  { name: "team-a", share: 0.4 },
  { name: "team-b", share: 0.3 },
  { name: "team-c", share: 0.2 },
  { name: "team-d", share: 0.1 },
];
/** The trace's QoS classes as priority classes: latency-sensitive inference first, best-effort last. */
const classOfQos: Record<string, { name: string; preemptible: boolean }> = {
  LS: { name: "latency-sensitive", preemptible: true },
  Guaranteed: { name: "guaranteed", preemptible: false },
  Burstable: { name: "burstable", preemptible: true },
  BE: { name: "best-effort", preemptible: true },
};

const fleetTarget = Number(values["fleet-gpus"]);
if (!Number.isInteger(fleetTarget) || fleetTarget <= 0)
  throw new Error(`--fleet-gpus must be a positive integer`);
/** Every k-th node of the trace (k coprime with the count) until the GPU target is met: a mix of all shapes. */
const nodes = (() => {
  const all = readTraceNodes(values.nodes ?? "");
  const picked: typeof all = [];
  let gpus = 0;
  for (let i = 0; i < all.length && gpus < fleetTarget; i++) {
    const node = all[(i * 7919) % all.length]!;
    if (gpus + node.gpus > fleetTarget) continue;
    picked.push(node);
    gpus += node.gpus;
  }
  return picked;
})();
// A pod no node of this fleet could hold even when empty is refused at submit (as the service does), not queued.
const allPods = readTracePods(values.pods ?? "");
const emptyFleet = new PlacementEngine(traceCluster(nodes, false), { policy: createPolicy("best-fit") });
const pods = allPods.filter((pod) => emptyFleet.place(podRequest(pod, pod.name, false)).ok);
const fleetGpus = nodes.reduce((sum, n) => sum + n.gpus, 0);
const quota = Math.floor(fleetGpus / tenants.length);
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

const traceEnd = Math.max(...pods.map((p) => p.deletionTime ?? p.creationTime ?? 0));
/** Deterministic tenant per pod (a small LCG over the row number), in the shares above. */
function tenantOf(index: number): string {
  const u = ((index * 1103515245 + 12345) % 2147483648) / 2147483648;
  let acc = 0;
  for (const t of tenants) {
    acc += t.share;
    if (u < acc) return t.name;
  }
  return tenants[tenants.length - 1]!.name;
}

function arrivals(): TimelineArrival<EngineRequest>[] {
  return pods.map((pod: TracePod, index) => {
    const at = pod.creationTime ?? 0;
    const runSeconds = Math.max(1, (pod.deletionTime ?? traceEnd) - at);
    const qos = classOfQos[podQos(pod)] ?? { name: "best-effort", preemptible: true };
    const request: EngineRequest = { gang: false, request: podRequest(pod, pod.name, false) };
    return {
      at,
      runSeconds,
      submission: engineSubmission(pod.name, request, {
        queue: tenantOf(index),
        priorityClass: qos.name,
        preemptible: qos.preemptible,
        requeueOnPreemption: true,
        maxRuntimeSeconds: runSeconds,
      }),
    };
  });
}

/** The QoS column is not part of TracePod; it is read from the CSV row the reader kept the line of. */
const qosByLine = new Map<number, string>();
{
  const { readFileSync } = await import("node:fs");
  const lines = readFileSync(values.pods ?? "", "utf8").split("\n");
  const header = lines[0]?.split(",") ?? [];
  const column = header.indexOf("qos");
  lines.forEach((line, i) => {
    if (i > 0 && column >= 0) qosByLine.set(i + 1, line.split(",")[column] ?? "");
  });
}
function podQos(pod: TracePod): string {
  return qosByLine.get(pod.line) ?? "BE";
}

function engine(): PlacementEngine {
  return new PlacementEngine(traceCluster(nodes, false), { policy: createPolicy(policy), seed: 42 });
}

function replay(
  label: string,
  queue: TimelineQueue<EngineRequest, EngineAllocation>,
): TimelineResult & { wallSeconds: number } {
  const started = performance.now();
  let lastReport = 0;
  const result = runQueueTimeline(queue, arrivals(), {
    sampleEverySeconds: 3600,
    onProgress: (done, total, t) => {
      const now = performance.now();
      if (now - lastReport > 2000) {
        lastReport = now;
        process.stderr.write(`${label}: ${done}/${total} pods arrived, t=${(t / 86400).toFixed(1)} d\n`);
      }
    },
  });
  return { ...result, wallSeconds: (performance.now() - started) / 1000 };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(result: TimelineResult & { wallSeconds: number }) {
  const perTenant = tenants.map((t) => {
    const jobs = result.jobs.filter((j) => j.queue === t.name);
    const delays = jobs
      .filter((j) => j.firstStartedAt !== undefined)
      .map((j) => j.firstStartedAt! - j.submittedAt)
      .sort((a, b) => a - b);
    return {
      tenant: t.name,
      pods: jobs.length,
      neverStarted: jobs.filter((j) => j.firstStartedAt === undefined).length,
      delayP50Seconds: percentile(delays, 50),
      delayP99Seconds: percentile(delays, 99),
      preempted: jobs.reduce((sum, j) => sum + j.preemptions, 0),
    };
  });
  const horizon = result.samples.filter((s) => s.t <= traceEnd);
  const meanAllocated = horizon.reduce((sum, s) => sum + s.allocatedGpus, 0) / Math.max(1, horizon.length);
  const curve = Array.from({ length: 25 }, (_, i) => {
    const t = (traceEnd * i) / 24;
    const sample = horizon.filter((s) => s.t <= t).at(-1);
    return {
      day: Math.round((t / 86400) * 10) / 10,
      allocatedGpus: Math.round(sample?.allocatedGpus ?? 0),
      pending: sample?.pending ?? 0,
    };
  });
  return {
    perTenant,
    preemptions: result.preemptions.length,
    meanAllocatedGpus: Math.round(meanAllocated),
    meanAllocationPercent: Math.round((meanAllocated / fleetGpus) * 1000) / 10,
    curve,
    cycles: result.cycles,
    wallSeconds: Math.round(result.wallSeconds * 10) / 10,
  };
}

const fifoEngine = engine();
const fifo = summary(replay("fifo", new FifoQueue(new EngineCapacity(fifoEngine))));
const tesseraEngine = engine();
const tessera = summary(
  replay(
    "tessera",
    new QueueManager<EngineRequest, EngineAllocation>({
      config,
      capacity: new EngineCapacity(tesseraEngine),
    }),
  ),
);

const hours = (s: number) => (Number.isNaN(s) ? "-" : (s / 3600).toFixed(2));
console.log(
  `Alibaba ${values.pods?.split("/").at(-1)}: ${pods.length} pods (${allPods.length - pods.length} refused: no node of the fleet could hold them) on ${nodes.length} trace nodes (${fleetGpus} GPUs: ${[...new Set(nodes.map((n) => `${n.gpus}x${n.model}`))].join(" ")}), policy ${policy}, quota ${quota} GPUs per tenant`,
);
console.log("tenant   pods   | FIFO p50 h  p99 h  unstarted | queue p50 h  p99 h  unstarted preempted");
for (const [i, t] of tessera.perTenant.entries()) {
  const f = fifo.perTenant[i]!;
  console.log(
    `${t.tenant.padEnd(8)} ${String(t.pods).padStart(5)}  | ${hours(f.delayP50Seconds).padStart(9)} ${hours(f.delayP99Seconds).padStart(6)} ${String(f.neverStarted).padStart(9)} | ${hours(t.delayP50Seconds).padStart(10)} ${hours(t.delayP99Seconds).padStart(6)} ${String(t.neverStarted).padStart(9)} ${String(t.preempted).padStart(9)}`,
  );
}
console.log(
  `mean GPU allocation: FIFO ${fifo.meanAllocatedGpus} GPUs (${fifo.meanAllocationPercent}%), queue ${tessera.meanAllocatedGpus} GPUs (${tessera.meanAllocationPercent}%)`,
);
console.log(`preemptions: FIFO ${fifo.preemptions}, queue ${tessera.preemptions}`);
console.log(
  `wall time: FIFO ${fifo.wallSeconds} s (${fifo.cycles} cycles), queue ${tessera.wallSeconds} s (${tessera.cycles} cycles)`,
);
console.log("allocated GPUs over time (day: FIFO / queue):");
console.log(
  tessera.curve.map((p, i) => `${p.day}: ${fifo.curve[i]?.allocatedGpus}/${p.allocatedGpus}`).join("  "),
);
if (values.json)
  writeFileSync(
    values.json,
    `${JSON.stringify({ fleetGpus, quotaPerTenant: quota, policy, fifo, queue: tessera }, null, 2)}\n`,
  );
