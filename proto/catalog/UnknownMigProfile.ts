import { findGpuModel, gpuModels, type MigProfile } from "./GpuCatalog.ts";

const catalogProfiles = new Set(gpuModels.flatMap((m) => m.mig?.profiles.map((p) => p.name) ?? []));

/** Whether any GPU model of the catalog has a MIG profile of this name. */
export function isCatalogMigProfile(name: string): boolean {
  return catalogProfiles.has(name);
}

/** Names longer than this get no "did you mean" (the distance would cost more than it tells). */
const MAX_SUGGESTED_NAME = 64;

/**
 * What `tessera submit --mig NAME` and the scheduler say about a profile no GPU model has: the closest profile of
 * the fleet's models ("did you mean"), then those models' profiles, smallest first. `quote` shows the bad name (a
 * server quotes only a short prefix of what a client sent).
 */
export function unknownMigProfileText(
  name: string,
  fleetModelIds: readonly string[],
  quote: (value: string) => string = (value) => JSON.stringify(value),
): string {
  const models = [...new Set(fleetModelIds)].sort().flatMap((id) => {
    const model = findGpuModel(id);
    return model?.mig ? [model] : [];
  });
  if (models.length === 0) {
    const fleet = fleetModelIds.length > 0 ? ` (${[...new Set(fleetModelIds)].sort().join(", ")})` : "";
    return `unknown MIG profile ${quote(name)}, and no GPU model in this fleet${fleet} has MIG: use --share or --gpus`;
  }
  const byName = new Map<string, MigProfile>();
  for (const model of models) for (const p of model.mig!.profiles) byName.set(p.name, p);
  const profiles = [...byName.values()]
    .sort(
      (a, b) =>
        a.computeSlices - b.computeSlices || a.memoryMiB - b.memoryMiB || a.name.localeCompare(b.name),
    )
    .map((p) => p.name);
  const closest = profiles
    .map((p) => ({
      p,
      distance: name.length <= MAX_SUGGESTED_NAME ? editDistance(name.toLowerCase(), p) : Infinity,
    }))
    .sort((a, b) => a.distance - b.distance)[0]!;
  const suggestion =
    name.length <= MAX_SUGGESTED_NAME && closest.distance <= 3 ? `; did you mean ${closest.p}?` : "";
  return (
    `unknown MIG profile ${quote(name)}${suggestion}\n` +
    `profiles of the GPU models in this fleet (${models.map((m) => m.id).join(", ")}): ${profiles.join(", ")}`
  );
}

/** Levenshtein distance: insertions, deletions and substitutions of one character each cost 1. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
