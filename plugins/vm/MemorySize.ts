const unitMiB: Record<string, number> = {
  "": 1,
  k: 1 / 1024,
  ki: 1 / 1024,
  m: 1,
  mi: 1,
  g: 1024,
  gi: 1024,
  t: 1024 * 1024,
  ti: 1024 * 1024,
};

/**
 * A memory size such as `8GiB`, `512MiB`, `2G` or `1536` (MiB) in MiB. Binary units throughout: a VM's memory
 * is allocated in pages, and `8G` meaning 8000 MiB would surprise everyone.
 */
export function parseMemoryMiB(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]i?)?b?\s*$/i.exec(text);
  const factor = match ? unitMiB[(match[2] ?? "").toLowerCase()] : undefined;
  const mib = match && factor !== undefined ? Math.round(Number(match[1]) * factor) : Number.NaN;
  if (!Number.isFinite(mib) || mib < 1) {
    throw new Error(`"${text}" is not a memory size; write it like 512MiB, 8GiB or 2G (at least 1 MiB)`);
  }
  return mib;
}
