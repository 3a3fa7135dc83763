import { parsePciAddress } from "../../node-agent/vfio/PciAddress.ts";
import { extendedResourceNameProblem } from "./ExtendedResourceName.ts";
import { type ResourceNaming, replicaDeviceId } from "./ResourceNaming.ts";
import type { InventoryGpu, MigInstance, NodeInventory, SharedUse, SliceHealth } from "./SliceInventory.ts";

interface DeviceBase {
  /** Device.ID the kubelet sees. */
  id: string;
  health: SliceHealth;
  gpu: InventoryGpu;
}

/** One unit of an extended resource, with what Allocate needs to hand it to a container. */
export type AdvertisedDevice =
  | (DeviceBase & { kind: "gpu" })
  | (DeviceBase & { kind: "mig"; instance: MigInstance })
  | (DeviceBase & { kind: "shared"; share: SharedUse; replica: number })
  | (DeviceBase & { kind: "vfio"; iommuGroup: number; pciAddress: string });

export type DeviceKind = AdvertisedDevice["kind"];

export interface AdvertisedResource {
  name: string;
  kind: DeviceKind;
  devices: AdvertisedDevice[];
}

export interface ResourceLayout {
  resources: Map<string, AdvertisedResource>;
  /** Slices left out because they cannot be advertised, each saying why. */
  problems: string[];
}

/** The kubelet caps Device.ID at 63 characters (fact sheet §1.2). */
const MAX_DEVICE_ID_LENGTH = 63;
/** NVIDIA's plugin caps fully-qualified names at 63 characters; longer ones break its node labels. */
const MAX_RESOURCE_NAME_LENGTH = 63;

function worst(a: SliceHealth, b: SliceHealth): SliceHealth {
  return a === "Healthy" && b === "Healthy" ? "Healthy" : "Unhealthy";
}

function devicesOf(
  gpu: InventoryGpu,
  naming: ResourceNaming,
  problems: string[],
): [string, AdvertisedDevice][] {
  const use = gpu.use;
  const where = `GPU ${gpu.index} (${gpu.model}, ${gpu.uuid})`;
  switch (use.mode) {
    case "whole":
      return [[naming.wholeGpu(), { kind: "gpu", id: gpu.uuid, health: gpu.health, gpu }]];
    case "mig":
      return use.instances.map((instance) => [
        naming.mig(instance.profile),
        { kind: "mig", id: instance.uuid, health: worst(gpu.health, instance.health), gpu, instance },
      ]);
    case "shared": {
      if (!Number.isInteger(use.replicas) || use.replicas < 1) {
        problems.push(`${where}: shared with ${use.replicas} replicas; give a whole number of at least 1`);
        return [];
      }
      const name = naming.shared(use.memoryMiBPerReplica);
      return Array.from({ length: use.replicas }, (_, replica) => [
        name,
        {
          kind: "shared",
          id: replicaDeviceId(gpu.uuid, replica),
          health: gpu.health,
          gpu,
          share: use,
          replica,
        },
      ]);
    }
    case "vfio": {
      let pciAddress: string;
      try {
        // KubeVirt wants `DDDD:BB:SS.F`; NVML prints an 8-digit domain.
        pciAddress = parsePciAddress(gpu.pciBusId);
      } catch (error) {
        problems.push(`${where}: cannot hand it to a VM: ${(error as Error).message}`);
        return [];
      }
      return [
        [
          naming.vfio(gpu.model),
          { kind: "vfio", id: pciAddress, health: gpu.health, gpu, iommuGroup: use.iommuGroup, pciAddress },
        ],
      ];
    }
  }
}

/** Groups the node's slices into the extended resources to advertise, one plugin server per resource. */
export function resourceLayout(inventory: NodeInventory, naming: ResourceNaming): ResourceLayout {
  const resources = new Map<string, AdvertisedResource>();
  const problems: string[] = [];
  const seenIds = new Set<string>();
  for (const gpu of [...inventory.gpus].sort((a, b) => a.index - b.index)) {
    for (const [name, device] of devicesOf(gpu, naming, problems)) {
      const nameProblem = extendedResourceNameProblem(name);
      if (nameProblem !== null || name.length > MAX_RESOURCE_NAME_LENGTH) {
        problems.push(
          `resource name "${name}" for ${device.id} is not valid: ${nameProblem ?? `longer than ${MAX_RESOURCE_NAME_LENGTH} characters`}`,
        );
        continue;
      }
      if (device.id.length > MAX_DEVICE_ID_LENGTH) {
        problems.push(`device ID "${device.id}" is longer than ${MAX_DEVICE_ID_LENGTH} characters; left out`);
        continue;
      }
      if (seenIds.has(`${name}\n${device.id}`)) {
        problems.push(
          `device ID "${device.id}" of ${name} appears twice in the inventory; the second is left out`,
        );
        continue;
      }
      seenIds.add(`${name}\n${device.id}`);
      const resource = resources.get(name);
      if (!resource) {
        resources.set(name, { name, kind: device.kind, devices: [device] });
      } else if (resource.kind !== device.kind) {
        problems.push(
          `resource ${name} would mix ${resource.kind} and ${device.kind} devices; ${device.id} left out`,
        );
      } else {
        resource.devices.push(device);
      }
    }
  }
  return { resources, problems };
}
