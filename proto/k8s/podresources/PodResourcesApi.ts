import { join } from "node:path";
import type { MethodDefinition, ServiceDefinition } from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";
import { sourceTreePath } from "../../SourceTree.ts";

/**
 * TypeScript shapes of the kubelet pod-resources API v1 messages Tessera reads (`v1/api.proto`), decoded with
 * `keepCase` and `defaults` like the Device Plugin API: proto field names verbatim, absent lists empty.
 */
export type ListPodResourcesRequest = Record<string, never>;

export interface ContainerDevices {
  resource_name: string;
  device_ids: string[];
}

export interface ContainerResources {
  name: string;
  devices: ContainerDevices[];
  cpu_ids: number[];
}

export interface PodResources {
  name: string;
  namespace: string;
  containers: ContainerResources[];
}

export interface ListPodResourcesResponse {
  pod_resources: PodResources[];
}

export const POD_RESOURCES_SOCKET_NAME = "kubelet.sock";

/** The kubelet serves pod-resources in `<kubelet root>/pod-resources`, beside its `device-plugins` directory. */
export function podResourcesSocketPath(devicePluginDir: string): string {
  return join(devicePluginDir, "..", "pod-resources", POD_RESOURCES_SOCKET_NAME);
}

export interface PodResourcesListerServiceDefinition extends ServiceDefinition {
  List: MethodDefinition<ListPodResourcesRequest, ListPodResourcesResponse>;
}

const POD_RESOURCES_PROTO_PATH = sourceTreePath("proto", "k8s", "podresources", "v1", "api.proto");

const packageDefinition = loadSync(POD_RESOURCES_PROTO_PATH, {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
});

function listerService(): PodResourcesListerServiceDefinition {
  const definition = packageDefinition["v1.PodResourcesLister"];
  if (!definition || !("List" in definition)) {
    throw new Error(`${POD_RESOURCES_PROTO_PATH} does not define service v1.PodResourcesLister`);
  }
  return definition as unknown as PodResourcesListerServiceDefinition;
}

/** Method definitions for the kubelet side (the fake kubelet serves it) and for the agent, which calls List. */
export const podResourcesListerService = listerService();
