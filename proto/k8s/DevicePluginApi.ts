import type { MethodDefinition, ServiceDefinition } from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";
import { tolerant } from "../MalformedRequest.ts";
import { sourceTreePath } from "../SourceTree.ts";

// Shared with the Tessera services; the plugin and the fake kubelet take it from here with the messages.
export { MalformedRequest } from "../MalformedRequest.ts";

/**
 * TypeScript shapes of the kubelet Device Plugin API v1beta1 messages (`v1beta1/deviceplugin.proto`), as
 * proto-loader decodes them with `keepCase` and `defaults`: proto field names verbatim (`ID`, `deviceIDs`),
 * absent scalars as their zero value, absent messages as null. DevicePluginApi.test.ts round-trips every
 * message through protobuf to keep these in step with the .proto.
 */
export type Empty = Record<string, never>;

export interface DevicePluginOptions {
  pre_start_required: boolean;
  get_preferred_allocation_available: boolean;
}

export interface RegisterRequest {
  version: string;
  endpoint: string;
  resource_name: string;
  options: DevicePluginOptions | null;
}

export interface NUMANode {
  ID: number;
}

export interface TopologyInfo {
  nodes: NUMANode[];
}

export interface Device {
  ID: string;
  health: string;
  topology: TopologyInfo | null;
}

export interface ListAndWatchResponse {
  devices: Device[];
}

export interface PreStartContainerRequest {
  devices_ids: string[];
}

export type PreStartContainerResponse = Record<string, never>;

export interface ContainerPreferredAllocationRequest {
  available_deviceIDs: string[];
  must_include_deviceIDs: string[];
  allocation_size: number;
}

export interface PreferredAllocationRequest {
  container_requests: ContainerPreferredAllocationRequest[];
}

export interface ContainerPreferredAllocationResponse {
  deviceIDs: string[];
}

export interface PreferredAllocationResponse {
  container_responses: ContainerPreferredAllocationResponse[];
}

export interface ContainerAllocateRequest {
  devices_ids: string[];
}

export interface AllocateRequest {
  container_requests: ContainerAllocateRequest[];
}

export interface Mount {
  container_path: string;
  host_path: string;
  read_only: boolean;
}

export interface DeviceSpec {
  container_path: string;
  host_path: string;
  permissions: string;
}

export interface CDIDevice {
  name: string;
}

export interface ContainerAllocateResponse {
  envs: Record<string, string>;
  mounts: Mount[];
  devices: DeviceSpec[];
  annotations: Record<string, string>;
  cdi_devices: CDIDevice[];
}

export interface AllocateResponse {
  container_responses: ContainerAllocateResponse[];
}

type Method<Req, Res> = MethodDefinition<Req, Res>;

export interface DevicePluginServiceDefinition extends ServiceDefinition {
  GetDevicePluginOptions: Method<Empty, DevicePluginOptions>;
  ListAndWatch: Method<Empty, ListAndWatchResponse>;
  GetPreferredAllocation: Method<PreferredAllocationRequest, PreferredAllocationResponse>;
  Allocate: Method<AllocateRequest, AllocateResponse>;
  PreStartContainer: Method<PreStartContainerRequest, PreStartContainerResponse>;
}

export interface RegistrationServiceDefinition extends ServiceDefinition {
  Register: Method<RegisterRequest, Empty>;
}

const DEVICE_PLUGIN_PROTO_PATH = sourceTreePath("proto", "k8s", "v1beta1", "deviceplugin.proto");

const packageDefinition = loadSync(DEVICE_PLUGIN_PROTO_PATH, {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
});

function service<S extends ServiceDefinition>(name: string): S {
  const definition = packageDefinition[`v1beta1.${name}`];
  if (!definition || !("Register" in definition || "Allocate" in definition)) {
    throw new Error(`${DEVICE_PLUGIN_PROTO_PATH} does not define service v1beta1.${name}`);
  }
  return definition as unknown as S;
}

/** Method definitions for clients (the kubelet side calls DevicePlugin, the plugin side calls Registration). */
export const devicePluginService = service<DevicePluginServiceDefinition>("DevicePlugin");
export const registrationService = service<RegistrationServiceDefinition>("Registration");

/** Method definitions for servers: a request that fails to decode reaches the handler as MalformedRequest. */
export const devicePluginServerService = tolerant(devicePluginService);
export const registrationServerService = tolerant(registrationService);
