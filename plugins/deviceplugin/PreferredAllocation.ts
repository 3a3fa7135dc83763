import type { AdvertisedDevice, AdvertisedResource } from "./AdvertisedResources.ts";
import { AllocationRefused } from "./ContainerAllocation.ts";

/**
 * How much two devices gain from sitting in one container: replicas or MIG instances of one GPU most (one MPS
 * daemon, one device), then GPUs joined by NVLink (more links, more bandwidth), then a shared NUMA node.
 */
function affinity(a: AdvertisedDevice, b: AdvertisedDevice): number {
  if (a.gpu.uuid === b.gpu.uuid) return 1000;
  const links = Math.max(a.gpu.nvlinkPeers[b.gpu.uuid] ?? 0, b.gpu.nvlinkPeers[a.gpu.uuid] ?? 0);
  const numa = a.gpu.numaNode !== null && a.gpu.numaNode === b.gpu.numaNode ? 1 : 0;
  return links > 0 ? 100 + links * 10 + numa : numa;
}

function setAffinity(devices: AdvertisedDevice[]): number {
  let total = 0;
  for (let i = 0; i < devices.length; i++) {
    for (let j = i + 1; j < devices.length; j++) total += affinity(devices[i]!, devices[j]!);
  }
  return total;
}

function affinityTo(device: AdvertisedDevice, others: AdvertisedDevice[]): number {
  return others.reduce((sum, other) => sum + affinity(device, other), 0);
}

/** Exhaustive search is exact and cheap up to this many candidate sets; past it, a greedy pass. */
const EXHAUSTIVE_LIMIT = 20_000;

function combinationCount(n: number, k: number): number {
  let count = 1;
  for (let i = 0; i < k; i++) {
    count = (count * (n - i)) / (i + 1);
    if (count > EXHAUSTIVE_LIMIT) return Number.POSITIVE_INFINITY;
  }
  return count;
}

function* combinations<T>(items: T[], k: number, start = 0): Generator<T[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= items.length - k; i++) {
    for (const rest of combinations(items, k - 1, i + 1)) yield [items[i]!, ...rest];
  }
}

/**
 * Chooses `size` devices among `available` (always keeping `mustInclude`): the set with the most affinity
 * inside it; among equals, the one that leaves the best-connected devices for later requests.
 */
export function preferredAllocation(
  resource: AdvertisedResource,
  available: string[],
  mustInclude: string[],
  size: number,
): string[] {
  const where = `GetPreferredAllocation for ${resource.name}`;
  if (!Number.isInteger(size) || size < 0) {
    throw new AllocationRefused(
      `${where}: allocation_size ${size} must be a non-negative integer`,
      "invalid-argument",
    );
  }
  const byId = new Map(resource.devices.map((d) => [d.id, d]));
  const unknown = [...available, ...mustInclude].filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new AllocationRefused(
      `${where}: unknown device ID ${JSON.stringify(unknown[0])}; this node advertises ${resource.devices.length} devices for it`,
      "invalid-argument",
    );
  }
  const missing = mustInclude.filter((id) => !available.includes(id));
  if (missing.length > 0) {
    throw new AllocationRefused(
      `${where}: must_include_deviceIDs ${missing.join(", ")} not among available_deviceIDs`,
      "invalid-argument",
    );
  }
  const uniqueAvailable = [...new Set(available)];
  const required = [...new Set(mustInclude)];
  if (size > uniqueAvailable.length || required.length > size) {
    throw new AllocationRefused(
      `${where}: cannot pick ${size} devices from ${uniqueAvailable.length} available with ${required.length} required`,
      "invalid-argument",
    );
  }
  const chosen = required.map((id) => byId.get(id)!);
  // Advertised order (GPU index, then instance or replica) makes ties deterministic.
  const order = new Map(resource.devices.map((d, i) => [d.id, i]));
  const candidates = uniqueAvailable
    .filter((id) => !required.includes(id))
    .map((id) => byId.get(id)!)
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const needed = size - chosen.length;

  const score = (picked: AdvertisedDevice[]): [number, number] => {
    const set = [...chosen, ...picked];
    const left = candidates.filter((c) => !picked.includes(c));
    const leftLinks = set.reduce((sum, d) => sum + affinityTo(d, left), 0);
    return [setAffinity(set), -leftLinks];
  };
  const better = (a: [number, number], b: [number, number]) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

  let best: AdvertisedDevice[] = [];
  if (combinationCount(candidates.length, needed) <= EXHAUSTIVE_LIMIT) {
    let bestScore: [number, number] | null = null;
    for (const picked of combinations(candidates, needed)) {
      const s = score(picked);
      if (bestScore === null || better(s, bestScore)) {
        best = picked;
        bestScore = s;
      }
    }
  } else {
    const pool = [...candidates];
    while (best.length < needed) {
      let pick = 0;
      let pickScore: [number, number] | null = null;
      for (let i = 0; i < pool.length; i++) {
        const s = score([...best, pool[i]!]);
        if (pickScore === null || better(s, pickScore)) {
          pick = i;
          pickScore = s;
        }
      }
      best.push(...pool.splice(pick, 1));
    }
  }
  return [...chosen, ...best].map((d) => d.id);
}
