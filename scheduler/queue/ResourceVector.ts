/**
 * Amounts per resource name, as quotas, borrowing limits, usage and job demands are expressed.
 * Names: `gpus` (GPU-equivalents), a GPU model id (whole GPUs of that model), a MIG profile name (instances of
 * that profile), `cpu` (cores) and `memory` (MiB). A name that is absent means zero.
 */
export type ResourceVector = Readonly<Record<string, number>>;

// GPU-equivalents are sums of sevenths, which binary floating point cannot hold exactly.
const EPSILON = 1e-9;

export const emptyResources: ResourceVector = Object.freeze({});

export function amountOf(vector: ResourceVector, name: string): number {
  return vector[name] ?? 0;
}

export function addResources(a: ResourceVector, b: ResourceVector): ResourceVector {
  const sum: Record<string, number> = { ...a };
  for (const [name, amount] of Object.entries(b)) sum[name] = (sum[name] ?? 0) + amount;
  return sum;
}

export function subtractResources(a: ResourceVector, b: ResourceVector): ResourceVector {
  const difference: Record<string, number> = { ...a };
  for (const [name, amount] of Object.entries(b)) {
    const left = (difference[name] ?? 0) - amount;
    difference[name] = Math.abs(left) < EPSILON ? 0 : left;
  }
  return difference;
}

/** `a <= b`, tolerant of the rounding of sevenths. */
export function atMost(a: number, b: number): boolean {
  return a <= b + EPSILON;
}

export function isPositive(amount: number): boolean {
  return amount > EPSILON;
}

/** Names with a positive amount, for iteration that skips zeros. */
export function positiveNames(vector: ResourceVector): string[] {
  return Object.keys(vector).filter((name) => isPositive(vector[name] ?? 0));
}

export function formatAmount(name: string, amount: number): string {
  const rounded = Math.round(amount * 100) / 100;
  return name === "memory" ? `${rounded} MiB` : `${rounded}`;
}

export function formatResources(vector: ResourceVector): string {
  const names = positiveNames(vector);
  if (names.length === 0) return "nothing";
  return names.map((name) => `${name}=${formatAmount(name, vector[name] ?? 0)}`).join(", ");
}
