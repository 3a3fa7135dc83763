import type { CycleState } from "../CycleState.ts";
import type { FilterPlugin } from "../FilterPlugin.ts";
import type { NodeState } from "../NodeState.ts";

/**
 * A container job (`--image`) needs a node whose agent advertises a container runtime; a node whose agent says
 * nothing about runtimes (simulated fleets) is not filtered, as for VM runtimes.
 */
export const containerRuntimeFilter: FilterPlugin = {
  name: "ContainerRuntime",
  filter(node: NodeState, cycle: CycleState): string | null {
    if (!cycle.request.container || node.containerRuntimes === undefined) return null;
    return node.containerRuntimes.length > 0
      ? null
      : "cannot run container jobs (no container runtime: see tessera agent --container-runtime)";
  },
};
