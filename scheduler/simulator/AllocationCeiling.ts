import type highsModule from "highs";
import { gpuModel, smallestFittingProfile } from "../../proto/catalog/GpuCatalog.ts";
import { fgdArrivals, podsArrivedBy } from "./FgdReplay.ts";
import { fleetGpuMilli, migFleetModel, podGpuMilli } from "./TraceFleet.ts";
import type { TraceNode, TracePod } from "./TraceReader.ts";

/**
 * An offline upper bound on the GPU allocation any policy can reach with a given list of pods: the LP relaxation
 * of packing them (any subset, in any order) onto the nodes. Identical pods and identical nodes are aggregated
 * into types, and x[pod type][node type] counts the pods of a type on the nodes of a type. Per node type, CPU,
 * memory and GPU capacity are summed over its nodes; the GPU capacity is stated once per dual-feasible function
 * f (any f with sum f(s) <= 1000 whenever sum s <= 1000 on one GPU), which is what keeps shares from being packed
 * as if GPUs were one fluid: e.g. f = 1000 above 810 and 0 below 191 makes each 810-thousandths share cost a
 * whole GPU while the small shares that could fill the 190 left beside it cost nothing.
 */
export interface CeilingResult {
  /** Upper bound on allocated GPU thousandths / capacity, in percent. */
  upperBoundPercent: number;
  podTypes: number;
  nodeTypes: number;
  constraints: number;
  solveSeconds: number;
}

/** What one pod asks of one GPU, in the units the GPU constraints count (1000 per GPU). */
interface GpuUse {
  /** Whole GPUs, or 0 for a share. */
  whole: number;
  /** Share size in thousandths of a GPU's packing dimension (memory slices on a MIG GPU). */
  share: number;
  /** Compute in thousandths (on a MIG GPU its profile's compute slices, which are limited beside memory). */
  compute: number;
}

interface PodType {
  key: string;
  count: number;
  cpuMilli: number;
  memoryMiB: number;
  gpuMilli: number;
  models: readonly string[] | null;
  use: GpuUse;
}

interface NodeType {
  count: number;
  cpuMilli: number;
  memoryMiB: number;
  gpus: number;
  model: string;
}

function gpuUse(pod: TracePod, migFleet: boolean): GpuUse {
  if (pod.numGpu === 0) return { whole: 0, share: 0, compute: 0 };
  if (pod.gpuMilli >= 1000) return { whole: pod.numGpu, share: 0, compute: 0 };
  if (!migFleet) return { whole: 0, share: pod.gpuMilli, compute: pod.gpuMilli };
  const model = gpuModel(migFleetModel);
  const profile = smallestFittingProfile(model, 0, Math.ceil((pod.gpuMilli * 7) / 1000));
  if (!profile || !model.mig)
    throw new Error(`no MIG profile on ${migFleetModel} for ${pod.gpuMilli} thousandths`);
  return {
    whole: 0,
    share: (profile.memorySlices * 1000) / model.mig.memorySlices,
    compute: (profile.computeSlices * 1000) / model.mig.computeSlices,
  };
}

function podTypes(pods: readonly TracePod[], migFleet: boolean): PodType[] {
  const types = new Map<string, PodType>();
  for (const p of pods) {
    const models = migFleet || p.gpuSpec === null ? null : [...p.gpuSpec].sort();
    const key = `${p.cpuMilli}/${p.memoryMiB}/${p.numGpu}/${p.gpuMilli}/${models?.join("|") ?? "*"}`;
    const t = types.get(key);
    if (t) t.count++;
    else
      types.set(key, {
        key,
        count: 1,
        cpuMilli: p.cpuMilli,
        memoryMiB: p.memoryMiB,
        gpuMilli: podGpuMilli(p),
        models,
        use: gpuUse(p, migFleet),
      });
  }
  return [...types.values()];
}

function nodeTypes(nodes: readonly TraceNode[], migFleet: boolean): NodeType[] {
  const types = new Map<string, NodeType>();
  for (const n of nodes) {
    const model = migFleet ? migFleetModel : n.model;
    const key = `${n.cpuMilli}/${n.memoryMiB}/${n.gpus}/${model}`;
    const t = types.get(key);
    if (t) t.count++;
    else types.set(key, { count: 1, cpuMilli: n.cpuMilli, memoryMiB: n.memoryMiB, gpus: n.gpus, model });
  }
  return [...types.values()];
}

/**
 * Dual-feasible functions for one GPU of capacity 1000: the identity; f_e (1000 above 1000 - e, the size
 * between e and 1000 - e, 0 below e) for thresholds e taken from the share sizes; and Fekete and Schepers'
 * u_k(s) = s when (k + 1) s / 1000 is an integer, else floor((k + 1) s / 1000) x 1000 / k.
 */
export function dualFeasibleFunctions(sizes: readonly number[]): ((s: number) => number)[] {
  const fs: ((s: number) => number)[] = [(s) => s];
  const thresholds = new Set<number>();
  for (const s of sizes) {
    if (s > 0 && s <= 500) thresholds.add(s);
    if (s > 500 && s < 1000) thresholds.add(1000 - s + 1);
  }
  for (const e of [...thresholds].sort((a, b) => a - b))
    fs.push((s) => (s > 1000 - e ? 1000 : s >= e ? s : 0));
  for (let k = 1; k <= 8; k++)
    fs.push((s) => {
      const m = ((k + 1) * s) / 1000;
      return Number.isInteger(m) ? s : (Math.floor(m) * 1000) / k;
    });
  return fs;
}

function allowed(t: PodType, n: NodeType): boolean {
  if (t.cpuMilli > n.cpuMilli || t.memoryMiB > n.memoryMiB || t.use.whole > n.gpus) return false;
  if (t.gpuMilli > 0 && n.gpus === 0) return false;
  return t.models === null || t.gpuMilli === 0 || t.models.includes(n.model);
}

// highs declares one types file for require and import, which TypeScript reads as CommonJS (the loader as
// `.default`); the ES module build that Node loads here exports the loader itself as default.
type LoadHighs = typeof highsModule.default;
let solver: ReturnType<LoadHighs> | undefined;

/** The LP bound for packing `pods` onto `nodes` (see `CeilingResult`), solved with HiGHS. */
export async function allocationCeiling(
  nodes: readonly TraceNode[],
  pods: readonly TracePod[],
  migFleet: boolean,
): Promise<CeilingResult> {
  const started = performance.now();
  const pt = podTypes(pods, migFleet);
  const nt = nodeTypes(nodes, migFleet);
  let capacity = 0;
  for (const n of nt) capacity += n.count * n.gpus * 1000;
  // The GPU's packing dimensions: its share, or on a MIG GPU both its memory slices and its compute slices.
  const dimensions: ((u: GpuUse) => number)[] = migFleet
    ? [(u) => u.share, (u) => u.compute]
    : [(u) => u.share];
  const functions = dimensions.map((d) => dualFeasibleFunctions([...new Set(pt.map((t) => d(t.use)))]));
  const vars: { name: string; t: PodType; k: number }[] = [];
  pt.forEach((t, i) => {
    nt.forEach((n, k) => {
      if (t.gpuMilli > 0 && allowed(t, n)) vars.push({ name: `x${i}_${k}`, t, k });
    });
  });
  // CPU-only pods add no allocation, but they take CPU and memory the GPU pods could need: an optimum places
  // none of them, so they are left out.
  const terms = (coef: (v: (typeof vars)[number]) => number, where: (v: (typeof vars)[number]) => boolean) =>
    vars
      .filter(where)
      .map((v) => [coef(v), v.name] as const)
      .filter(([c]) => c !== 0)
      .map(([c, name]) => `+ ${c} ${name}`)
      .join(" ");
  const rows: string[] = [];
  pt.forEach((t, i) => {
    const lhs = terms(
      () => 1,
      (v) => v.t === t,
    );
    if (lhs) rows.push(`p${i}: ${lhs} <= ${t.count}`);
  });
  nt.forEach((n, k) => {
    const on = (v: (typeof vars)[number]) => v.k === k;
    const cpu = terms((v) => v.t.cpuMilli, on);
    if (cpu) rows.push(`c${k}: ${cpu} <= ${n.count * n.cpuMilli}`);
    const mem = terms((v) => v.t.memoryMiB, on);
    if (mem) rows.push(`m${k}: ${mem} <= ${n.count * n.memoryMiB}`);
    const gpus = n.count * n.gpus * 1000;
    dimensions.forEach((d, i) => {
      functions[i]!.forEach((f, j) => {
        const lhs = terms((v) => (v.t.use.whole > 0 ? v.t.use.whole * 1000 : f(d(v.t.use))), on);
        if (lhs) rows.push(`g${k}_${i}_${j}: ${lhs} <= ${gpus}`);
      });
    });
  });
  const objective = vars.map((v) => `+ ${v.t.gpuMilli} ${v.name}`).join(" ");
  const lp = `Maximize\n obj: ${objective || "0 dummy"}\nSubject To\n${rows.map((r) => ` ${r}`).join("\n")}\nEnd\n`;
  // Loaded on first use: every `tessera` command imports this module, few solve an LP.
  solver ??= import("highs").then((m) => (m.default as unknown as LoadHighs)());
  const result = (await solver).solve(lp);
  if (result.Status !== "Optimal")
    throw new Error(`allocation ceiling: the LP solver ended with status ${result.Status}, not Optimal`);
  return {
    upperBoundPercent: (result.ObjectiveValue * 100) / capacity,
    podTypes: pt.length,
    nodeTypes: nt.length,
    constraints: rows.length,
    solveSeconds: (performance.now() - started) / 1000,
  };
}

/**
 * The ceiling at arrived 100% for a run of the paper's method: the bound for the pods of the seed's arrival
 * sequence that can count at the curve's 100% point (arrived percent rounding to at most 100).
 */
export function fgdCeilingAt100(input: {
  nodes: readonly TraceNode[];
  pods: readonly TracePod[];
  seed: number;
  tune: number;
  migFleet: boolean;
}): Promise<CeilingResult> {
  const capacity = fleetGpuMilli(input.nodes);
  const offered = fgdArrivals(input.pods, capacity, input.tune, input.seed);
  return allocationCeiling(input.nodes, podsArrivedBy(offered, capacity, 100), input.migFleet);
}
