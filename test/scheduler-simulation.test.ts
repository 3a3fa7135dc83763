import { describe, expect, it, vi } from "vitest";
import { runSimulation } from "./support/simulation/SchedulerSimulation.ts";

// Job ids come from randomUUID: a counter instead, so a seed replays with the same ids in its trace.
const ids = vi.hoisted(() => ({ next: 0 }));
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return {
    ...actual,
    randomUUID: () => `${(ids.next++).toString(16).padStart(8, "0")}-0000-4000-8000-000000000000`,
  };
});

// TESSERA_SIM_SEED replays one seed; TESSERA_SIM_SEEDS=2,7,9 runs a list (soak runs split seeds across processes).
const seedList = process.env.TESSERA_SIM_SEED ?? process.env.TESSERA_SIM_SEEDS;
const seeds = seedList ? seedList.split(",").map(Number) : [1, 2, 3, 4, 5];
const steps = Number(process.env.TESSERA_SIM_STEPS ?? 2_500);
const progressEvery = Number(process.env.TESSERA_SIM_PROGRESS ?? 0);

describe("deterministic simulation of the running scheduler", () => {
  for (const seed of seeds) {
    it(
      `keeps every invariant for ${steps} steps of seed ${seed} (replay: TESSERA_SIM_SEED=${seed})`,
      async () => {
        ids.next = 0;
        const stats = await runSimulation({
          seed,
          steps,
          progressEvery,
          onProgress: (step, s) => console.log(`seed ${seed}: step ${step}: ${JSON.stringify(s)}`),
        });
        // The run must exercise what it claims to: work placed and finished, and every kind of fault.
        expect(stats.acknowledged).toBeGreaterThan(steps / 10);
        expect(stats.states.Succeeded ?? 0).toBeGreaterThan(0);
        expect(stats.agentCrashes + stats.partitions + stats.hostCrashes).toBeGreaterThan(0);
        expect(stats.layoutFaults).toBeGreaterThan(0);
      },
      120_000 + steps * 50,
    );
  }
});
