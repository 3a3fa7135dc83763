import { writeFileSync } from "node:fs";
import { isPolicyName, type PolicyName, policyNames } from "../engine/PolicyRegistry.ts";
import type { QueueConfig } from "../queue/QueueConfig.ts";
import { QueueConfigFile } from "../queue/QueueConfigFile.ts";
import { replayTraceQueues, type TraceQueueReport } from "./TraceQueueReplay.ts";
import type { TraceNode, TracePod } from "./TraceReader.ts";
import { readTraceNodes, readTracePods, TraceInputError } from "./TraceReader.ts";

export interface QueueComparison {
  queue: TraceQueueReport;
  fifo: TraceQueueReport;
}

/**
 * The same trace through the multi-tenant queue and through a strict FIFO line, on the same engine and fleet:
 * queueing delay per queue, allocation over time and preemptions, side by side.
 */
export function compareWithFifo(input: {
  nodes: readonly TraceNode[];
  pods: readonly TracePod[];
  config: QueueConfig;
  policy: PolicyName;
  seed: number;
  queueOf?: (pod: TracePod, index: number) => string;
  progress?: (line: string) => void;
}): QueueComparison {
  const run = (discipline: "queue" | "fifo") => {
    let last = 0;
    return replayTraceQueues({
      ...input,
      discipline,
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - last < 2000) return;
        last = now;
        input.progress?.(`${discipline}: ${done}/${total} pods arrived`);
      },
    });
  };
  return { fifo: run("fifo"), queue: run("queue") };
}

export function comparisonTable(c: QueueComparison): string {
  const hours = (s: number) => (s / 3600).toFixed(2);
  const lines = [
    `${c.queue.fleetGpus} GPUs, ${c.queue.perQueue.reduce((s, q) => s + q.pods, 0)} pods (${c.queue.podsRefused} refused: no node could ever hold them)`,
    "queue        pods | FIFO delay p50 h   p99 h  unstarted | queue delay p50 h   p99 h  unstarted  preempted",
  ];
  for (const q of c.queue.perQueue) {
    const f = c.fifo.perQueue.find((x) => x.queue === q.queue);
    lines.push(
      `${q.queue.padEnd(10)} ${String(q.pods).padStart(6)} | ${hours(f?.delayP50Seconds ?? 0).padStart(14)} ${hours(f?.delayP99Seconds ?? 0).padStart(7)} ${String(f?.neverStarted ?? 0).padStart(10)} | ${hours(q.delayP50Seconds).padStart(15)} ${hours(q.delayP99Seconds).padStart(7)} ${String(q.neverStarted).padStart(10)} ${String(q.preemptions).padStart(10)}`,
    );
  }
  lines.push(
    `mean GPU allocation: FIFO ${c.fifo.meanAllocatedGpus} GPUs (${c.fifo.meanAllocationPercent}%), queue ${c.queue.meanAllocatedGpus} GPUs (${c.queue.meanAllocationPercent}%)`,
    `preemptions: FIFO ${c.fifo.preemptions}, queue ${c.queue.preemptions}`,
    `wall: FIFO ${c.fifo.wallSeconds} s (${c.fifo.cycles} cycles), queue ${c.queue.wallSeconds} s (${c.queue.cycles} cycles)`,
    "allocated GPUs over time (day FIFO/queue):",
    c.queue.curve
      .map((p, i) => `${p.day}:${c.fifo.curve[i]?.allocatedGpus ?? 0}/${p.allocatedGpus}`)
      .join("  "),
  );
  return lines.join("\n");
}

export interface QueuedSimulationOptions {
  nodes: string;
  pods: string;
  queues: string;
  method?: string;
  policy: string;
  seed: string;
  json?: string;
}

/** `tessera simulate --method timeline --queues FILE`: the trace through the queues, next to plain FIFO. */
export function runQueuedSimulation(o: QueuedSimulationOptions): QueueComparison {
  if (o.method !== "timeline") {
    throw new TraceInputError(
      `--queues needs --method timeline (arrivals and departures), not "${o.method}"`,
    );
  }
  if (!isPolicyName(o.policy)) {
    throw new TraceInputError(`unknown --policy "${o.policy}"; use one of ${policyNames.join(", ")}`);
  }
  const seed = Number(o.seed);
  if (!Number.isInteger(seed)) throw new TraceInputError(`--seed must be an integer, got "${o.seed}"`);
  const pods = readTracePods(o.pods);
  const missing = pods.find((p) => p.creationTime === null);
  if (missing)
    throw new TraceInputError(`${o.pods}:${missing.line}: creation_time is empty; the timeline needs it`);
  const comparison = compareWithFifo({
    nodes: readTraceNodes(o.nodes),
    pods,
    config: queueConfigFor(o.queues),
    policy: o.policy,
    seed,
    progress: (line) => process.stderr.write(`simulate: ${line}\n`),
  });
  process.stdout.write(`${comparisonTable(comparison)}\n`);
  if (o.json) writeFileSync(o.json, `${JSON.stringify(comparison, null, 2)}\n`);
  return comparison;
}

/** The simulator reports bad input as TraceInputError (exit code 2, no stack trace); so does a bad queue file. */
function queueConfigFor(path: string): QueueConfig {
  try {
    return QueueConfigFile.open(path).config;
  } catch (error) {
    throw new TraceInputError((error as Error).message);
  }
}
