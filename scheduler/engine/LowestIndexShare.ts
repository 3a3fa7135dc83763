import type { CycleState } from "./CycleState.ts";
import type { GpuOption } from "./GpuOptions.ts";
import type { NodeClass } from "./NodeClassIndex.ts";
import type { NodeState } from "./NodeState.ts";
import type { ScorePlugin } from "./ScorePlugin.ts";

/**
 * The share option on the GPU with the lowest index among those scoring as well as `chosen` on `node` (a member
 * of `klass`, so the class's scores hold for it). Equal GPUs collapse into one option when classes are
 * evaluated; this looks at every GPU of the node itself (policies with `shareGpu: "lowestIndex"`).
 */
export function lowestIndexShare(
  policy: ScorePlugin,
  node: NodeState,
  klass: NodeClass,
  cycle: CycleState,
  chosen: GpuOption,
): GpuOption {
  const pick = chosen.picks[0]!;
  const best = policy.score(node, chosen, cycle, klass);
  let result = chosen;
  let lowest = node.ordered[pick.pos]!.index;
  for (let pos = 0; pos < node.ordered.length; pos++) {
    const gpu = node.ordered[pos]!;
    if (gpu.index >= lowest || gpu.mode !== "shared" || !cycle.allows(gpu.model)) continue;
    if (gpu.freeMilli < pick.milli || (gpu.memoryMiB > 0 && gpu.memFreeMiB < pick.memoryMiB)) continue;
    const option: GpuOption = { picks: [{ ...pick, pos }], nvlinkPairs: 0 };
    if (policy.score(node, option, cycle, klass) < best) continue;
    result = option;
    lowest = gpu.index;
  }
  return result;
}
