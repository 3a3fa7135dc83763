import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Finops } from "../finops/Finops.ts";
import { FleetIndex } from "../finops/FleetIndex.ts";
import { onChangeAtMost } from "../readmodel/CoalescedChanges.ts";
import {
  type FleetReadModel,
  type FleetSnapshot,
  heldParts,
  type NodeState,
  sliceTaken,
} from "../readmodel/FleetReadModel.ts";
import { type FleetCapacityReport, fleetCapacity } from "./FleetCapacity.ts";

/** Label names shared with NVIDIA's DCGM exporter, so tessera's series join with DCGM_FI_* ones. */
const dcgmLabels = ["gpu", "UUID", "device", "modelName", "Hostname", "GPU_I_PROFILE", "GPU_I_ID"] as const;
const deviceLabels = [...dcgmLabels, "tenant", "job"] as const;

const nodeStates: readonly NodeState[] = ["Ready", "NotReady", "Draining"];

/**
 * How /metrics names the per-device series: `tessera` (tessera_gpu_*, bytes) or `dcgm`, the names and units of
 * NVIDIA's DCGM exporter (DCGM_FI_DEV_FB_USED in MiB, ...) so that dashboards built for it work unchanged.
 */
export type MetricNaming = "tessera" | "dcgm";
export const metricNamings: readonly MetricNaming[] = ["tessera", "dcgm"];
const MIB = 1024 * 1024;
const SCRAPE_REUSE_MS = 250;
/** Job starts and node state changes are picked up this often (queueing delay, lease expiries). */
const REMEMBER_INTERVAL_MS = 250;

/** What one scrape reads, built once and shared by every collect() of that scrape. */
interface ScrapeView {
  at: number;
  snapshot: FleetSnapshot;
  capacity?: FleetCapacityReport;
  index?: FleetIndex;
}

/**
 * Everything Prometheus scrapes from the scheduler. Fleet gauges are computed from the read model at scrape
 * time; queueing delay and lease expiries are observed from its state changes; decision latency is observed by
 * the scheduling loop through `observeSchedulingDecision`.
 */
export class TesseraMetrics {
  readonly registry = new Registry();
  /** The per-device series under DCGM exporter names, served instead of tessera_gpu_* with naming `dcgm`. */
  private readonly dcgmDevices = new Registry();
  private readonly tesseraDeviceNames = new Set<string>();
  private readonly queueingDelay: Histogram<"queue">;
  private readonly decisionLatency: Histogram;
  private readonly leaseExpiries: Counter<"Hostname">;
  private readonly idleFlagged: Counter<"queue" | "tenant">;
  private readonly idleReclaims: Counter<"queue" | "tenant">;
  private readonly startedJobs = new Set<string>();
  private readonly nodeStates = new Map<string, NodeState>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly fleet: FleetReadModel,
    private readonly finops?: Finops,
  ) {
    const registers = [this.registry];
    // One scrape runs every collect() back to back: build the snapshot and capacity once for all of them.
    let scrape: ScrapeView | undefined;
    const current = (): ScrapeView => {
      const at = Date.now();
      if (!scrape || at - scrape.at > SCRAPE_REUSE_MS) scrape = { at, snapshot: this.fleet.snapshot() };
      return scrape;
    };
    const snapshot = () => current().snapshot;
    const capacity = () => {
      const s = current();
      s.capacity ??= fleetCapacity(s.snapshot);
      return s.capacity;
    };

    new Gauge({
      name: "tessera_gpus",
      help: "GPUs by model and state (free, partial, full, unavailable).",
      labelNames: ["model", "modelName", "state"],
      registers,
      collect() {
        this.reset();
        for (const m of capacity().models) {
          for (const [state, count] of Object.entries(m.gpusByState)) {
            this.set({ model: m.model, modelName: m.modelName, state }, count);
          }
        }
      },
    });
    new Gauge({
      name: "tessera_mig_instances",
      help: "MIG instances by model, profile and state (allocated, free).",
      labelNames: ["model", "modelName", "GPU_I_PROFILE", "state"],
      registers,
      collect() {
        this.reset();
        for (const node of snapshot().nodes) {
          for (const gpu of node.gpus) {
            for (const slice of gpu.slices) {
              if (slice.kind !== "mig") continue;
              const state = sliceTaken(slice) ? "allocated" : "free";
              this.inc({
                model: gpu.modelId,
                modelName: gpu.modelName,
                GPU_I_PROFILE: slice.profile ?? "",
                state,
              });
            }
          }
        }
      },
    });
    new Gauge({
      name: "tessera_allocated_gpus",
      help: "Allocated GPU capacity by model, in GPUs (a 3g slice of a 7-slice GPU counts 3/7).",
      labelNames: ["model", "modelName"],
      registers,
      collect() {
        this.reset();
        for (const m of capacity().models)
          this.set({ model: m.model, modelName: m.modelName }, m.allocatedGpus);
      },
    });
    new Gauge({
      name: "tessera_allocation_ratio",
      help: "Allocated share of all GPU capacity in the fleet, 0 to 1.",
      registers,
      collect() {
        this.set(capacity().allocationRatio);
      },
    });
    new Gauge({
      name: "tessera_fragmentation_ratio",
      help: "Share of free GPU capacity stranded on partly used GPUs, where whole-GPU jobs cannot use it, 0 to 1.",
      registers,
      collect() {
        this.set(capacity().fragmentation);
      },
    });
    new Gauge({
      name: "tessera_pending_jobs",
      help: "Jobs waiting to be placed, per queue.",
      labelNames: ["queue"],
      registers,
      collect() {
        this.reset();
        const { jobs } = snapshot();
        // Every queue that has jobs gets a series, so "0 pending" is a value rather than a gap.
        for (const job of jobs) this.set({ queue: job.queue }, 0);
        for (const job of jobs) if (job.state === "Pending") this.inc({ queue: job.queue });
      },
    });
    new Gauge({
      name: "tessera_agents",
      help: "Node agents known to the scheduler, by node state.",
      labelNames: ["state"],
      registers,
      collect() {
        this.reset();
        for (const state of nodeStates) this.set({ state }, 0);
        for (const node of snapshot().nodes) this.inc({ state: node.state });
      },
    });
    this.leaseExpiries = new Counter({
      name: "tessera_lease_expiries_total",
      help: "Times a node's agent lease expired and the node went NotReady.",
      labelNames: ["Hostname"],
      registers,
    });
    this.queueingDelay = new Histogram({
      name: "tessera_queueing_delay_seconds",
      help: "Time from submission to start of running, per queue.",
      labelNames: ["queue"],
      buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21_600, 86_400],
      registers,
    });
    this.decisionLatency = new Histogram({
      name: "tessera_scheduling_decision_seconds",
      help: "Time the placement engine took to decide one job (filter, score, reserve).",
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    });

    const latest = () => {
      const view = current();
      view.index ??= new FleetIndex(view.snapshot);
      const index = view.index;
      return (this.finops?.latestSamples() ?? []).flatMap((sample) => {
        const who = index.attribute(sample);
        const slice =
          sample.migUuid === undefined
            ? undefined
            : who.gpu?.slices.find((s) => s.migUuid === sample.migUuid);
        // A reading of a MIG instance that no longer exists: its series ends (it would carry the GPU's labels).
        if (sample.migUuid !== undefined && slice === undefined) return [];
        const holder = who.held[0]?.job;
        const labels = {
          gpu: String(who.gpu?.index ?? ""),
          UUID: sample.gpuUuid,
          device: who.gpu ? `nvidia${who.gpu.index}` : "",
          modelName: who.gpu?.modelName ?? "",
          Hostname: sample.node,
          GPU_I_PROFILE: slice?.profile ?? "",
          GPU_I_ID: slice?.gpuInstanceId === undefined ? "" : String(slice.gpuInstanceId),
          tenant: holder?.tenant ?? "",
          job: holder?.id ?? "",
        };
        return [{ sample, labels }];
      });
    };
    const deviceGauge = (
      name: string,
      help: string,
      value: (s: ReturnType<typeof latest>[number]["sample"]) => number | null | undefined,
      naming: MetricNaming = "tessera",
    ) => {
      if (naming === "tessera") this.tesseraDeviceNames.add(name);
      return new Gauge({
        name,
        help,
        labelNames: deviceLabels,
        registers: naming === "tessera" ? registers : [this.dcgmDevices],
        collect() {
          this.reset();
          for (const { sample, labels } of latest()) {
            const v = value(sample);
            if (v !== null && v !== undefined) this.set(labels, v);
          }
        },
      });
    };
    deviceGauge(
      "tessera_gpu_utilization_percent",
      "GPU utilization from NVML, 0 to 100 (DCGM_FI_DEV_GPU_UTIL); absent for MIG instances, where NVML has none.",
      (s) => s.utilizationPercent,
    );
    deviceGauge(
      "tessera_gpu_memory_used_bytes",
      "Frame buffer memory used on the GPU or MIG instance (DCGM_FI_DEV_FB_USED, in bytes).",
      (s) => s.memoryUsedMiB * MIB,
    );
    deviceGauge(
      "tessera_gpu_memory_total_bytes",
      "Frame buffer memory of the GPU or MIG instance, in bytes.",
      (s) => s.memoryTotalMiB * MIB,
    );
    deviceGauge(
      "tessera_gpu_temperature_celsius",
      "GPU temperature (DCGM_FI_DEV_GPU_TEMP).",
      (s) => s.temperatureC,
    );
    deviceGauge("tessera_gpu_power_watts", "GPU power draw (DCGM_FI_DEV_POWER_USAGE).", (s) => s.powerW);
    deviceGauge("DCGM_FI_DEV_GPU_UTIL", "GPU utilization (in %).", (s) => s.utilizationPercent, "dcgm");
    deviceGauge("DCGM_FI_DEV_FB_USED", "Framebuffer memory used (in MiB).", (s) => s.memoryUsedMiB, "dcgm");
    deviceGauge(
      "DCGM_FI_DEV_FB_FREE",
      "Framebuffer memory free (in MiB).",
      (s) => s.memoryTotalMiB - s.memoryUsedMiB,
      "dcgm",
    );
    deviceGauge(
      "DCGM_FI_DEV_FB_TOTAL",
      "Framebuffer memory total (in MiB).",
      (s) => s.memoryTotalMiB,
      "dcgm",
    );
    deviceGauge("DCGM_FI_DEV_GPU_TEMP", "GPU temperature (in C).", (s) => s.temperatureC, "dcgm");
    deviceGauge("DCGM_FI_DEV_POWER_USAGE", "Power draw (in W).", (s) => s.powerW, "dcgm");

    new Gauge({
      name: "tessera_mig_instance_info",
      help: "1 per MIG instance in the fleet (per share job on one shared by MPS), with its GPU, profile, GPU instance id and holder (empty when free).",
      labelNames: [...deviceLabels, "MIG_UUID"],
      registers,
      collect() {
        this.reset();
        const { nodes, jobs } = snapshot();
        const tenants = new Map(jobs.map((j) => [j.id, j.tenant]));
        for (const node of nodes) {
          for (const gpu of node.gpus) {
            for (const instance of gpu.slices) {
              if (instance.kind !== "mig") continue;
              for (const slice of heldParts(instance)) {
                this.set(
                  {
                    gpu: String(gpu.index),
                    UUID: gpu.uuid,
                    device: `nvidia${gpu.index}`,
                    modelName: gpu.modelName,
                    Hostname: node.name,
                    GPU_I_PROFILE: slice.profile ?? "",
                    GPU_I_ID: slice.gpuInstanceId === undefined ? "" : String(slice.gpuInstanceId),
                    MIG_UUID: slice.migUuid ?? "",
                    tenant: slice.jobId === undefined ? "" : (tenants.get(slice.jobId) ?? ""),
                    job: slice.jobId ?? "",
                  },
                  1,
                );
              }
            }
          }
        }
      },
    });

    new Gauge({
      name: "tessera_idle_allocations",
      help: "Allocations flagged idle now (no compute activity and no memory change for the idle time).",
      labelNames: ["queue", "tenant"],
      registers,
      collect: () => {
        const gauge = this.registry.getSingleMetric("tessera_idle_allocations") as Gauge<"queue" | "tenant">;
        gauge.reset();
        for (const idle of this.finops?.idle() ?? []) gauge.inc({ queue: idle.queue, tenant: idle.tenant });
      },
    });
    this.idleFlagged = new Counter({
      name: "tessera_idle_flagged_total",
      help: "Allocations flagged idle.",
      labelNames: ["queue", "tenant"],
      registers,
    });
    this.idleReclaims = new Counter({
      name: "tessera_idle_reclaims_total",
      help: "Idle allocations reclaimed (job stopped gracefully) by their queue's policy.",
      labelNames: ["queue", "tenant"],
      registers,
    });
    finops?.onIdleEvent((event) => {
      const labels = { queue: event.queue, tenant: event.tenant };
      if (event.event === "idle.flagged") this.idleFlagged.inc(labels);
      if (event.event === "idle.reclaimed") this.idleReclaims.inc(labels);
    });
  }

  /** Starts following job and node changes (queueing delay, lease expiries). */
  start(): void {
    this.remember(true);
    this.unsubscribe = onChangeAtMost(this.fleet, REMEMBER_INTERVAL_MS, () => this.remember(false));
  }

  stop(): void {
    this.unsubscribe?.();
  }

  observeSchedulingDecision(seconds: number): void {
    this.decisionLatency.observe(seconds);
  }

  /** The text exposition of every metric, the per-device series named as `naming` says. */
  metrics(naming: MetricNaming = "tessera"): Promise<string> {
    if (naming === "tessera") return this.registry.metrics();
    const view = new Registry();
    const take = (registry: Registry, keep: (name: string) => boolean) => {
      for (const { name } of registry.getMetricsAsArray()) {
        const metric = registry.getSingleMetric(name);
        if (metric && keep(name)) view.registerMetric(metric);
      }
    };
    take(this.registry, (name) => !this.tesseraDeviceNames.has(name));
    take(this.dcgmDevices, () => true);
    return view.metrics();
  }

  private remember(initial: boolean): void {
    const { nodes, jobs } = this.fleet.snapshot();
    const seenJobs = new Set<string>();
    for (const job of jobs) {
      seenJobs.add(job.id);
      // A job is counted once, when it is first seen started; jobs that had started before we watched are not.
      if (job.startedAt === undefined || this.startedJobs.has(job.id)) continue;
      this.startedJobs.add(job.id);
      if (!initial) {
        this.queueingDelay.observe(
          { queue: job.queue },
          Math.max(0, (job.startedAt - job.submittedAt) / 1000),
        );
      }
    }
    for (const id of this.startedJobs) if (!seenJobs.has(id)) this.startedJobs.delete(id);
    for (const node of nodes) {
      const before = this.nodeStates.get(node.name);
      if (!initial && before !== undefined && before !== "NotReady" && node.state === "NotReady") {
        this.leaseExpiries.inc({ Hostname: node.name });
      }
      this.nodeStates.set(node.name, node.state);
    }
  }
}
