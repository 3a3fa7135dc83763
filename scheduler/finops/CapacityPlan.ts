import { gpuModels } from "../../proto/catalog/GpuCatalog.ts";
import { referenceHost, referenceServer } from "../../proto/catalog/ReferenceServers.ts";
import type { PolicyName } from "../engine/PolicyRegistry.ts";
import type { FleetNode } from "../readmodel/FleetReadModel.ts";
import { replayTimeline, type TimelineReplayResult } from "../simulator/TimelineReplay.ts";
import type { TraceNode, TracePod } from "../simulator/TraceReader.ts";

/** One change to the fleet: `16xH100` adds (or removes) 16 GPUs of that model; a node name removes that node. */
export type FleetChange =
  | { kind: "add" | "remove"; count: number; model: string }
  | { kind: "remove-node"; node: string };

export interface PlanOption {
  /** What the option is, as the user wrote it (`today`, `+16xH100`, `-node-7`). */
  label: string;
  changes: FleetChange[];
}

export interface PlanOutcome {
  label: string;
  gpus: number;
  gpusByModel: Record<string, number>;
  replay: TimelineReplayResult;
}

/** Resolves `H100` or `h100-sxm5-80gb` to a catalog id, preferring models the fleet already has. */
export function resolveModel(text: string, fleetModels: readonly string[]): string {
  const wanted = text.toLowerCase();
  const exact = gpuModels.find((m) => m.id.toLowerCase() === wanted);
  if (exact) return exact.id;
  const matches = gpuModels.filter((m) => m.id.toLowerCase().includes(wanted)).map((m) => m.id);
  const inFleet = matches.filter((id) => fleetModels.includes(id));
  if (inFleet.length === 1) return inFleet[0] as string;
  if (matches.length === 1) return matches[0] as string;
  const known = gpuModels.map((m) => m.id).join(", ");
  throw new Error(
    matches.length === 0
      ? `unknown GPU model "${text}"; known models: ${known}`
      : `GPU model "${text}" is ambiguous (${matches.join(", ")}); write the full id`,
  );
}

/** Parses one `--add` or `--remove` value: changes joined by `+`, e.g. `16xH100` or `8xH100+4xL4`. */
export function parseFleetChanges(
  value: string,
  kind: "add" | "remove",
  fleetModels: readonly string[],
  nodeNames: readonly string[],
): FleetChange[] {
  return value.split("+").map((part) => {
    const text = part.trim();
    const counted = /^(\d+)\s*[xX*]\s*(\S+)$/.exec(text);
    if (counted) {
      const count = Number(counted[1]);
      if (count < 1) throw new Error(`--${kind} ${text}: the count must be at least 1`);
      return { kind, count, model: resolveModel(counted[2] as string, fleetModels) };
    }
    if (kind === "remove" && nodeNames.includes(text)) return { kind: "remove-node", node: text };
    throw new Error(
      `--${kind} "${text}": expected COUNTxMODEL like 16xH100${kind === "remove" ? " or a node name of the fleet" : ""}`,
    );
  });
}

/** Today's fleet in the simulator's terms: one trace node per node and GPU model. */
export function fleetTraceNodes(nodes: readonly FleetNode[]): TraceNode[] {
  const out: TraceNode[] = [];
  for (const node of nodes) {
    const byModel = new Map<string, number>();
    for (const gpu of node.gpus) byModel.set(gpu.modelId, (byModel.get(gpu.modelId) ?? 0) + 1);
    const split = byModel.size > 1;
    for (const [model, gpus] of byModel) {
      out.push({
        name: split ? `${node.name}/${model}` : node.name,
        // A node whose agent did not report its host gets its share of its model's reference server.
        cpuMilli: node.cpuMillis || referenceHost(model, gpus).cpuMillis,
        memoryMiB: node.memoryMiB || referenceHost(model, gpus).memoryMiB,
        gpus,
        model,
        line: 0,
      });
    }
  }
  return out;
}

export function applyChanges(base: readonly TraceNode[], changes: readonly FleetChange[]): TraceNode[] {
  let nodes = base.map((n) => ({ ...n }));
  let added = 0;
  for (const change of changes) {
    if (change.kind === "remove-node") {
      nodes = nodes.filter((n) => n.name !== change.node && !n.name.startsWith(`${change.node}/`));
    } else if (change.kind === "add") {
      // Added GPUs come as the model's reference servers (8 H100s per DGX H100, with its CPU and memory).
      const perNode = referenceServer(change.model).gpus;
      for (let left = change.count; left > 0; left -= perNode) {
        added++;
        const gpus = Math.min(perNode, left);
        const host = referenceHost(change.model, gpus);
        nodes.push({
          name: `planned-${added}-${change.model}`,
          cpuMilli: host.cpuMillis,
          memoryMiB: host.memoryMiB,
          gpus,
          model: change.model,
          line: 0,
        });
      }
    } else {
      const have = nodes.filter((n) => n.model === change.model).reduce((sum, n) => sum + n.gpus, 0);
      if (have < change.count) {
        throw new Error(`cannot remove ${change.count}x${change.model}: the fleet has ${have} of them`);
      }
      // Take GPUs from the last nodes first, leaving whole nodes where possible.
      let left = change.count;
      for (const node of [...nodes].reverse()) {
        if (left === 0) break;
        if (node.model !== change.model) continue;
        const take = Math.min(left, node.gpus);
        node.gpus -= take;
        left -= take;
      }
      nodes = nodes.filter((n) => n.gpus > 0);
    }
  }
  return nodes;
}

/**
 * Replays `pods` (arrivals, run times) through the placement engine on today's fleet and on each option, and
 * answers with queueing delay and allocation. The trace's own GPU models (gpu_spec) are dropped: the question is
 * how this fleet copes with that demand.
 */
export function planCapacity(input: {
  fleet: readonly FleetNode[];
  pods: readonly TracePod[];
  podsFile: string;
  options: readonly PlanOption[];
  policy: PolicyName;
  seed: number;
  onProgress?: (label: string, done: number, total: number) => void;
}): PlanOutcome[] {
  const base = fleetTraceNodes(input.fleet);
  const pods = input.pods.map((p) => ({ ...p, gpuSpec: null }));
  return [{ label: "today", changes: [] }, ...input.options].map((option) => {
    const nodes = applyChanges(base, option.changes);
    const gpusByModel: Record<string, number> = {};
    for (const n of nodes) gpusByModel[n.model] = (gpusByModel[n.model] ?? 0) + n.gpus;
    if (nodes.length === 0) throw new Error(`option ${option.label} leaves no GPUs in the fleet`);
    const replay = replayTimeline({
      nodes,
      pods,
      podsFile: input.podsFile,
      policy: input.policy,
      seed: input.seed,
      migFleet: false,
      ...(input.onProgress
        ? { onProgress: (done: number, total: number) => input.onProgress?.(option.label, done, total) }
        : {}),
    });
    return { label: option.label, gpus: replay.gpus, gpusByModel, replay };
  });
}
