import { describe, expect, it } from "vitest";
import { exampleInventory, migUuids, uuids } from "../../test/deviceplugin-fixtures.ts";
import { resourceLayout } from "./AdvertisedResources.ts";
import { AllocationRefused, containerAllocation, pciResourceEnvName } from "./ContainerAllocation.ts";
import { type DevicePluginConfig, defaultDevicePluginConfig } from "./DevicePluginConfig.ts";
import { resourceNaming } from "./ResourceNaming.ts";
import type { SharedUse } from "./SliceInventory.ts";

const resources = resourceLayout(exampleInventory(), resourceNaming("nvidia")).resources;
const resource = (name: string) => resources.get(name)!;
const config = (over: Partial<DevicePluginConfig> = {}) => ({ ...defaultDevicePluginConfig, ...over });

function refusal(run: () => unknown): AllocationRefused {
  try {
    run();
  } catch (error) {
    if (error instanceof AllocationRefused) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("Allocate responses", () => {
  it("passes CDI device names when configured, through the CRI field or annotations", () => {
    const cri = containerAllocation(
      resource("nvidia.com/mig-1g.10gb"),
      [migUuids.small1],
      config({ deviceListStrategy: "cdi-cri" }),
    );
    expect(cri.response.cdi_devices).toEqual([{ name: `nvidia.com/gpu=${migUuids.small1}` }]);
    expect(cri.response.envs).toEqual({});
    const annotated = containerAllocation(
      resource("nvidia.com/gpu"),
      [uuids.h100[0], uuids.h100[1]],
      config({ deviceListStrategy: "cdi-annotations", cdiKind: "example.com/gpu" }),
    );
    expect(annotated.response.annotations).toEqual({
      "cdi.k8s.io/tessera_nvidia_com_gpu": `example.com/gpu=${uuids.h100[0]},example.com/gpu=${uuids.h100[1]}`,
    });
    const share = containerAllocation(
      resource("nvidia.com/gpu.shared"),
      [`${uuids.l4}::2`],
      config({ deviceListStrategy: "cdi-cri" }),
    );
    expect(share.response.cdi_devices).toEqual([{ name: `nvidia.com/gpu=${uuids.l4}` }]);
    expect(share.response.envs.CUDA_MPS_PINNED_DEVICE_MEM_LIMIT).toBe("0=5632M");
  });

  it("says a time-sliced replica is one: no MPS daemon mounted, no limit set, TESSERA_SHARE_ISOLATION=time-sliced", () => {
    const { response } = containerAllocation(
      resource("nvidia.com/gpu.shared"),
      [`${uuids.l4}::1`],
      config({ shareIsolation: "time-sliced" }),
    );
    expect(response.envs).toEqual({
      NVIDIA_VISIBLE_DEVICES: uuids.l4,
      TESSERA_SHARE_ISOLATION: "time-sliced",
    });
    expect(response.mounts).toEqual([]);
  });

  it("gives a container several replicas of one GPU when its settings allow, with their limits summed", () => {
    const inventory = exampleInventory();
    const l4 = inventory.gpus[5]!;
    if (l4.use.mode === "shared") l4.use.maxReplicasPerContainer = 3;
    const shared = resourceLayout(inventory, resourceNaming("nvidia")).resources.get(
      "nvidia.com/gpu.shared",
    )!;
    const { response } = containerAllocation(shared, [`${uuids.l4}::0`, `${uuids.l4}::3`], config());
    expect(response.envs).toMatchObject({
      NVIDIA_VISIBLE_DEVICES: uuids.l4,
      CUDA_MPS_PINNED_DEVICE_MEM_LIMIT: "0=11264M",
      CUDA_MPS_ACTIVE_THREAD_PERCENTAGE: "50",
    });
    expect(
      refusal(() =>
        containerAllocation(
          shared,
          [0, 1, 2, 3].map((n) => `${uuids.l4}::${n}`),
          config(),
        ),
      ).message,
    ).toContain("is 3; found 4");
  });

  it("refuses replicas of two GPUs in one container", () => {
    const inventory = exampleInventory();
    inventory.gpus[0]!.use = { ...(inventory.gpus[5]!.use as SharedUse), maxReplicasPerContainer: 4 };
    const shared = resourceLayout(inventory, resourceNaming("nvidia")).resources.get(
      "nvidia.com/gpu.shared",
    )!;
    const error = refusal(() =>
      containerAllocation(shared, [`${uuids.h100[0]}::0`, `${uuids.l4}::0`], config()),
    );
    expect(error.code).toBe("invalid-argument");
    expect(error.message).toContain("must come from one GPU");
  });

  it("names KubeVirt's PCI_RESOURCE variable from the resource name", () => {
    expect(pciResourceEnvName("nvidia.com/GH100_H100_SXM5_80GB")).toBe(
      "PCI_RESOURCE_NVIDIA_COM_GH100_H100_SXM5_80GB",
    );
    expect(pciResourceEnvName("tessera.io/vm-h100-sxm5-80gb")).toBe(
      "PCI_RESOURCE_TESSERA_IO_VM-H100-SXM5-80GB",
    );
  });

  it("refuses empty, unknown and unhealthy requests with what to fix", () => {
    expect(refusal(() => containerAllocation(resource("nvidia.com/gpu"), [], config())).message).toContain(
      "no device IDs",
    );
    const unknown = refusal(() => containerAllocation(resource("nvidia.com/gpu"), ["a", "b"], config()));
    expect(unknown.message).toMatch(/unknown device IDs "a", "b"; this node advertises 4: GPU-/);
    const inventory = exampleInventory();
    inventory.gpus[2]!.health = "Unhealthy";
    const gpus = resourceLayout(inventory, resourceNaming("nvidia")).resources.get("nvidia.com/gpu")!;
    const unhealthy = refusal(() => containerAllocation(gpus, [uuids.h100[2]], config()));
    expect(unhealthy.code).toBe("failed-precondition");
  });
});
