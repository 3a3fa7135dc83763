import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { extendedResourceNameProblem } from "../../plugins/deviceplugin/ExtendedResourceName.ts";
import {
  type AllocateResponse,
  type Device,
  type DevicePluginOptions,
  devicePluginService,
  type Empty,
  type ListAndWatchResponse,
  MalformedRequest,
  type RegisterRequest,
  registrationServerService,
} from "../../proto/k8s/DevicePluginApi.ts";
import {
  API_VERSION,
  KUBELET_CHECKPOINT_NAME,
  KUBELET_SOCKET_NAME,
} from "../../proto/k8s/DevicePluginConstants.ts";
import {
  type ListPodResourcesRequest,
  type ListPodResourcesResponse,
  podResourcesListerService,
  podResourcesSocketPath,
} from "../../proto/k8s/podresources/PodResourcesApi.ts";

/** One registered plugin as the kubelet's device manager tracks it. */
interface Endpoint {
  resourceName: string;
  socket: string;
  client: grpc.Client;
  options: DevicePluginOptions;
  devices: Device[];
  updates: ListAndWatchResponse[];
  stream: grpc.ClientReadableStream<ListAndWatchResponse>;
  /** When its ListAndWatch stream broke (plugin gone); null while connected. */
  stoppedAt: number | null;
}

export interface FakeKubeletOptions {
  /** The real kubelet drops a disconnected resource after 5 minutes; tests shorten it. */
  gracePeriodMs?: number;
  /** The kubelet waits 10 s for a plugin socket to answer when dialing it back. */
  dialTimeoutMs?: number;
  /** Also serve pod-resources `List` on `<dir>/../pod-resources/kubelet.sock`, as a real kubelet does. */
  podResources?: boolean;
}

/** A running container that got devices through `allocate`, as pod-resources List reports it. */
interface RunningContainer {
  pod: string;
  namespace: string;
  container: string;
  resourceName: string;
  deviceIds: string[];
}

function unary<Req, Res>(
  client: grpc.Client,
  method: grpc.MethodDefinition<Req, Res>,
  request: Req,
  timeoutMs = 10_000,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(
      method.path,
      method.requestSerialize,
      method.responseDeserialize,
      request,
      { deadline: Date.now() + timeoutMs },
      (error, response) => (error ? reject(error) : resolve(response as Res)),
    );
  });
}

/**
 * A kubelet device manager in miniature, after the fact sheet's checklist: serves Registration on kubelet.sock,
 * validates Register like the kubelet (same error texts), dials the plugin and asks its options before
 * answering, then keeps a ListAndWatch stream per resource and treats every message as the full list. It
 * allocates like the kubelet: candidates, GetPreferredAllocation when offered, then Allocate with one container
 * request. `restart()` deletes the plugin sockets and re-creates kubelet.sock as a restarting kubelet does.
 * With `podResources`, each `allocate` starts a one-container pod that pod-resources List reports until
 * `endContainer` (or `release`) ends it.
 */
export class FakeKubelet {
  private server: grpc.Server | null = null;
  private podResourcesServer: grpc.Server | null = null;
  /** Running containers by pod name; they outlive a kubelet restart, as real containers do. */
  private readonly containers = new Map<string, RunningContainer>();
  private podCount = 0;
  /** Answers of pod-resources List so far. */
  podResourcesLists = 0;
  private readonly endpoints = new Map<string, Endpoint>();
  /** Resource names from the "checkpoint": known across restarts, at zero capacity until re-registered. */
  private readonly checkpointed = new Set<string>();
  private readonly allocated = new Map<string, Set<string>>();
  readonly registrations: RegisterRequest[] = [];
  /** Registrations still to refuse, as a kubelet that cannot dial the plugin back would. */
  refuseRegistrations = 0;
  private readonly gracePeriodMs: number;
  private readonly dialTimeoutMs: number;
  private readonly servesPodResources: boolean;

  constructor(
    readonly dir: string,
    options: FakeKubeletOptions = {},
  ) {
    this.gracePeriodMs = options.gracePeriodMs ?? 5 * 60_000;
    this.dialTimeoutMs = options.dialTimeoutMs ?? 10_000;
    this.servesPodResources = options.podResources ?? false;
  }

  get podResourcesSocketPath(): string {
    return podResourcesSocketPath(this.dir);
  }

  get socketPath(): string {
    return join(this.dir, KUBELET_SOCKET_NAME);
  }

  async start(): Promise<void> {
    mkdirSync(this.dir, { recursive: true, mode: 0o750 });
    // A starting kubelet removes every socket in the directory except its checkpoint.
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      // A plugin may remove or re-create its socket meanwhile; the kubelet logs that and goes on.
      if (name !== KUBELET_CHECKPOINT_NAME && statSync(path, { throwIfNoEntry: false })?.isSocket()) {
        rmSync(path, { force: true });
      }
    }
    const server = new grpc.Server();
    server.addService(registrationServerService, {
      Register: (
        call: grpc.ServerUnaryCall<RegisterRequest | MalformedRequest, Empty>,
        done: grpc.sendUnaryData<Empty>,
      ) => {
        this.register(call.request).then(
          () => done(null, {}),
          (error: Error) => done(Object.assign(error, { code: grpc.status.UNKNOWN, details: error.message })),
        );
      },
    });
    await new Promise<void>((resolve, reject) =>
      server.bindAsync(`unix:${this.socketPath}`, grpc.ServerCredentials.createInsecure(), (error) =>
        error ? reject(error) : resolve(),
      ),
    );
    this.server = server;
    if (this.servesPodResources) await this.startPodResources();
  }

  private async startPodResources(): Promise<void> {
    const socket = this.podResourcesSocketPath;
    mkdirSync(dirname(socket), { recursive: true, mode: 0o750 });
    rmSync(socket, { force: true });
    const server = new grpc.Server();
    server.addService(podResourcesListerService, {
      List: (
        _call: grpc.ServerUnaryCall<ListPodResourcesRequest, ListPodResourcesResponse>,
        done: grpc.sendUnaryData<ListPodResourcesResponse>,
      ) => {
        this.podResourcesLists++;
        done(null, {
          pod_resources: [...this.containers.values()].map((c) => ({
            name: c.pod,
            namespace: c.namespace,
            containers: [
              {
                name: c.container,
                devices: [{ resource_name: c.resourceName, device_ids: c.deviceIds }],
                cpu_ids: [],
              },
            ],
          })),
        });
      },
    });
    await new Promise<void>((resolve, reject) =>
      server.bindAsync(`unix:${socket}`, grpc.ServerCredentials.createInsecure(), (error) =>
        error ? reject(error) : resolve(),
      ),
    );
    this.podResourcesServer = server;
  }

  private async register(request: RegisterRequest | MalformedRequest): Promise<void> {
    if (request instanceof MalformedRequest) throw new Error(`malformed RegisterRequest: ${request.reason}`);
    this.registrations.push(request);
    if (request.version !== API_VERSION) {
      throw new Error(
        `requested API version "${request.version}" is not supported by kubelet. Supported version is "[${API_VERSION}]"`,
      );
    }
    if (extendedResourceNameProblem(request.resource_name) !== null) {
      throw new Error(`the ResourceName "${request.resource_name}" is invalid`);
    }
    if (this.refuseRegistrations > 0) {
      this.refuseRegistrations--;
      throw new Error("failed to dial device plugin: context deadline exceeded");
    }
    const socket = join(this.dir, request.endpoint);
    const client = new grpc.Client(`unix:${socket}`, grpc.credentials.createInsecure(), {
      "grpc.default_authority": "localhost",
    });
    try {
      await new Promise<void>((resolve, reject) =>
        client.waitForReady(Date.now() + this.dialTimeoutMs, (error) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      client.close();
      throw new Error(`failed to dial device plugin: ${(error as Error).message}`);
    }
    let options: DevicePluginOptions;
    try {
      options = await unary(client, devicePluginService.GetDevicePluginOptions, {});
    } catch (error) {
      client.close();
      throw new Error(`failed to get device plugin options: ${(error as Error).message}`);
    }
    // A later registration under the same name replaces the endpoint.
    this.closeEndpoint(request.resource_name);
    const endpoint: Endpoint = {
      resourceName: request.resource_name,
      socket,
      client,
      options,
      devices: [],
      updates: [],
      stoppedAt: null,
      stream: client.makeServerStreamRequest(
        devicePluginService.ListAndWatch.path,
        devicePluginService.ListAndWatch.requestSerialize,
        devicePluginService.ListAndWatch.responseDeserialize,
        {},
      ),
    };
    this.endpoints.set(request.resource_name, endpoint);
    this.checkpointed.add(request.resource_name);
    endpoint.stream.on("data", (message: ListAndWatchResponse) => {
      endpoint.devices = message.devices;
      endpoint.updates.push(message);
    });
    const disconnected = () => {
      if (this.endpoints.get(endpoint.resourceName) !== endpoint || endpoint.stoppedAt !== null) return;
      // PluginDisconnected: every device becomes unhealthy; capacity stays until the grace period ends.
      endpoint.stoppedAt = Date.now();
      endpoint.devices = endpoint.devices.map((d) => ({ ...d, health: "Unhealthy" }));
    };
    endpoint.stream.on("error", disconnected);
    endpoint.stream.on("end", disconnected);
  }

  private closeEndpoint(resourceName: string): void {
    const old = this.endpoints.get(resourceName);
    if (!old) return;
    this.endpoints.delete(resourceName);
    old.stream.cancel();
    old.client.close();
  }

  private live(resourceName: string): Endpoint | undefined {
    const endpoint = this.endpoints.get(resourceName);
    if (endpoint?.stoppedAt != null && Date.now() - endpoint.stoppedAt > this.gracePeriodMs) {
      this.closeEndpoint(resourceName);
      this.checkpointed.delete(resourceName);
      return undefined;
    }
    return endpoint;
  }

  /** Resource names the node would report (registered, or in the checkpoint at capacity 0). */
  resources(): string[] {
    for (const name of [...this.endpoints.keys()]) this.live(name);
    return [...this.checkpointed].sort();
  }

  capacity(resourceName: string): number {
    return this.live(resourceName)?.devices.length ?? 0;
  }

  allocatable(resourceName: string): number {
    return this.live(resourceName)?.devices.filter((d) => d.health === "Healthy").length ?? 0;
  }

  devices(resourceName: string): Device[] {
    return this.live(resourceName)?.devices ?? [];
  }

  updates(resourceName: string): ListAndWatchResponse[] {
    return this.endpoints.get(resourceName)?.updates ?? [];
  }

  options(resourceName: string): DevicePluginOptions | undefined {
    return this.endpoints.get(resourceName)?.options;
  }

  connected(resourceName: string): boolean {
    const endpoint = this.live(resourceName);
    return endpoint !== undefined && endpoint.stoppedAt === null;
  }

  private endpointFor(resourceName: string): Endpoint {
    const endpoint = this.live(resourceName);
    if (!endpoint) throw new Error(`cannot allocate unregistered device ${resourceName}`);
    if (endpoint.stoppedAt !== null) throw new Error(`endpoint ${endpoint.socket} has been stopped`);
    return endpoint;
  }

  /**
   * Admits a container asking for `count` units: picks healthy free devices, asks the plugin's preference when
   * it offers one (using only what is among the candidates, filled up in order), then calls Allocate.
   */
  async allocate(
    resourceName: string,
    count: number,
  ): Promise<{ pod: string; deviceIds: string[]; response: AllocateResponse }> {
    const endpoint = this.endpointFor(resourceName);
    const taken = this.allocated.get(resourceName) ?? new Set<string>();
    const healthy = endpoint.devices.filter((d) => d.health === "Healthy");
    if (healthy.length === 0 && endpoint.devices.length > 0) {
      throw new Error(`no healthy devices present; cannot allocate unhealthy devices ${resourceName}`);
    }
    const candidates = healthy.map((d) => d.ID).filter((id) => !taken.has(id));
    if (candidates.length < count) {
      throw new Error(
        `requested number of devices unavailable for ${resourceName}. Requested: ${count}, Available: ${candidates.length}`,
      );
    }
    let chosen = candidates.slice(0, count);
    if (endpoint.options.get_preferred_allocation_available) {
      const preferred = await unary(endpoint.client, devicePluginService.GetPreferredAllocation, {
        container_requests: [
          { available_deviceIDs: candidates, must_include_deviceIDs: [], allocation_size: count },
        ],
      });
      const picks = (preferred.container_responses[0]?.deviceIDs ?? []).filter((id) =>
        candidates.includes(id),
      );
      chosen = [...new Set(picks)].slice(0, count);
      for (const id of candidates) if (chosen.length < count && !chosen.includes(id)) chosen.push(id);
    }
    const response = await this.allocateIds(resourceName, chosen);
    for (const id of chosen) taken.add(id);
    this.allocated.set(resourceName, taken);
    // The kubelet records the container's devices once Allocate has succeeded; the container then runs.
    const pod = `pod-${++this.podCount}`;
    this.containers.set(pod, {
      pod,
      namespace: "default",
      container: "main",
      resourceName,
      deviceIds: chosen,
    });
    return { pod, deviceIds: chosen, response };
  }

  /** Allocate with exactly these IDs, as the kubelet does after choosing (no checks of its own). */
  async allocateIds(resourceName: string, deviceIds: string[]): Promise<AllocateResponse> {
    const endpoint = this.endpointFor(resourceName);
    const response = await unary(endpoint.client, devicePluginService.Allocate, {
      container_requests: [{ devices_ids: deviceIds }],
    });
    if (response.container_responses.length === 0) {
      throw new Error(`plugin for ${resourceName} returned no container_responses`);
    }
    return response;
  }

  /** Sends raw bytes as a request body, to test what the plugin does with garbage. */
  rawCall(
    resourceName: string,
    method: "Allocate" | "GetPreferredAllocation",
    body: Buffer,
  ): Promise<Buffer> {
    const endpoint = this.endpointFor(resourceName);
    const definition = devicePluginService[method];
    return new Promise((resolve, reject) => {
      endpoint.client.makeUnaryRequest(
        definition.path,
        (bytes: Buffer) => bytes,
        (bytes: Buffer) => bytes,
        body,
        { deadline: Date.now() + 5000 },
        (error, response) => (error ? reject(error) : resolve(response as Buffer)),
      );
    });
  }

  /** Frees a container's devices, as pod deletion does. */
  release(resourceName: string, deviceIds: string[]): void {
    for (const id of deviceIds) this.allocated.get(resourceName)?.delete(id);
    for (const [pod, c] of this.containers) {
      if (c.resourceName === resourceName && c.deviceIds.some((id) => deviceIds.includes(id))) {
        this.containers.delete(pod);
      }
    }
  }

  /** The pod's container ends (it finished or was deleted): List no longer shows it and its devices are free. */
  endContainer(pod: string): void {
    const container = this.containers.get(pod);
    if (!container) throw new Error(`no running pod ${pod}`);
    this.release(container.resourceName, container.deviceIds);
  }

  /** A kubelet restart: stops serving, then starts over (cleaning the plugin sockets, new kubelet.sock). */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    for (const name of [...this.endpoints.keys()]) this.closeEndpoint(name);
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    rmSync(this.socketPath, { force: true });
    const podResources = this.podResourcesServer;
    this.podResourcesServer = null;
    if (podResources) {
      await new Promise<void>((resolve) => podResources.tryShutdown(() => resolve()));
      rmSync(this.podResourcesSocketPath, { force: true });
    }
  }
}
