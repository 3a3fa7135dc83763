import { type FSWatcher, statSync, watch } from "node:fs";
import { join } from "node:path";
import { KUBELET_SOCKET_NAME } from "../../proto/k8s/DevicePluginConstants.ts";
import { resourceLayout } from "./AdvertisedResources.ts";
import type { AllocationSink } from "./AllocationSink.ts";
import type { DevicePluginConfig } from "./DevicePluginConfig.ts";
import type { PluginLog } from "./PluginLog.ts";
import { resourceNaming } from "./ResourceNaming.ts";
import { fileIdentity, ResourcePluginServer } from "./ResourcePluginServer.ts";
import type { SliceInventory } from "./SliceInventory.ts";

export interface DevicePluginManagerOptions {
  inventory: SliceInventory;
  config: DevicePluginConfig;
  log: PluginLog;
  sink?: AllocationSink;
  /** How often the plugin re-checks kubelet.sock and its own sockets when no file event arrives. */
  resyncIntervalMs?: number;
  /** How long after a kubelet refused a registration it is asked again (default 30 s). */
  rejectedRetryMs?: number;
}

export interface ResourceStatus {
  resourceName: string;
  socket: string;
  devices: number;
  healthy: number;
  registered: boolean;
  lastError: string | null;
}

/**
 * Runs one ResourcePluginServer per extended resource the node's slices make, and keeps them converged with the
 * inventory and the kubelet: a resource that appears gets a server and registers, one that disappears announces
 * an empty list and goes away, a changed layout or health goes out as a full list, and a restarted kubelet
 * (kubelet.sock re-created, plugin sockets deleted) gets every plugin back and registered. Each pass compares
 * the whole desired state with what is, so a missed file event only delays convergence to the next resync.
 */
export class DevicePluginManager {
  private readonly servers = new Map<string, ResourcePluginServer>();
  private readonly reportedProblems = new Set<string>();
  private unsubscribe: (() => void) | null = null;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly options: DevicePluginManagerOptions) {}

  private get dir(): string {
    return this.options.config.kubeletDir;
  }

  async start(): Promise<void> {
    let isDir = false;
    try {
      isDir = statSync(this.dir).isDirectory();
    } catch {}
    if (!isDir) {
      throw new Error(
        `kubelet device-plugin directory ${this.dir} does not exist; mount the kubelet's device-plugins directory ` +
          "(hostPath /var/lib/kubelet/device-plugins) or pass --kubelet-dir",
      );
    }
    this.unsubscribe = this.options.inventory.subscribe(() => void this.sync());
    // The kubelet deletes every socket in the directory and re-creates kubelet.sock when it restarts.
    this.watcher = watch(this.dir, () => void this.sync());
    this.watcher.on("error", (error) =>
      this.options.log.warn(`watching ${this.dir} failed: ${error.message}`),
    );
    this.timer = setInterval(() => void this.sync(), this.options.resyncIntervalMs ?? 5000);
    await this.sync();
  }

  /** Converges now; concurrent calls fold into one extra pass over the latest state. */
  sync(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.pass();
        } while (this.again && !this.stopped);
      } catch (error) {
        this.options.log.error(`sync failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async pass(): Promise<void> {
    const { config, log, sink } = this.options;
    const layout = resourceLayout(this.options.inventory.current(), resourceNaming(config.naming));
    for (const problem of layout.problems) {
      if (!this.reportedProblems.has(problem)) log.warn(problem);
    }
    this.reportedProblems.clear();
    for (const problem of layout.problems) this.reportedProblems.add(problem);
    sink?.advertised?.(new Set([...layout.resources.values()].flatMap((r) => r.devices.map((d) => d.id))));

    for (const [name, server] of this.servers) {
      if (layout.resources.has(name)) continue;
      log.info(`${name}: no longer on this node; announcing an empty list and removing its plugin`);
      await server.stop(true);
      this.servers.delete(name);
    }
    for (const resource of layout.resources.values()) {
      const server = this.servers.get(resource.name);
      if (server) {
        server.update(resource);
      } else {
        const created = new ResourcePluginServer(
          resource,
          config,
          log,
          sink ?? null,
          this.options.rejectedRetryMs,
        );
        this.servers.set(resource.name, created);
      }
    }

    for (const server of this.servers.values()) {
      if (server.serving && !server.socketIntact()) {
        log.info(`${server.name}: socket ${server.socketPath} is gone (kubelet restart?); serving it again`);
        await server.stop(false);
      }
      if (!server.serving) {
        try {
          await server.start();
        } catch (error) {
          server.lastError = error instanceof Error ? error.message : String(error);
          log.error(server.lastError);
        }
      }
    }

    const kubelet = fileIdentity(join(this.dir, KUBELET_SOCKET_NAME));
    if (kubelet === null) return;
    await Promise.all(
      [...this.servers.values()]
        .filter((s) => s.needsRegistration(kubelet, Date.now()))
        .map((s) => s.register(kubelet)),
    );
  }

  status(): ResourceStatus[] {
    const kubelet = fileIdentity(join(this.dir, KUBELET_SOCKET_NAME));
    return [...this.servers.values()].map((s) => ({
      resourceName: s.name,
      socket: s.socketPath,
      devices: s.devices.length,
      healthy: s.devices.filter((d) => d.health === "Healthy").length,
      registered: kubelet !== null && s.registeredWithKubelet(kubelet),
      lastError: s.lastError,
    }));
  }

  /** Stops every plugin and removes its socket; the kubelet sees the streams end and marks the devices unhealthy. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.watcher?.close();
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await Promise.all([...this.servers.values()].map((s) => s.stop(false)));
    this.servers.clear();
  }
}
