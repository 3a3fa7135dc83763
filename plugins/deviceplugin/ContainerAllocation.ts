import { mpsClientEnvironment } from "../../node-agent/mps/MpsClientEnvironment.ts";
import type { ContainerAllocateResponse } from "../../proto/k8s/DevicePluginApi.ts";
import type { AdvertisedDevice, AdvertisedResource } from "./AdvertisedResources.ts";
import type { DevicePluginConfig } from "./DevicePluginConfig.ts";

/** A request the plugin cannot honour; `code` picks the gRPC status the kubelet sees. */
export class AllocationRefused extends Error {
  constructor(
    message: string,
    readonly code: "invalid-argument" | "failed-precondition",
  ) {
    super(message);
    this.name = "AllocationRefused";
  }
}

/** Container path of the MPS pipe directory; CUDA's default CUDA_MPS_PIPE_DIRECTORY. */
export const MPS_PIPE_CONTAINER_PATH = "/tmp/nvidia-mps";

/** KubeVirt's `ResourceNameToEnvVar("PCI_RESOURCE", name)`: upper-case, `/` and `.` become `_`. */
export function pciResourceEnvName(resourceName: string): string {
  return `PCI_RESOURCE_${resourceName.toUpperCase().replace(/[/.]/g, "_")}`;
}

function listSample(ids: string[], limit = 4): string {
  const shown = ids.slice(0, limit).join(", ");
  return ids.length > limit ? `${shown}, ... (${ids.length} in all)` : shown;
}

/** Looks up every requested ID; refuses unknown, repeated and unhealthy ones, naming each. */
function resolveDevices(resource: AdvertisedResource, deviceIds: string[]): AdvertisedDevice[] {
  if (deviceIds.length === 0) {
    throw new AllocationRefused(
      `Allocate for ${resource.name}: a container request with no device IDs`,
      "invalid-argument",
    );
  }
  const byId = new Map(resource.devices.map((d) => [d.id, d]));
  const unknown = deviceIds.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    const known = resource.devices.map((d) => d.id);
    throw new AllocationRefused(
      `Allocate for ${resource.name}: unknown device ID${unknown.length > 1 ? "s" : ""} ${listSample(unknown.map((id) => JSON.stringify(id)))}; ` +
        (known.length > 0
          ? `this node advertises ${known.length}: ${listSample(known)}`
          : "this node advertises none now (its layout changed)"),
      "invalid-argument",
    );
  }
  const repeated = deviceIds.filter((id, i) => deviceIds.indexOf(id) !== i);
  if (repeated.length > 0) {
    throw new AllocationRefused(
      `Allocate for ${resource.name}: device ID ${repeated[0]} is requested more than once`,
      "invalid-argument",
    );
  }
  const devices = deviceIds.map((id) => byId.get(id)!);
  const unhealthy = devices.filter((d) => d.health !== "Healthy").map((d) => d.id);
  if (unhealthy.length > 0) {
    throw new AllocationRefused(
      `Allocate for ${resource.name}: device ${listSample(unhealthy)} is unhealthy; the kubelet must pick healthy devices`,
      "failed-precondition",
    );
  }
  return devices;
}

function emptyResponse(): ContainerAllocateResponse {
  return { envs: {}, mounts: [], devices: [], annotations: {}, cdi_devices: [] };
}

/** Tells the runtime which GPUs (or MIG devices) to inject, the way the configured strategy says. */
function injectGpus(
  response: ContainerAllocateResponse,
  ids: string[],
  resourceName: string,
  config: DevicePluginConfig,
) {
  switch (config.deviceListStrategy) {
    case "envvar":
      response.envs.NVIDIA_VISIBLE_DEVICES = ids.join(",");
      return;
    case "cdi-cri":
      response.cdi_devices.push(...ids.map((id) => ({ name: `${config.cdiKind}=${id}` })));
      return;
    case "cdi-annotations": {
      const key = `cdi.k8s.io/tessera_${resourceName.replace(/[^A-Za-z0-9]+/g, "_")}`.slice(0, 74);
      response.annotations[key] = ids.map((id) => `${config.cdiKind}=${id}`).join(",");
      return;
    }
  }
}

function shareResponse(
  resource: AdvertisedResource,
  devices: AdvertisedDevice[],
  config: DevicePluginConfig,
): ContainerAllocateResponse {
  const gpus = [...new Set(devices.map((d) => d.gpu.uuid))];
  if (gpus.length > 1) {
    throw new AllocationRefused(
      `Allocate for ${resource.name}: replicas ${listSample(devices.map((d) => d.id))} come from ${gpus.length} GPUs; ` +
        "a container's shares must come from one GPU (one MPS control daemon per GPU). Request them from one GPU or ask for whole GPUs",
      "invalid-argument",
    );
  }
  const first = devices[0]!;
  if (first.kind !== "shared") throw new Error(`internal: ${first.id} is not a shared replica`);
  const share = first.share;
  if (devices.length > share.maxReplicasPerContainer) {
    throw new AllocationRefused(
      `Allocate for ${resource.name}: invalid request: maximum request size for shared resources on ${first.gpu.uuid} ` +
        `is ${share.maxReplicasPerContainer}; found ${devices.length}. Request at most ${share.maxReplicasPerContainer}`,
      "invalid-argument",
    );
  }
  const response = emptyResponse();
  injectGpus(response, [first.gpu.uuid], resource.name, config);
  const memoryMiB = share.memoryMiBPerReplica * devices.length;
  response.envs.TESSERA_SHARE_ISOLATION = config.shareIsolation;
  // Without MPS on the node the replicas are time-sliced: there is no daemon to mount, and no limit holds.
  if (config.shareIsolation === "time-sliced") return response;
  // The container sees only this GPU, so it is CUDA device 0 there; its daemon's pipe directory is mounted.
  Object.assign(
    response.envs,
    mpsClientEnvironment(
      { milli: Math.min(100, share.computePercentPerReplica * devices.length) * 10, memoryMiB },
      MPS_PIPE_CONTAINER_PATH,
    ),
  );
  response.mounts.push(
    {
      container_path: MPS_PIPE_CONTAINER_PATH,
      host_path: `${config.mpsRoot}/${first.gpu.uuid}/pipe`,
      read_only: false,
    },
    { container_path: "/dev/shm", host_path: `${config.mpsRoot}/shm`, read_only: false },
  );
  return response;
}

function vfioResponse(resource: AdvertisedResource, devices: AdvertisedDevice[]): ContainerAllocateResponse {
  const response = emptyResponse();
  const addresses: string[] = [];
  const groups = new Set<number>();
  for (const device of devices) {
    if (device.kind !== "vfio") throw new Error(`internal: ${device.id} is not a VFIO GPU`);
    addresses.push(device.pciAddress);
    groups.add(device.iommuGroup);
  }
  response.envs[pciResourceEnvName(resource.name)] = addresses.join(",");
  response.devices.push({
    container_path: "/dev/vfio/vfio",
    host_path: "/dev/vfio/vfio",
    permissions: "mrw",
  });
  for (const group of groups) {
    response.devices.push({
      container_path: `/dev/vfio/${group}`,
      host_path: `/dev/vfio/${group}`,
      permissions: "mrw",
    });
  }
  return response;
}

/** The one ContainerAllocateResponse for one container's request of `deviceIds` from `resource`. */
export function containerAllocation(
  resource: AdvertisedResource,
  deviceIds: string[],
  config: DevicePluginConfig,
): { response: ContainerAllocateResponse; devices: AdvertisedDevice[] } {
  const devices = resolveDevices(resource, deviceIds);
  switch (resource.kind) {
    case "gpu":
    case "mig": {
      const response = emptyResponse();
      injectGpus(
        response,
        devices.map((d) => d.id),
        resource.name,
        config,
      );
      return { response, devices };
    }
    case "shared":
      return { response: shareResponse(resource, devices, config), devices };
    case "vfio":
      return { response: vfioResponse(resource, devices), devices };
  }
}
