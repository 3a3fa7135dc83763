import { describe, expect, it } from "vitest";
import { exampleInventory, uuids } from "../../test/deviceplugin-fixtures.ts";
import { resourceLayout } from "./AdvertisedResources.ts";
import { resourceNaming } from "./ResourceNaming.ts";

function summary(scheme: "nvidia" | "tessera") {
  const { resources, problems } = resourceLayout(exampleInventory(), resourceNaming(scheme));
  return { names: Object.fromEntries([...resources].map(([n, r]) => [n, r.devices.length])), problems };
}

describe("resource layout", () => {
  it("names slices the NVIDIA way", () => {
    expect(summary("nvidia")).toEqual({
      names: {
        "nvidia.com/gpu": 4,
        "nvidia.com/mig-1g.10gb": 2,
        "nvidia.com/mig-3g.40gb": 1,
        "nvidia.com/gpu.shared": 4,
        "nvidia.com/H100_SXM5_80GB": 1,
      },
      problems: [],
    });
  });

  it("names slices the Tessera way, shares by their memory", () => {
    expect(summary("tessera").names).toEqual({
      "tessera.io/gpu": 4,
      "tessera.io/mig-1g.10gb": 2,
      "tessera.io/mig-3g.40gb": 1,
      "tessera.io/shared-5gb": 4,
      "tessera.io/vm-h100-sxm5-80gb": 1,
    });
  });

  it("keeps per-GPU sharing settings: two shared GPUs with different shares", () => {
    const inventory = exampleInventory();
    inventory.gpus[0]!.use = {
      mode: "shared",
      replicas: 2,
      memoryMiBPerReplica: 40_000,
      computePercentPerReplica: 50,
      maxReplicasPerContainer: 2,
    };
    const { resources } = resourceLayout(inventory, resourceNaming("tessera"));
    expect(resources.get("tessera.io/shared-39gb")?.devices.map((d) => d.id)).toEqual([
      `${uuids.h100[0]}::0`,
      `${uuids.h100[0]}::1`,
    ]);
    expect(resources.get("tessera.io/shared-5gb")?.devices).toHaveLength(4);
    const nvidia = resourceLayout(inventory, resourceNaming("nvidia")).resources.get(
      "nvidia.com/gpu.shared",
    )!;
    expect(nvidia.devices).toHaveLength(6);
  });

  it("makes a MIG device unhealthy with its GPU, and prefixes + profiles the NVIDIA way", () => {
    const inventory = exampleInventory();
    const a100 = inventory.gpus[4]!;
    a100.health = "Unhealthy";
    if (a100.use.mode === "mig") a100.use.instances[0]!.profile = "1g.10gb+me";
    const { resources } = resourceLayout(inventory, resourceNaming("nvidia"));
    expect(resources.get("nvidia.com/mig-1g.10gb.me")?.devices[0]?.health).toBe("Unhealthy");
    expect(resources.get("nvidia.com/mig-1g.10gb")?.devices[0]?.health).toBe("Unhealthy");
  });

  it("leaves out what it cannot advertise and says why", () => {
    const inventory = exampleInventory();
    inventory.gpus[6]!.pciBusId = "pci-65";
    inventory.gpus[1]!.uuid = inventory.gpus[0]!.uuid;
    const { resources, problems } = resourceLayout(inventory, resourceNaming("nvidia"));
    expect(resources.has("nvidia.com/H100_SXM5_80GB")).toBe(false);
    expect(resources.get("nvidia.com/gpu")?.devices).toHaveLength(3);
    expect(problems).toEqual([
      expect.stringContaining("appears twice"),
      expect.stringContaining('cannot hand it to a VM: "pci-65" is not a PCI address'),
    ]);
  });
});
