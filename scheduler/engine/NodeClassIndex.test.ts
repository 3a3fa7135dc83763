import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyAssignment, releaseAssignment } from "./GpuAssignmentEffects.ts";
import { NodeClassIndex } from "./NodeClassIndex.ts";
import { NodeState } from "./NodeState.ts";
import type { GpuAssignment } from "./Placement.ts";
import { nodeOf } from "./test/fixtures.ts";

/** What makes two test nodes interchangeable, computed independently of the index: CPU and the GPUs' shares. */
function stateOf(node: NodeState): string {
  const gpus = node.gpus.map((g) => `${g.freeMilli}:${g.stateKey()}`).sort();
  return `${node.cpuFree}|${gpus.join("|")}`;
}

describe("NodeClassIndex", () => {
  it("files nodes in the same state together and others apart, also when it renumbers its interned keys", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(1), fc.constantFrom(100, 250, 500), fc.boolean()), {
          maxLength: 120,
        }),
        fc.integer({ min: 1, max: 8 }),
        (nodeCount, steps, gpuStateLimit) => {
          const index = new NodeClassIndex("inKey", 4096, gpuStateLimit);
          const nodes = Array.from({ length: nodeCount }, (_, i) => new NodeState(nodeOf(`n${i}`, 2)));
          for (const node of nodes) index.update(node);
          const held = nodes.map(() => [] as { gpu: number; a: GpuAssignment }[]);
          steps.forEach(([which, gpuIndex, milli, release], step) => {
            const n = which % nodes.length;
            const node = nodes[n]!;
            const gpu = node.gpus[gpuIndex]!;
            const last = held[n]!.pop();
            if (release && last) {
              releaseAssignment(node.gpus[last.gpu]!, last.a, `a${step}`, undefined);
            } else {
              if (last) held[n]!.push(last);
              if (gpu.freeMilli < milli) return;
              const a: GpuAssignment = { kind: "share", gpuIndex, gpuUuid: gpu.uuid, milli, memoryMiB: 0 };
              applyAssignment(gpu, a, `a${step}`);
              held[n]!.push({ gpu: gpuIndex, a });
            }
            index.update(node);
            for (const x of nodes)
              for (const y of nodes) expect(x.klass === y.klass).toBe(stateOf(x) === stateOf(y));
            expect(index.classCount).toBe(new Set(nodes.map(stateOf)).size);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
