import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlacementEngine } from "./PlacementEngine.ts";
import type { ScorePlugin } from "./ScorePlugin.ts";
import { nodeOf } from "./test/fixtures.ts";

/** Every option scores the same: with the node-order tie-break each decision is the first node that can take it. */
const flat: ScorePlugin = { name: "flat", optionMode: "tightest", score: () => 0 };

/** What makes two nodes interchangeable when host memory is checked per member: CPU and GPU states. */
function stateWithoutMemory(engine: PlacementEngine, name: string): string {
  const n = engine.node(name)!;
  return `${n.cpuFree}|${n.gpus.map((g) => g.stateKey()).join("|")}`;
}

describe("host memory checked per member of a node class", () => {
  it("files nodes that differ only in free memory together, and places each request on the first node with the memory it asks", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.array(
          fc.tuple(fc.boolean(), fc.nat(), fc.constantFrom(100, 300, 500), fc.integer({ min: 0, max: 600 })),
          { maxLength: 60 },
        ),
        fc.integer(),
        (nodeCount, steps, seed) => {
          const names = Array.from({ length: nodeCount }, (_, i) => `n${i}`);
          // 1,000 MiB of host memory per node: requests of up to 600 MiB run short of it after one or two.
          const nodes = names.map((name) => ({ ...nodeOf(name, 1, { cpuMilli: 8000 }), memoryMiB: 1000 }));
          const engine = new PlacementEngine({ nodes }, { policy: flat, seed, tieBreak: "nodeOrder" });
          const held: string[] = [];
          steps.forEach(([release, which, milli, memoryMiB], step) => {
            if (release && held.length > 0) {
              engine.release(held.splice(which % held.length, 1)[0]!);
              return;
            }
            const request = {
              id: `r${step}`,
              cpuMilli: 1000,
              memoryMiB,
              gpu: { kind: "share" as const, milli, memoryMiB: 0 },
            };
            // The reference: the first node in the engine's node order with the CPU, memory and GPU share.
            const fitting = names
              .map((name) => engine.node(name)!)
              .filter((n) => n.cpuFree >= 1000 && n.memFree >= memoryMiB && n.gpus[0]!.freeMilli >= milli)
              .sort((a, b) => a.tieRank - b.tieRank);
            const result = engine.place(request);
            if (fitting.length === 0) {
              expect(result.ok).toBe(false);
              if (result.ok) return;
              const short = names.filter((name) => {
                const n = engine.node(name)!;
                return n.memFree < memoryMiB && n.cpuFree >= 1000 && n.gpus[0]!.freeMilli >= milli;
              }).length;
              expect(result.unschedulable.reasons["insufficient memory"] ?? 0).toBe(short);
              return;
            }
            expect(result.ok && result.placement.node).toBe(fitting[0]!.name);
            if (!result.ok) return;
            engine.commit(result.placement);
            held.push(request.id);
            const states = new Set(names.map((name) => stateWithoutMemory(engine, name)));
            expect(engine.classCount).toBe(states.size);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
