import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ClusterSpec, NodeSpec } from "../../scheduler/engine/ClusterSpec.ts";
import type { Placement } from "../../scheduler/engine/Placement.ts";
import { PlacementEngine } from "../../scheduler/engine/PlacementEngine.ts";
import type { PlacementRequest } from "../../scheduler/engine/PlacementRequest.ts";
import { createPolicy, type PolicyName } from "../../scheduler/engine/PolicyRegistry.ts";
import { SeededRandom } from "../../scheduler/engine/SeededRandom.ts";
import { TargetWorkload } from "../../scheduler/engine/TargetWorkload.ts";
import { podGpuMilli, podRequest, traceCluster } from "../../scheduler/simulator/TraceFleet.ts";
import { readTraceNodes, readTracePods, type TracePod } from "../../scheduler/simulator/TraceReader.ts";
import { traceDirectory } from "./TraceDirectory.ts";

export interface SpeedResult {
  gpus: number;
  nodes: number;
  policy: PolicyName;
  decisions: number;
  /** Per second of this process's CPU time (one core). */
  decisionsPerSecond: number;
  /** Per second of wall time, on a machine shared with other work. */
  decisionsPerWallSecond: number;
  /** CPU time per decision. */
  p50Micros: number;
  p99Micros: number;
  /** Node equivalence classes at the end: what one decision scans. */
  classes: number;
  /** Allocated share of GPU capacity while measuring, percent. */
  allocationPercent: number;
  /**
   * SHA-256 over every decision (fill and measured: node and GPU assignments, or "-" for no fit): equal before
   * and after a speed change means the engine decided exactly the same.
   */
  decisionsSha256: string;
}

/** GPUs and measured decisions of each fleet, run in this order in one process. */
export const speedBenchSizes = [
  [1000, 20000],
  [8000, 20000],
  [64000, 10000],
] as const;

export interface SpeedBenchRun {
  results: SpeedResult[];
  /** Peak RSS of the benchmark's process after the 64k-GPU fleet. */
  peakRssMiB: number;
  /** `compiled`: dist/'s JavaScript under plain node, as `tessera scheduler` runs; `sources`: TypeScript through tsx. */
  code: "compiled" | "sources";
}

/**
 * Runs `SpeedBenchProcess` in a process of its own, from the compiled build (built first, incrementally) as
 * `tessera scheduler` runs, or from the sources through tsx with `sources` (tsx's loader thread and compiler take
 * ~43 MiB at start, ~16 MiB at the peak). Its own process: the RSS is the engine's, not that of the benchmarks run
 * before it.
 */
export function runSpeedBenchInProcess(
  code: SpeedBenchRun["code"],
  log: (line: string) => void,
): SpeedBenchRun {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  let args: string[];
  if (code === "compiled") {
    execFileSync(process.execPath, [join(root, "bin", "build.js")], { cwd: root, stdio: "inherit" });
    args = [join(root, "dist", "bench", "placement", "SpeedBenchProcess.js")];
  } else {
    args = ["--import", "tsx", join(root, "bench", "placement", "SpeedBenchProcess.ts")];
  }
  log(`  running ${code === "compiled" ? "the compiled build (dist/)" : "the sources through tsx"}`);
  const out = execFileSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, TESSERA_TRACES: traceDirectory() },
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const { results, peakRssMiB } = JSON.parse(out) as { results: SpeedResult[]; peakRssMiB: number };
  return { results, peakRssMiB, code };
}

/** The trace's GPU nodes, repeated (with new names) until the fleet has at least `gpus` GPUs. */
export function scaledCluster(base: ClusterSpec, gpus: number): ClusterSpec {
  const nodes: NodeSpec[] = [];
  let count = 0;
  for (let round = 0; count < gpus; round++) {
    for (const n of base.nodes) {
      if (count >= gpus) break;
      nodes.push({
        ...n,
        name: `${n.name}-r${round}`,
        gpus: n.gpus.map((g) => ({ ...g, uuid: `${g.uuid}-r${round}` })),
      });
      count += n.gpus.length;
    }
  }
  return { nodes };
}

/**
 * Steady-state decision speed: the fleet is filled to ~85% with trace pods drawn at random, then each measured
 * decision places (and commits) one more pod; whenever allocation passes 90% a random allocation is released
 * first (not timed). A decision is `place` + `commit`; failures are counted as decisions too.
 */
export function runSpeedBench(
  gpus: number,
  policy: PolicyName,
  decisions: number,
  log: (line: string) => void,
): SpeedResult {
  const dir = traceDirectory();
  const base = traceCluster(readTraceNodes(join(dir, "openb_node_list_gpu_node.csv")), false);
  const pods = readTracePods(join(dir, "openb_pod_list_default.csv"));
  const cluster = scaledCluster(base, gpus);
  const capacity = cluster.nodes.reduce((a, n) => a + n.gpus.length * 1000, 0);
  const workload = TargetWorkload.fromRequests(pods.map((p, i) => podRequest(p, `w${i}`, false)));
  const engine = new PlacementEngine(cluster, { policy: createPolicy(policy, workload), seed: 7 });
  const rng = new SeededRandom(11);
  const live: { id: string; milli: number }[] = [];
  let allocated = 0;
  let serial = 0;
  const decisionHash = createHash("sha256");
  /** Places and commits one pod; returns the placement, or undefined when nothing fits. */
  const attempt = (
    pod: TracePod,
    request: PlacementRequest = podRequest(pod, `s${serial++}`, false),
  ): Placement | undefined => {
    const r = engine.place(request, { explain: false });
    if (!r.ok) return undefined;
    engine.commit(r.placement);
    live.push({ id: request.id, milli: podGpuMilli(pod) });
    allocated += podGpuMilli(pod);
    return r.placement;
  };
  // Outside the timed part: a decision's record costs about as much as the decision.
  const record = (placement: Placement | undefined): boolean => {
    decisionHash.update(placement ? `${placement.node} ${JSON.stringify(placement.gpus)}\n` : "-\n");
    return placement !== undefined;
  };
  const releaseRandom = (): void => {
    const i = rng.below(live.length);
    const victim = live[i]!;
    live[i] = live[live.length - 1]!;
    live.pop();
    engine.release(victim.id);
    allocated -= victim.milli;
  };
  let misses = 0;
  while (allocated < 0.85 * capacity && misses < 200) {
    if (record(attempt(pods[rng.below(pods.length)]!))) misses = 0;
    else misses++;
  }
  log(`  ${gpus} GPUs: filled to ${((allocated * 100) / capacity).toFixed(1)}% with ${live.length} pods`);
  // CPU time of this process per decision (getrusage, microsecond resolution): the machine is shared, and wall
  // time would also count the time other processes held the core.
  const latencies = new Float64Array(decisions);
  let busy = 0;
  let wall = 0;
  for (let i = 0; i < decisions; i++) {
    while (allocated > 0.9 * capacity) releaseRandom();
    const pod = pods[rng.below(pods.length)]!;
    const request = podRequest(pod, `s${serial++}`, false);
    const w0 = performance.now();
    const t0 = process.cpuUsage();
    const placement = attempt(pod, request);
    const dt = process.cpuUsage(t0);
    wall += performance.now() - w0;
    record(placement);
    const micros = dt.user + dt.system;
    latencies[i] = micros;
    busy += micros;
  }
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  return {
    gpus: capacity / 1000,
    nodes: cluster.nodes.length,
    policy,
    decisions,
    decisionsPerSecond: (decisions * 1e6) / busy,
    decisionsPerWallSecond: (decisions * 1000) / wall,
    p50Micros: sorted[Math.floor(0.5 * decisions)]!,
    p99Micros: sorted[Math.floor(0.99 * decisions)]!,
    classes: engine.classCount,
    allocationPercent: (allocated * 100) / capacity,
    decisionsSha256: decisionHash.digest("hex"),
  };
}
