import * as grpc from "@grpc/grpc-js";
import {
  type ListPodResourcesResponse,
  podResourcesListerService,
} from "../../proto/k8s/podresources/PodResourcesApi.ts";
import type { KubeletAllocationTable } from "./KubeletAllocationTable.ts";
import type { PluginLog } from "./PluginLog.ts";

export interface PodResourcesReleaserOptions {
  /** The kubelet's pod-resources socket (`podResourcesSocketPath(kubeletDir)`). */
  socket: string;
  table: KubeletAllocationTable;
  log: PluginLog;
  /** How often to ask the kubelet; also asked on `check()`. */
  intervalMs?: number;
  /** Per-call deadline. */
  timeoutMs?: number;
  /** Allocations younger than this are never released: the kubelet may not have recorded them yet. */
  settleMs?: number;
}

/**
 * Releases kubelet allocations whose containers have ended, by asking the kubelet's pod-resources `List` which
 * devices running containers hold. On any failure (socket absent, kubelet too old, call refused) nothing is
 * released: the table's other release rules still apply, and the failure is logged once until List works again.
 */
export class PodResourcesReleaser {
  private client: grpc.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failing = false;

  constructor(private readonly options: PodResourcesReleaserOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.check(), this.options.intervalMs ?? 5000);
    this.timer.unref();
    void this.check();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.client?.close();
    this.client = null;
  }

  /** Asks List now (one call at a time: a check asked for meanwhile runs once after it). */
  check(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.once().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.check();
      }
    });
    return this.running;
  }

  private async once(): Promise<void> {
    const madeBefore = new Date(Date.now() - (this.options.settleMs ?? 10_000));
    let response: ListPodResourcesResponse;
    try {
      response = await this.list();
    } catch (error) {
      // A fresh channel next time: the kubelet may come back on a new socket.
      this.client?.close();
      this.client = null;
      if (!this.failing) {
        this.options.log.warn(
          `pod-resources List at ${this.options.socket} failed (${(error as Error).message}); pod allocations are released only when the kubelet re-allocates their devices or they are no longer advertised`,
        );
      }
      this.failing = true;
      return;
    }
    if (this.failing) this.options.log.info(`pod-resources List at ${this.options.socket} works again`);
    this.failing = false;
    const held = new Set<string>();
    for (const pod of response.pod_resources) {
      for (const container of pod.containers) {
        for (const devices of container.devices) {
          for (const id of devices.device_ids) held.add(heldKey(devices.resource_name, id));
        }
      }
    }
    this.options.table.notRunning((resourceName, id) => held.has(heldKey(resourceName, id)), madeBefore);
  }

  private list(): Promise<ListPodResourcesResponse> {
    this.client ??= new grpc.Client(`unix:${this.options.socket}`, grpc.credentials.createInsecure(), {
      "grpc.default_authority": "localhost",
    });
    const client = this.client;
    const method = podResourcesListerService.List;
    return new Promise((resolve, reject) => {
      client.makeUnaryRequest(
        method.path,
        method.requestSerialize,
        method.responseDeserialize,
        {},
        { deadline: Date.now() + (this.options.timeoutMs ?? 5000) },
        (error, response) => (error ? reject(error) : resolve(response as ListPodResourcesResponse)),
      );
    });
  }
}

function heldKey(resourceName: string, deviceId: string): string {
  return `${resourceName}\n${deviceId}`;
}
