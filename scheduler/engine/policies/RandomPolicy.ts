import type { ScorePlugin } from "../ScorePlugin.ts";

/** Every feasible node scores the same, so the engine's seeded tie-break picks one uniformly at random. */
export function randomPolicy(): ScorePlugin {
  return { name: "random", optionMode: "tightest", score: () => 0 };
}
