import fc from "fast-check";
import type { MigProfileInfo } from "../nvml/MigInventory.ts";

// Test support for the planner and reconciler property tests (not a test file itself).

/** Independent oracle: can these GPU-instance profiles be placed at all? Plain search in the given order. */
export function layoutFits(profiles: readonly MigProfileInfo[], wanted: readonly MigProfileInfo[]): boolean {
  const totalCompute = Math.max(...profiles.map((p) => p.computeSlices));
  const counts = new Map<string, number>();
  for (const p of wanted) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  if ([...counts].some(([name, n]) => n > (profiles.find((p) => p.name === name)?.maxInstances ?? 0)))
    return false;
  if (wanted.reduce((s, p) => s + p.computeSlices, 0) > totalCompute) return false;
  const taken = new Set<number>();
  const go = (i: number): boolean => {
    const p = wanted[i];
    if (!p) return true;
    for (const { start, size } of p.placements) {
      const slots = Array.from({ length: size }, (_, k) => start + k);
      if (slots.some((s) => taken.has(s))) continue;
      for (const s of slots) taken.add(s);
      if (go(i + 1)) return true;
      for (const s of slots) taken.delete(s);
    }
    return false;
  };
  return go(0);
}

/** Random multisets of a model's profiles, up to 8 instances. */
export function arbitraryLayout(profiles: readonly MigProfileInfo[]): fc.Arbitrary<MigProfileInfo[]> {
  return fc.array(fc.constantFrom(...profiles), { minLength: 0, maxLength: 8 });
}
