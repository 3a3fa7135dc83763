import { statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import {
  type AllocateRequest,
  type AllocateResponse,
  type ContainerAllocateResponse,
  type DevicePluginOptions,
  devicePluginServerService,
  type Empty,
  type ListAndWatchResponse,
  MalformedRequest,
  type PreferredAllocationRequest,
  type PreferredAllocationResponse,
  type PreStartContainerRequest,
  type PreStartContainerResponse,
  registrationService,
} from "../../proto/k8s/DevicePluginApi.ts";
import { API_VERSION, KUBELET_SOCKET_NAME } from "../../proto/k8s/DevicePluginConstants.ts";
import type { AdvertisedResource } from "./AdvertisedResources.ts";
import type { AllocationSink } from "./AllocationSink.ts";
import { AllocationRefused, containerAllocation } from "./ContainerAllocation.ts";
import type { DevicePluginConfig } from "./DevicePluginConfig.ts";
import type { PluginLog } from "./PluginLog.ts";
import { preferredAllocation } from "./PreferredAllocation.ts";

/** Same values in RegisterRequest.options and GetDevicePluginOptions: kubelets of either age read one of them. */
const OPTIONS: DevicePluginOptions = { pre_start_required: false, get_preferred_allocation_available: true };

const REGISTER_TIMEOUT_MS = 10_000;

/** inode + ctime: tells a re-created file from the one we saw, even when the inode number is reused. */
export function fileIdentity(path: string): string | null {
  try {
    const stat = statSync(path);
    return `${stat.ino}:${stat.ctimeMs}`;
  } catch {
    return null;
  }
}

/** `nvidia.com/mig-1g.10gb` -> `tessera-nvidia.com_mig-1g.10gb.sock`, in the kubelet's directory. */
export function pluginSocketName(resourceName: string): string {
  return `tessera-${resourceName.replace(/[^A-Za-z0-9_.-]/g, "_")}.sock`;
}

function statusError(code: grpc.status, details: string): grpc.ServerErrorResponse {
  return Object.assign(new Error(details), { code, details });
}

function refusal(error: unknown, resource: string): grpc.ServerErrorResponse {
  if (error instanceof AllocationRefused) {
    const code =
      error.code === "invalid-argument" ? grpc.status.INVALID_ARGUMENT : grpc.status.FAILED_PRECONDITION;
    return statusError(code, error.message);
  }
  return statusError(
    grpc.status.INTERNAL,
    `${resource}: ${error instanceof Error ? error.message : String(error)}`,
  );
}

function malformed(request: MalformedRequest, resource: string): grpc.ServerErrorResponse {
  return statusError(
    grpc.status.INVALID_ARGUMENT,
    `${resource}: malformed ${request.messageType}: ${request.reason}; send a v1beta1.${request.messageType}`,
  );
}

/**
 * One kubelet device plugin: serves v1beta1.DevicePlugin for one extended resource on its own unix socket and
 * registers it with the kubelet. The device list is replaced whole by `update`; every change goes out to every
 * open ListAndWatch stream as the full list.
 */
export class ResourcePluginServer {
  private resource: AdvertisedResource;
  private server: grpc.Server | null = null;
  private readonly streams = new Set<
    grpc.ServerWritableStream<Empty | MalformedRequest, ListAndWatchResponse>
  >();
  private boundIdentity: string | null = null;
  /** Identity of the kubelet.sock this plugin last registered with (or tried to). */
  private registeredWith: string | null = null;
  /** When a failed registration may be tried again. */
  private retryAt = 0;
  lastError: string | null = null;

  constructor(
    resource: AdvertisedResource,
    private readonly config: DevicePluginConfig,
    private readonly log: PluginLog,
    private readonly sink: AllocationSink | null,
    private readonly rejectedRetryMs = 30_000,
  ) {
    this.resource = resource;
  }

  get name(): string {
    return this.resource.name;
  }

  get socketPath(): string {
    return join(this.config.kubeletDir, pluginSocketName(this.resource.name));
  }

  get devices(): AdvertisedResource["devices"] {
    return this.resource.devices;
  }

  get serving(): boolean {
    return this.server !== null;
  }

  /** False once the socket file is gone or replaced, e.g. deleted by a restarting kubelet. */
  socketIntact(): boolean {
    return this.boundIdentity !== null && fileIdentity(this.socketPath) === this.boundIdentity;
  }

  listAndWatchMessage(): ListAndWatchResponse {
    return {
      devices: this.resource.devices.map((d) => ({
        ID: d.id,
        health: d.health,
        topology: d.gpu.numaNode === null ? null : { nodes: [{ ID: d.gpu.numaNode }] },
      })),
    };
  }

  async start(): Promise<void> {
    if (this.server) return;
    // A socket left by an earlier run would make bind fail with EADDRINUSE.
    this.unlinkSocket();
    const server = new grpc.Server();
    server.addService(devicePluginServerService, {
      GetDevicePluginOptions: this.getOptions,
      ListAndWatch: this.listAndWatch,
      GetPreferredAllocation: this.getPreferredAllocation,
      Allocate: this.allocate,
      PreStartContainer: this.preStartContainer,
    });
    await new Promise<void>((resolve, reject) => {
      server.bindAsync(`unix:${this.socketPath}`, grpc.ServerCredentials.createInsecure(), (error) =>
        error
          ? reject(new Error(`${this.name}: cannot listen on ${this.socketPath}: ${error.message}`))
          : resolve(),
      );
    });
    this.server = server;
    this.boundIdentity = fileIdentity(this.socketPath);
    this.registeredWith = null;
  }

  /** Whether Register must be called for the kubelet whose socket has this identity. */
  needsRegistration(kubeletIdentity: string, now: number): boolean {
    if (!this.serving) return false;
    return this.registeredWith !== kubeletIdentity || (this.lastError !== null && now >= this.retryAt);
  }

  /** Registered with the kubelet whose socket has this identity, and it said yes. */
  registeredWithKubelet(kubeletIdentity: string): boolean {
    return this.registeredWith === kubeletIdentity && this.lastError === null;
  }

  /** Calls Register on kubelet.sock; the kubelet dials back and calls GetDevicePluginOptions before answering. */
  async register(kubeletIdentity: string): Promise<void> {
    const kubeletSocket = join(this.config.kubeletDir, KUBELET_SOCKET_NAME);
    const client = new grpc.Client(`unix:${kubeletSocket}`, grpc.credentials.createInsecure());
    const method = registrationService.Register;
    try {
      await new Promise<void>((resolve, reject) => {
        client.makeUnaryRequest(
          method.path,
          method.requestSerialize,
          method.responseDeserialize,
          {
            version: API_VERSION,
            endpoint: pluginSocketName(this.name),
            resource_name: this.name,
            options: OPTIONS,
          },
          { deadline: Date.now() + REGISTER_TIMEOUT_MS },
          (error) => (error ? reject(error) : resolve()),
        );
      });
      this.registeredWith = kubeletIdentity;
      this.lastError = null;
      this.log.info(`${this.name}: registered with the kubelet (${this.resource.devices.length} devices)`);
    } catch (error) {
      const e = error as grpc.ServiceError;
      this.lastError = `Register with ${kubeletSocket} failed: ${e.details || e.message}`;
      this.registeredWith = kubeletIdentity;
      // A kubelet that is not answering yet is tried at the next resync; one that answered no (bad name, or it
      // could not dial back) is asked again only after a while, or at once when a new kubelet starts.
      const answered = e.code !== grpc.status.UNAVAILABLE && e.code !== grpc.status.DEADLINE_EXCEEDED;
      this.retryAt = Date.now() + (answered ? this.rejectedRetryMs : 0);
      this.log.error(`${this.name}: ${this.lastError}`);
    } finally {
      client.close();
    }
  }

  /** Replaces the device list; sends the full list to every watcher when it differs from the last one. */
  update(resource: AdvertisedResource): void {
    const before = JSON.stringify(this.listAndWatchMessage());
    this.resource = resource;
    const message = this.listAndWatchMessage();
    if (JSON.stringify(message) === before) return;
    for (const stream of this.streams) stream.write(message);
  }

  /**
   * Stops serving and removes the socket. `announceEmpty` first sends an empty list, so a resource that left
   * the layout drops to zero at once instead of lingering as unhealthy devices.
   */
  async stop(announceEmpty: boolean): Promise<void> {
    if (announceEmpty) {
      for (const stream of this.streams) stream.write({ devices: [] });
    }
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    const server = this.server;
    this.server = null;
    if (server) {
      // The kubelet keeps its connection open, so a graceful shutdown ends only by force; give calls in flight a moment.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 250);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (this.socketIntact()) this.unlinkSocket();
    this.boundIdentity = null;
  }

  private unlinkSocket(): void {
    try {
      unlinkSync(this.socketPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }

  private readonly getOptions: grpc.handleUnaryCall<Empty | MalformedRequest, DevicePluginOptions> = (
    _call,
    done,
  ) => done(null, OPTIONS);

  private readonly listAndWatch: grpc.handleServerStreamingCall<
    Empty | MalformedRequest,
    ListAndWatchResponse
  > = (call) => {
    if (call.request instanceof MalformedRequest) {
      call.emit("error", malformed(call.request, this.name));
      return;
    }
    this.streams.add(call);
    const forget = () => this.streams.delete(call);
    call.on("cancelled", forget);
    call.on("close", forget);
    call.on("error", forget);
    call.write(this.listAndWatchMessage());
  };

  private readonly getPreferredAllocation: grpc.handleUnaryCall<
    PreferredAllocationRequest | MalformedRequest,
    PreferredAllocationResponse
  > = (call, done) => {
    const request = call.request;
    if (request instanceof MalformedRequest) return done(malformed(request, this.name));
    try {
      const container_responses = request.container_requests.map((r) => ({
        deviceIDs: preferredAllocation(
          this.resource,
          r.available_deviceIDs,
          r.must_include_deviceIDs,
          r.allocation_size,
        ),
      }));
      done(null, { container_responses });
    } catch (error) {
      done(refusal(error, this.name));
    }
  };

  private readonly allocate: grpc.handleUnaryCall<AllocateRequest | MalformedRequest, AllocateResponse> = (
    call,
    done,
  ) => {
    const request = call.request;
    if (request instanceof MalformedRequest) return done(malformed(request, this.name));
    if (request.container_requests.length === 0) {
      return done(
        statusError(
          grpc.status.INVALID_ARGUMENT,
          `Allocate for ${this.name}: no container_requests; send one ContainerAllocateRequest per container`,
        ),
      );
    }
    try {
      const results = request.container_requests.map((r) =>
        containerAllocation(this.resource, r.devices_ids, this.config),
      );
      const container_responses: ContainerAllocateResponse[] = results.map((r) => r.response);
      for (const { devices } of results) {
        this.sink?.reportAllocation({
          resourceName: this.name,
          kind: this.resource.kind,
          deviceIds: devices.map((d) => d.id),
          gpuUuids: [...new Set(devices.map((d) => d.gpu.uuid))],
          at: new Date(),
        });
      }
      done(null, { container_responses });
    } catch (error) {
      this.log.warn(
        `${this.name}: refused Allocate: ${error instanceof Error ? error.message : String(error)}`,
      );
      done(refusal(error, this.name));
    }
  };

  private readonly preStartContainer: grpc.handleUnaryCall<
    PreStartContainerRequest | MalformedRequest,
    PreStartContainerResponse
  > = (_call, done) => done(null, {});
}
