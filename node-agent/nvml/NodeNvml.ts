import { type DiscoveredGpu, discoverGpus, type GpuFixedFacts } from "./discoverHost.ts";
import { GpuHealth, type GpuHealthOptions } from "./GpuHealth.ts";
import { Nvml } from "./Nvml.ts";
import { NvmlXidWatcher, type XidEvent, type XidSink, type XidWatcherLog } from "./NvmlXidWatcher.ts";

export interface NodeNvmlOptions {
  /** NVML library (default: TESSERA_NVML_LIBRARY or the driver's). */
  libraryPath?: string;
  health: GpuHealthOptions;
  log: XidWatcherLog;
  /** How long one discovery serves every user before NVML is asked again. */
  discoveryMaxAgeMs?: number;
}

/**
 * The one NVML session of a node process: the agent's GPU host and its device plugin share its discovery (one
 * NVML walk serves both for `discoveryMaxAgeMs`) and its Xid watching, whose events feed the GPU health the agent
 * reports and are passed on to every subscriber (the plugin's per-device health).
 */
export class NodeNvml implements XidSink {
  readonly nvml: Nvml;
  readonly health: GpuHealth;
  private discovered: { atMs: number; gpus: DiscoveredGpu[] } | undefined;
  /** Per GPU index, what NVML cannot change while this session is open: read once, not at every discovery. */
  private readonly fixedFacts = new Map<number, GpuFixedFacts>();
  private readonly xidSinks = new Set<XidSink>();
  private readonly healthListeners = new Set<() => void>();
  private watcher: NvmlXidWatcher | undefined;

  constructor(private readonly options: NodeNvmlOptions) {
    this.nvml = Nvml.open(options.libraryPath);
    this.health = new GpuHealth(options.health);
  }

  /** The host's GPUs, re-read from NVML when the last reading is older than the maximum age. */
  discover(): DiscoveredGpu[] {
    const now = Date.now();
    if (this.discovered && now - this.discovered.atMs < (this.options.discoveryMaxAgeMs ?? 1000))
      return this.discovered.gpus;
    const gpus = discoverGpus(this.nvml, this.fixedFacts);
    this.discovered = { atMs: now, gpus };
    return gpus;
  }

  /** Forgets the last discovery, e.g. after this process changed a MIG layout. */
  invalidate(): void {
    this.discovered = undefined;
  }

  /** Starts watching Xid events (once, however many users ask). */
  watchXids(): void {
    if (this.watcher) return;
    this.watcher = new NvmlXidWatcher(this.nvml, this, this.options.log);
    this.watcher.start();
  }

  /** Passes every Xid event and NVML problem on to `sink` too; returns the unsubscribe. */
  subscribeXids(sink: XidSink): () => void {
    this.xidSinks.add(sink);
    return () => this.xidSinks.delete(sink);
  }

  /** Calls `listener` when a GPU's health may have changed (a critical Xid, NVML failing or answering again). */
  onHealthChange(listener: () => void): () => void {
    this.healthListeners.add(listener);
    return () => this.healthListeners.delete(listener);
  }

  recordXid(event: XidEvent): boolean {
    const counted = this.health.recordXid(event);
    for (const sink of this.xidSinks) sink.recordXid(event);
    if (counted) this.healthChanged();
    return counted;
  }

  setAgentHealth(problem: string | null): void {
    this.health.setNvmlProblem(problem);
    for (const sink of this.xidSinks) sink.setAgentHealth(problem);
    this.healthChanged();
  }

  /** Stops the Xid watching and closes NVML (at once when nothing is watched). */
  async close(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = undefined;
    if (watcher) await watcher.stop();
    this.nvml.close();
  }

  private healthChanged(): void {
    for (const listener of this.healthListeners) listener();
  }
}
