import type { InventoryGpu, NodeInventory } from "../plugins/deviceplugin/SliceInventory.ts";

/** GPU UUIDs of the example node: H100s 0-3 (0-1 and 2-3 NVLink pairs), an A100 in MIG mode, a shared L4, a VM GPU. */
export const uuids = {
  h100: [
    "GPU-00000000-0000-4000-8000-000000000000",
    "GPU-00000000-0000-4000-8000-000000000001",
    "GPU-00000000-0000-4000-8000-000000000002",
    "GPU-00000000-0000-4000-8000-000000000003",
  ],
  a100: "GPU-00000000-0000-4000-8000-0000000000a1",
  l4: "GPU-00000000-0000-4000-8000-0000000000b4",
  vm: "GPU-00000000-0000-4000-8000-0000000000c7",
} as const;

export const migUuids = {
  small0: "MIG-00000000-0000-4000-8000-00000000a100",
  small1: "MIG-00000000-0000-4000-8000-00000000a101",
  big: "MIG-00000000-0000-4000-8000-00000000a102",
  medium: "MIG-00000000-0000-4000-8000-00000000a103",
} as const;

function h100(index: number, peers: Record<string, number>): InventoryGpu {
  return {
    uuid: uuids.h100[index]!,
    index,
    model: "H100-SXM5-80GB",
    memoryMiB: 81_559,
    pciBusId: `00000000:${(0x18 + index).toString(16)}:00.0`,
    numaNode: index < 2 ? 0 : 1,
    nvlinkPeers: peers,
    health: "Healthy",
    use: { mode: "whole" },
  };
}

/** A node with every kind of slice: 4 whole H100s, A100 MIG (2x 1g.10gb + 3g.40gb), L4 in 4 shares, a VM GPU. */
export function exampleInventory(): NodeInventory {
  return {
    gpus: [
      h100(0, { [uuids.h100[1]]: 18 }),
      h100(1, { [uuids.h100[0]]: 18 }),
      h100(2, { [uuids.h100[3]]: 18 }),
      h100(3, { [uuids.h100[2]]: 18 }),
      {
        uuid: uuids.a100,
        index: 4,
        model: "A100-80GB",
        memoryMiB: 81_920,
        pciBusId: "00000000:3b:00.0",
        numaNode: 0,
        nvlinkPeers: {},
        health: "Healthy",
        use: {
          mode: "mig",
          instances: [
            {
              uuid: migUuids.small0,
              profile: "1g.10gb",
              gpuInstanceId: 9,
              computeInstanceId: 0,
              health: "Healthy",
            },
            {
              uuid: migUuids.small1,
              profile: "1g.10gb",
              gpuInstanceId: 10,
              computeInstanceId: 0,
              health: "Healthy",
            },
            {
              uuid: migUuids.big,
              profile: "3g.40gb",
              gpuInstanceId: 2,
              computeInstanceId: 0,
              health: "Healthy",
            },
          ],
        },
      },
      {
        uuid: uuids.l4,
        index: 5,
        model: "L4-24GB",
        memoryMiB: 23_034,
        pciBusId: "00000000:5e:00.0",
        numaNode: null,
        nvlinkPeers: {},
        health: "Healthy",
        use: {
          mode: "shared",
          replicas: 4,
          memoryMiBPerReplica: 5632,
          computePercentPerReplica: 25,
          maxReplicasPerContainer: 1,
        },
      },
      {
        uuid: uuids.vm,
        index: 6,
        model: "H100-SXM5-80GB",
        memoryMiB: 81_559,
        pciBusId: "00000000:65:00.0",
        numaNode: 1,
        nvlinkPeers: {},
        health: "Healthy",
        use: { mode: "vfio", iommuGroup: 42 },
      },
    ],
  };
}

/** Polls `check` until it holds (it may throw meanwhile), failing with its last error after `timeoutMs`. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw last;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
