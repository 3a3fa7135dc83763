import type { AssignedSlice__Output } from "../../../proto/generated/tessera/v1/AssignedSlice.ts";
import type { DesiredState__Output } from "../../../proto/generated/tessera/v1/DesiredState.ts";
import type { JobObserved__Output } from "../../../proto/generated/tessera/v1/JobObserved.ts";
import type { Register__Output } from "../../../proto/generated/tessera/v1/Register.ts";
import type { Report__Output } from "../../../proto/generated/tessera/v1/Report.ts";
import type { SchedulerMessage } from "../../../proto/generated/tessera/v1/SchedulerMessage.ts";
import { gpuHasLayout } from "../../../proto/tessera/GpuLayoutWire.ts";
import { wholeReportFlags } from "../../../proto/tessera/ReportDelta.ts";
import type { AgentSession } from "../../../scheduler/service/NodeRecord.ts";
import { MemoryGpuHost } from "../MemoryGpuHost.ts";

/** The scheduler's agent-facing API as the simulated agents use it (the `Scheduler` facade). */
export interface AgentEndpoint {
  register(msg: Register__Output, connection: Omit<AgentSession, "id">): AgentSession;
  report(nodeName: string, sessionId: number, msg: Report__Output): void;
  disconnected(nodeName: string, sessionId: number): void;
}

/** A job process on a simulated host: it keeps running whatever happens to the agent or the network. */
export interface SimProcess {
  jobId: string;
  attempt: number;
  slices: AssignedSlice__Output[];
  /** `failed_to_start`: the agent refused it (its GPU could not be given the layout it needs). */
  state: "running" | "exited" | "failed_to_start";
  exitCode: number;
  signal: string;
  interruption: string;
  message: string;
  startedMs: number;
  finishedMs: number;
  /** When the process ends by itself (infinite: never). */
  endsAtMs: number;
  /** Exit code it ends with by itself. */
  exitsWith: number;
}

/** How a process started by the agent behaves, decided by the simulation (its seeded random stream). */
export type ProcessPlan = (jobId: string, nowMs: number) => { endsAtMs: number; exitCode: number };

interface Connection {
  alive: boolean;
  session: AgentSession | undefined;
}

export interface SimulatedAgentOptions {
  name: string;
  models: string[];
  /** Used until the scheduler sends its own fencing timeout. */
  defaultFencingTimeoutMs: number;
  heartbeatMs: number;
  plan: ProcessPlan;
  /** VM runtimes this node advertises. */
  vmRuntimes: string[];
  log: (line: string) => void;
}

/**
 * A node agent with its host, in memory, driven by the simulation clock: it speaks the agent protocol with the
 * real scheduler objects (register, report, desired state), runs simulated processes that outlive agent crashes
 * and partitions (as real process groups do), and stops its own jobs once it has had no contact with the
 * scheduler for the fencing timeout (reporting them `fenced`).
 */
export class SimulatedAgent {
  readonly name: string;
  readonly host: MemoryGpuHost;
  readonly processes = new Map<string, SimProcess>();
  /** The last generation this agent fully applied; kept on disk, so it survives an agent crash. */
  private reached = 0;
  private desired: DesiredState__Output | undefined;
  private errors: string[] = [];
  /** Why the last reconcile could not give a GPU its desired layout, by GPU (GpuObserved.layout_error). */
  private layoutErrors = new Map<string, string>();
  private connection: Connection | undefined;
  private readonly inbox: SchedulerMessage[] = [];
  private lastContactMs = 0;
  private lastReportMs = 0;
  private nextConnectMs = 0;
  /** `up`: running; `crashed`: the agent process is dead (its jobs are not); `hostDown`: the machine is off. */
  state: "up" | "crashed" | "hostDown" = "up";
  /** Messages in both directions are dropped; neither side notices until its keepalive fails. */
  partitioned = false;
  private partitionedSinceMs = 0;
  private nextPid = 100;
  /** Jobs refused as `layout_failed`, over the whole run. */
  layoutRefusals = 0;

  constructor(private readonly options: SimulatedAgentOptions) {
    this.name = options.name;
    this.host = new MemoryGpuHost(options.name, options.models);
  }

  get connected(): boolean {
    return this.connection?.alive === true;
  }

  running(): SimProcess[] {
    return [...this.processes.values()].filter((p) => p.state === "running");
  }

  /** One tick at `now`: processes end, fencing, keepalive, reconnects, the inbox, heartbeats. */
  tick(now: number, scheduler: AgentEndpoint | undefined): void {
    for (const p of this.running()) {
      if (p.endsAtMs <= now) this.exit(p, now, p.exitsWith, "", "");
    }
    if (this.state !== "up") return;
    const fencingMs = this.desired?.fencingTimeoutMs || this.options.defaultFencingTimeoutMs;
    if (
      this.partitioned &&
      this.connection?.alive &&
      now - this.partitionedSinceMs >= this.options.heartbeatMs
    ) {
      // The keepalive failed on both ends.
      this.dropConnection(scheduler);
    }
    const inContact = this.connected && !this.partitioned;
    if (inContact) this.lastContactMs = now;
    if (!inContact && now - this.lastContactMs >= fencingMs && this.running().length > 0) {
      this.options.log(`${this.name}: no contact for ${now - this.lastContactMs} ms: fencing its jobs`);
      for (const p of this.running()) this.exit(p, now, -1, "SIGTERM", "fenced");
    }
    if (!this.connected && !this.partitioned && scheduler && now >= this.nextConnectMs)
      this.connect(now, scheduler);
    for (let msg = this.inbox.shift(); msg; msg = this.inbox.shift()) {
      this.lastContactMs = now;
      if (msg.desired) this.onDesired(msg.desired as DesiredState__Output, now);
    }
    if (this.connected && now - this.lastReportMs >= this.options.heartbeatMs)
      this.sendReport(now, scheduler);
  }

  startPartition(now: number): void {
    this.partitioned = true;
    this.partitionedSinceMs = now;
  }

  healPartition(now: number): void {
    this.partitioned = false;
    this.nextConnectMs = now;
  }

  /** kill -9 of the agent: the stream breaks at once (connection reset); its job processes keep running. */
  crash(scheduler: AgentEndpoint | undefined): void {
    this.dropConnection(scheduler);
    this.state = "crashed";
    this.desired = undefined;
    this.layoutErrors = new Map();
    this.inbox.length = 0;
  }

  /**
   * SIGTERM to the agent (an operator's shutdown): it stops its jobs as `agent_shutdown`, reports that, and exits;
   * the host stays up.
   */
  shutdown(now: number, scheduler: AgentEndpoint | undefined): void {
    for (const p of this.running()) this.exit(p, now, -1, "SIGTERM", "agent_shutdown");
    this.sendReport(now, scheduler);
    this.crash(scheduler);
  }

  /** The machine goes off: agent and processes are gone; the agent's disk keeps its generation. */
  hostDown(scheduler: AgentEndpoint | undefined): void {
    this.crash(scheduler);
    this.state = "hostDown";
    this.processes.clear();
    this.host.busy.clear();
  }

  /** The agent starts again; its last contact is kept on disk, so a restart does not reset its fencing clock. */
  restart(now: number): void {
    this.state = "up";
    this.nextConnectMs = now;
  }

  /** The scheduler went away (closed or crashed): the stream breaks; retry after a bounded backoff. */
  schedulerGone(now: number, backoffMs: number): void {
    if (this.connection) this.connection.alive = false;
    this.connection = undefined;
    this.nextConnectMs = now + backoffMs;
  }

  private connect(now: number, scheduler: AgentEndpoint): void {
    const connection: Connection = { alive: true, session: undefined };
    this.connection = connection;
    this.lastContactMs = now;
    connection.session = scheduler.register(this.registerMessage(), {
      send: (message) => {
        if (connection.alive && !this.partitioned) this.inbox.push(message);
      },
      close: () => {
        connection.alive = false;
        if (this.connection === connection) {
          this.connection = undefined;
          this.nextConnectMs = now;
        }
      },
    });
    this.lastReportMs = now;
  }

  private dropConnection(scheduler: AgentEndpoint | undefined): void {
    const connection = this.connection;
    this.connection = undefined;
    if (!connection) return;
    connection.alive = false;
    if (connection.session) scheduler?.disconnected(this.name, connection.session.id);
  }

  private onDesired(desired: DesiredState__Output, now: number): void {
    if (this.desired && desired.generation < this.desired.generation) return;
    this.desired = desired;
    this.reconcile(now);
    this.lastReportMs = -Infinity;
  }

  /** Converges processes and GPU layouts to the desired state, as the real agent does (jobs first). */
  private reconcile(now: number): void {
    const desired = this.desired;
    if (!desired) return;
    const errors: string[] = [];
    const wanted = new Set(desired.assignments.map((a) => key(a.jobId, a.attempt)));
    for (const [k, p] of this.processes) {
      if (wanted.has(k)) continue;
      if (p.state === "running") this.exit(p, now, -1, "SIGTERM", "");
      else this.processes.delete(k);
    }
    const before = this.host.observe();
    const layoutFailed = new Map<string, string>();
    for (const gpu of desired.gpus) {
      if (
        gpuHasLayout(
          gpu,
          before.find((g) => g.uuid === gpu.uuid),
        )
      )
        continue;
      try {
        this.host.apply(gpu.uuid, gpu.mode as "whole" | "mig" | "shared", gpu.mig);
      } catch (error) {
        errors.push((error as Error).message);
        layoutFailed.set(gpu.uuid, (error as Error).message);
      }
    }
    const observed = this.host.observe();
    for (const a of desired.assignments) {
      if (this.processes.has(key(a.jobId, a.attempt))) continue;
      const missing = a.slices.find((s) => {
        const gpu = observed.find((g) => g.uuid === s.gpuUuid);
        if (!gpu) return true;
        // A MIG slice, or a share on a MIG instance (MPS on MIG), needs its instance.
        if (s.kind === "mig" || s.migProfile)
          return (
            !gpu.migEnabled ||
            !gpu.instances?.some((i) => i.profile === s.migProfile && i.start === s.migStart)
          );
        return gpu.migEnabled === true;
      });
      // As the real agent: a slice missing because its GPU's layout change failed is refused as `layout_failed`
      // (waiting would not bring it); one that is merely not there yet waits for the next reconcile.
      const unmade = a.slices.find((s) => layoutFailed.has(s.gpuUuid));
      if (missing && unmade) {
        this.processes.set(key(a.jobId, a.attempt), {
          ...this.process(a, now, { endsAtMs: now, exitCode: 0 }),
          state: "failed_to_start",
          finishedMs: now,
          interruption: "layout_failed",
          message: `GPU ${unmade.gpuUuid} could not be given the layout this job needs: ${layoutFailed.get(unmade.gpuUuid)}`,
        });
        this.layoutRefusals++;
        this.lastReportMs = -Infinity;
        continue;
      }
      if (missing) {
        errors.push(`job ${a.jobId}: GPU ${missing.gpuUuid} does not have its ${missing.kind} slice`);
        continue;
      }
      this.processes.set(key(a.jobId, a.attempt), this.process(a, now, this.options.plan(a.jobId, now)));
    }
    this.layoutErrors = layoutFailed;
    this.markBusy();
    this.errors = errors;
    if (errors.length === 0) this.reached = desired.generation;
  }

  private process(
    a: DesiredState__Output["assignments"][number],
    now: number,
    plan: { endsAtMs: number; exitCode: number },
  ): SimProcess {
    return {
      jobId: a.jobId,
      attempt: a.attempt,
      slices: a.slices,
      state: "running",
      exitCode: 0,
      signal: "",
      interruption: "",
      message: "",
      startedMs: now,
      finishedMs: 0,
      endsAtMs: plan.endsAtMs,
      exitsWith: plan.exitCode,
    };
  }

  private exit(p: SimProcess, now: number, exitCode: number, signal: string, interruption: string): void {
    p.state = "exited";
    p.exitCode = exitCode;
    p.signal = signal;
    p.interruption = interruption;
    p.finishedMs = now;
    this.markBusy();
    this.lastReportMs = -Infinity;
  }

  /** MIG instances with a running process cannot be destroyed (the host refuses, as NVML does). */
  private markBusy(): void {
    this.host.busy.clear();
    const observed = this.host.observe();
    for (const p of this.running()) {
      for (const s of p.slices) {
        if (!s.migProfile) continue;
        const gpu = observed.find((g) => g.uuid === s.gpuUuid);
        const instance = gpu?.instances?.find((i) => i.profile === s.migProfile && i.start === s.migStart);
        if (instance?.uuid) this.host.busy.add(instance.uuid);
      }
    }
  }

  private sendReport(now: number, scheduler: AgentEndpoint | undefined): void {
    this.lastReportMs = now;
    const session = this.connection?.session;
    if (!scheduler || !session || this.partitioned) return;
    scheduler.report(this.name, session.id, {
      generation: this.reached,
      gpus: this.observedGpus() as Report__Output["gpus"],
      jobs: this.observedJobs(),
      errors: this.errors,
      kubeletAllocations: [],
      capabilities: null,
      ...wholeReportFlags,
    });
  }

  private registerMessage(): Register__Output {
    return {
      node: this.name,
      labels: {},
      gpus: this.host.inventory() as Register__Output["gpus"],
      cpuMillis: 64_000,
      memoryMib: 512_000,
      generation: this.reached,
      agentVersion: "sim",
      observed: this.observedGpus() as Register__Output["observed"],
      jobs: this.observedJobs(),
      capabilities: { vmRuntimes: this.options.vmRuntimes, mps: false, containerRuntimes: [], probed: true },
      address: `10.0.0.${this.name.replace(/\D/g, "") || "1"}`,
    };
  }

  /** The observed GPUs, each with why it could not be given its desired layout, as the real agent says it. */
  private observedGpus() {
    return this.host
      .observe()
      .map((gpu) => ({ ...gpu, layoutError: this.layoutErrors.get(gpu.uuid ?? "") ?? "" }));
  }

  private observedJobs(): JobObserved__Output[] {
    return [...this.processes.values()].map((p) => ({
      jobId: p.jobId,
      attempt: p.attempt,
      state: p.state,
      pid: this.nextPid++,
      exitCode: p.exitCode,
      signal: p.signal,
      logPath: `/sim/${this.name}/${p.jobId}.${p.attempt}.log`,
      message: p.message,
      visibleDevices: p.slices.map((s) => s.gpuUuid).join(","),
      startedUnixMs: p.startedMs,
      finishedUnixMs: p.finishedMs,
      interruption: p.interruption,
    }));
  }
}

function key(jobId: string, attempt: number): string {
  return `${jobId}#${attempt}`;
}
