import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GpuOption } from "./GpuOptions.ts";
import { type ClassNeed, type Evaluation, type NodeClass, NodeClassIndex } from "./NodeClassIndex.ts";
import { NodeState } from "./NodeState.ts";
import { RankedClassesInNodeOrder } from "./RankedClassesInNodeOrder.ts";
import { SeededRandom } from "./SeededRandom.ts";
import { nodeOf } from "./test/fixtures.ts";

/** Few CPU levels, so nodes keep merging into and leaving shared classes; scores tie in threes. */
const levels = [0, 1000, 2000, 3000, 4000, 5000, 6000];
const option: GpuOption = { picks: [], nvlinkPairs: 0 };

/** Passes over the CPU-less classes on their summary, as `evaluate` would reject them. */
const need: ClassNeed = { cpuMilli: 1, shareMilli: 0, shareRoom: "maxShareFree", idleGpus: 0 };

function evaluate(klass: NodeClass): Evaluation {
  return klass.cpuFree === 0
    ? { fits: false, reason: "insufficient cpu" }
    : { fits: true, score: Math.floor(klass.cpuFree / 3000), option };
}

/** The best class by scanning every class and member: highest score, then the earliest eligible member. */
function scanned(index: NodeClassIndex, eligible: (klass: NodeClass) => boolean): NodeClass | undefined {
  let best: { klass: NodeClass; score: number; rank: number } | undefined;
  for (const klass of index.list) {
    const ev = evaluate(klass);
    if (!ev.fits || !eligible(klass)) continue;
    const rank = Math.min(...klass.members.map((m) => m.tieRank));
    if (!best || ev.score > best.score || (ev.score === best.score && rank < best.rank))
      best = { klass, score: ev.score, rank };
  }
  return best?.klass;
}

describe("RankedClassesInNodeOrder", () => {
  it("picks what a full scan picks while nodes move between classes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: levels.length - 1 }), fc.nat(3)), {
          maxLength: 200,
        }),
        fc.integer(),
        (nodeCount, moves, seed) => {
          const rng = new SeededRandom(seed);
          const index = new NodeClassIndex();
          const nodes: NodeState[] = [];
          for (let i = 0; i < nodeCount; i++) {
            const node = new NodeState(nodeOf(`n${i}`, 1, { cpuMilli: 6000 }));
            node.tieRank = rng.next();
            nodes.push(node);
            index.update(node);
          }
          const ranked = new RankedClassesInNodeOrder();
          for (const [which, level, skip] of moves) {
            const node = nodes[which % nodes.length]!;
            node.cpuFree = levels[level]!;
            index.update(node);
            ranked.catchUp(index, need, evaluate);
            // Some classes are not eligible for this request (host memory, gang members), as in the engine.
            const eligible = (klass: NodeClass) => skip === 0 || klass.cpuFree !== skip * 1000;
            const best = ranked.best(
              (klass) => (eligible(klass) ? klass.members.length : 0),
              (klass) => (eligible(klass) ? klass.byRank[0]!.tieRank : Number.POSITIVE_INFINITY),
            );
            expect(best?.klass).toBe(scanned(index, eligible));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
