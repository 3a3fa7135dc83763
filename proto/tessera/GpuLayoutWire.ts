/** A MIG instance as the wire names it, desired or observed: its profile and placement start. */
interface MigSlot {
  profile?: string;
  start?: number;
}

/**
 * Whether a GPU as an agent observes it has a desired layout: the desired mode and exactly the desired MIG
 * instances. The agent reconciles until it does; the scheduler learns from it that a layout was applied.
 */
export function gpuHasLayout(
  desired: { mode?: string; mig?: readonly MigSlot[] },
  observed: { migEnabled?: boolean; instances?: readonly MigSlot[] } | undefined,
): boolean {
  if (!observed) return false;
  const wantMig = desired.mode === "mig";
  if (Boolean(observed.migEnabled) !== wantMig) return false;
  if (!wantMig) return true;
  const key = (p: MigSlot) => `${p.profile}@${p.start}`;
  const have = (observed.instances ?? []).map(key).sort();
  const want = (desired.mig ?? []).map(key).sort();
  return have.length === want.length && have.every((k, i) => k === want[i]);
}
