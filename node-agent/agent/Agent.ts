import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import * as grpc from "@grpc/grpc-js";
import { findGpuModel, type GpuModel } from "../../proto/catalog/GpuCatalog.ts";
import type { AgentLogChunk } from "../../proto/generated/tessera/v1/AgentLogChunk.ts";
import type { AgentMessage } from "../../proto/generated/tessera/v1/AgentMessage.ts";
import type { AssignedSlice__Output } from "../../proto/generated/tessera/v1/AssignedSlice.ts";
import type { Assignment__Output } from "../../proto/generated/tessera/v1/Assignment.ts";
import type { DesiredState__Output } from "../../proto/generated/tessera/v1/DesiredState.ts";
import type { GpuObserved } from "../../proto/generated/tessera/v1/GpuObserved.ts";
import type { JobObserved } from "../../proto/generated/tessera/v1/JobObserved.ts";
import type { LogRequest__Output } from "../../proto/generated/tessera/v1/LogRequest.ts";
import type { NodeCapabilities } from "../../proto/generated/tessera/v1/NodeCapabilities.ts";
import type { SchedulerMessage__Output } from "../../proto/generated/tessera/v1/SchedulerMessage.ts";
import { gpuHasLayout } from "../../proto/tessera/GpuLayoutWire.ts";
import { schedulerReconnectBackoff } from "../../proto/tessera/LeaderRedirect.ts";
import { reportDelta, type WholeReport, wholeReportEveryMs } from "../../proto/tessera/ReportDelta.ts";
import { tokenClientOptions } from "../../proto/tessera/SchedulerEndpoint.ts";
import { channelCredentials, type TlsMaterial } from "../../proto/tessera/TlsFiles.ts";
import type { CdiSpecWriter } from "../container/CdiSpecWriter.ts";
import { Executor } from "../executor/Executor.ts";
import { jobEnvironment, type ResolvedDevice } from "../executor/JobEnvironment.ts";
import type { ContainerLaunch, JobLaunch, JobProcess } from "../executor/JobProcess.ts";
import { mpsActiveThreadPercentage } from "../mps/MpsClientEnvironment.ts";
import { largestMpsLimits, type MpsLimits } from "../mps/MpsControlDaemon.ts";
import type { MpsSupervisor } from "../mps/MpsSupervisor.ts";
import { type ShareDevice, shareDevice } from "../mps/ShareDevice.ts";
import { AgentState } from "./AgentState.ts";
import { Backoff } from "./Backoff.ts";
import { FencingClock } from "./FencingClock.ts";
import type { GpuHost, GpuMode } from "./GpuHost.ts";
import type { KubeletHolds } from "./KubeletHolds.ts";
import { SchedulerTargets } from "./SchedulerTargets.ts";
import type { VmJobLauncher } from "./VmJobLauncher.ts";

export interface AgentOptions {
  /** Scheduler gRPC address, HOST:PORT. */
  /** One or more scheduler addresses, comma-separated; the agent follows the leader among them. */
  scheduler: string;
  node: string;
  labels?: Record<string, string>;
  dataDir: string;
  host: GpuHost;
  executor: Executor;
  token?: string;
  /** The CA that signed the scheduler's certificate and this node's client certificate (its identity). */
  tls?: TlsMaterial | undefined;
  /** Used until the scheduler sends its own heartbeat interval. */
  heartbeatMs?: number;
  log?: (line: string) => void;
  /** Starts VM jobs (kind vm) through `tessera vm run`; absent, they run as plain processes. */
  vmLauncher?: VmJobLauncher;
  /** What the kubelet holds through the device plugin (`--kubelet-dir`), reported so Tessera keeps off it. */
  kubeletHolds?: KubeletHolds;
  /** What the node can run as known at start (slow probes pending: `probed` false); see `setCapabilities`. */
  capabilities?: NodeCapabilities;
  /** The address other nodes reach this one at (Register.address). */
  address?: string;
  /** `--fencing-timeout`: stop every job after this long without contact (the scheduler's, when shorter). */
  fencingTimeoutMs?: number;
  /** Longest wait between reconnect attempts, for the agent's loop and the gRPC channel's own backoff. */
  reconnectMaxMs?: number;
  /** CPU and memory the node offers to jobs (`--cpus`, `--memory`); absent, the host's own. */
  hostCapacity?: { cpuMillis?: number; memoryMib?: number };
  /** Runs an MPS control daemon per GPU holding shares; absent, shares are time-sliced (no daemon, no limits). */
  mps?: MpsSupervisor;
  /** GPUs the device plugin hands out as shared replicas, with each replica's limits: they need a daemon too. */
  kubeletMpsDevices?: () => ReadonlyMap<string, MpsLimits>;
  /** How often the MPS daemons are checked for having died (default 1 s). */
  mpsCheckMs?: number;
}

/** Default cap of the reconnect backoff: agents are back within a few seconds of a scheduler restart. */
export const defaultReconnectMaxMs = 3000;

const agentVersion = "0.1.0";

/**
 * The node agent: registers its GPUs, keeps one stream to the scheduler, and converges the host (MIG layout
 * and job processes) to the latest desired state it received, reporting the generation reached. Everything it
 * does is recomputed from the whole desired state, so reconnects and repeated messages are harmless.
 */
export class Agent {
  private readonly targets: SchedulerTargets;
  private readonly state: AgentState;
  private readonly backoff: Backoff;
  private readonly fencing: FencingClock;
  private fencingTimer: NodeJS.Timeout | undefined;
  private mpsTimer: NodeJS.Timeout | undefined;
  /** What the MPS daemons could not be made to do at the last look, reported with the other errors. */
  private mpsErrors: string[] = [];
  /** Set once the agent stopped its jobs for lack of contact; it starts nothing until it is back in contact. */
  private fenced = false;
  /** Set while shutting down: nothing new is started. */
  private draining = false;
  private capabilities: NodeCapabilities;
  /** The node's CDI spec, once a container runtime answered (`useCdi`); until then no container job runs. */
  private cdi: CdiSpecWriter | undefined;
  /** The capabilities the scheduler has from this stream (registration or a later report). */
  private sentCapabilities = "";
  /** The last report on this stream, whole, and when a whole one last went out: later reports send what changed. */
  private lastReport: WholeReport | undefined;
  private lastWholeReportMs = 0;
  private stream: grpc.ClientDuplexStream<AgentMessage, SchedulerMessage__Output> | undefined;
  private desired: DesiredState__Output | undefined;
  private errors: string[] = [];
  /** The last "generation not reached" line logged. */
  private lastNotReached = "";
  /** Why the last reconcile could not give a GPU its desired layout, by GPU (GpuObserved.layout_error). */
  private layoutErrors = new Map<string, string>();
  private heartbeat: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private connected = false;
  private reconcileQueued = false;
  /** The GPUs as last observed: MIG instance UUIDs for the shares on them, without reading NVML each second. */
  private observed: GpuObserved[] = [];
  /** Each GPU's catalog model, read once (a host's GPUs do not change model). */
  private models: Map<string, GpuModel | undefined> | undefined;
  /** The GPUs of the jobs this agent started, by executor key. */
  private readonly jobGpus = new Map<string, string[]>();
  /** Log requests being answered, by request id; a timer while following a running job. */
  private readonly logFollowers = new Map<number, NodeJS.Timeout | undefined>();

  constructor(private readonly options: AgentOptions) {
    const reconnectMaxMs = options.reconnectMaxMs ?? defaultReconnectMaxMs;
    this.targets = new SchedulerTargets(options.scheduler, channelCredentials(options.tls), {
      ...tokenClientOptions(options.token),
      // Far above the largest desired state the scheduler sends (spec limits, docs/service.md), so a node
      // holding many jobs with big environments still receives its work.
      "grpc.max_receive_message_length": 64 * 1024 * 1024,
      "grpc.keepalive_time_ms": 10_000,
      "grpc.keepalive_timeout_ms": 5_000,
      // Left alone, the channel backs off up to 120 s between connection attempts, whatever our own loop does.
      "grpc.initial_reconnect_backoff_ms": Math.min(
        schedulerReconnectBackoff["grpc.initial_reconnect_backoff_ms"],
        reconnectMaxMs,
      ),
      "grpc.max_reconnect_backoff_ms": Math.min(
        schedulerReconnectBackoff["grpc.max_reconnect_backoff_ms"],
        reconnectMaxMs,
      ),
    });
    this.backoff = new Backoff(Math.min(200, reconnectMaxMs), reconnectMaxMs);
    this.state = new AgentState(options.dataDir);
    this.fencing = new FencingClock(this.state, options.fencingTimeoutMs);
    this.capabilities = options.capabilities ?? {
      vmRuntimes: [],
      mps: false,
      containerRuntimes: [],
      probed: false,
    };
  }

  /** The generation of the last desired state fully applied. */
  get generation(): number {
    return this.state.generation;
  }

  /** The latest desired state from the scheduler; the device plugin keeps its slices away from Kubernetes. */
  get desiredState(): DesiredState__Output | undefined {
    return this.desired;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** Connects at once (registering the jobs the executor still runs, so they are adopted) and watches contact. */
  start(): void {
    // Down longer than the timeout while its jobs ran on: they may already run elsewhere.
    this.checkFencing();
    this.fencingTimer = setInterval(() => this.checkFencing(), 1000);
    if (this.options.mps) this.mpsTimer = setInterval(() => this.checkMps(), this.options.mpsCheckMs ?? 1000);
    this.connect();
  }

  /** Closes the stream; running jobs keep running (a restarted agent adopts them). */
  stop(): void {
    this.stopped = true;
    this.stopLogFollowers();
    clearTimeout(this.reconnectTimer);
    clearInterval(this.heartbeat);
    clearInterval(this.fencingTimer);
    clearInterval(this.mpsTimer);
    this.options.mps?.release();
    this.stream?.cancel();
    this.targets.close();
  }

  /**
   * An operator stops the agent: it starts nothing more, stops its jobs when `stopJobs` (recorded as
   * `agent_shutdown`, so the scheduler requeues them rather than failing them), sends a last report and closes.
   */
  async shutdown(stopJobs: boolean): Promise<void> {
    this.draining = true;
    if (stopJobs) await this.options.executor.stopAll("agent_shutdown");
    // Daemons whose clients keep running stay for them (a restarted agent adopts both); the rest stop.
    this.options.mps?.converge(new Map(), this.mpsDevicesInUse());
    const stream = this.stream;
    if (stream && this.connected) {
      // The last report carries how the jobs ended: half-close after it and give the scheduler a moment to
      // read it and close its side, rather than cancelling the stream under it. Nothing is written after it.
      this.stream = undefined;
      await new Promise<void>((done) => {
        const timer = setTimeout(done, 2000);
        stream.once("close", () => {
          clearTimeout(timer);
          done();
        });
        stream.write({ report: this.reportMessage(this.safeObserve()) });
        stream.end();
      });
      stream.cancel();
    }
    this.stop();
  }

  /**
   * Container jobs on: writes the CDI spec for the GPUs as they are now (throws when it cannot) and keeps it
   * current at every reconcile from then on.
   */
  useCdi(cdi: CdiSpecWriter): void {
    cdi.refresh(this.options.host.observe());
    this.cdi = cdi;
  }

  /** What the node can run, e.g. once the slow probes ended; sent to the scheduler if it changed. */
  setCapabilities(capabilities: NodeCapabilities): void {
    this.capabilities = capabilities;
    this.report(this.safeObserve());
  }

  /** Contact bookkeeping each second; without contact for the fencing timeout, stops every job. */
  private checkFencing(): void {
    if (this.connected) {
      this.fencing.contact();
      return;
    }
    if (this.fenced || !this.fencing.due()) return;
    this.fenced = true;
    const running = this.options.executor.list().filter((j) => j.state === "running");
    if (running.length === 0) return;
    this.log(
      `no contact with the scheduler for ${this.fencing.timeoutMs()} ms (fencing timeout): stopping ${running.length} job(s)`,
    );
    for (const job of running) this.options.executor.stop(job.jobId, job.attempt, undefined, "fenced");
  }

  /**
   * The MPS control daemons each GPU needs: one wherever the desired state puts shares or the device plugin hands
   * out shared replicas, with the largest share's limits as the daemon's defaults (a client's own variables can
   * only lower them).
   */
  private mpsWanted(): Map<string, MpsLimits> {
    const wanted = new Map<string, MpsLimits>();
    // Shutting down: no daemon starts again once the shutdown stopped the idle ones (those with clients stay),
    // though the last desired state, received before the jobs stopped, still holds their shares.
    if (this.draining) return wanted;
    const add = (device: string, limits: MpsLimits) =>
      wanted.set(device, largestMpsLimits(wanted.get(device), limits));
    for (const assignment of this.desired?.assignments ?? []) {
      for (const slice of assignment.slices) {
        if (slice.kind !== "share") continue;
        // A share on a MIG instance not made yet waits: its job does not start before it is there.
        const device = this.shareDevice(slice);
        if (typeof device === "string") continue;
        add(device.uuid, {
          activeThreadPercentage: mpsActiveThreadPercentage(device.milli),
          pinnedMemoryMiB: device.memoryMiB,
        });
      }
    }
    for (const [device, limits] of this.options.kubeletMpsDevices?.() ?? []) add(device, limits);
    return wanted;
  }

  /**
   * Devices whose daemon still has clients: running jobs (being stopped, or adopted) and containers the kubelet
   * was given devices of. Their daemon must not stop yet.
   */
  private mpsDevicesInUse(): Set<string> {
    const running = this.options.executor.list().filter((j) => j.state === "running");
    // NVML is read only for adopted jobs, whose GPUs are known from their devices alone (this runs each second).
    const adopted = running.some((j) => !this.jobGpus.has(Executor.key(j.jobId, j.attempt)));
    const observed = adopted ? this.safeObserve() : [];
    const held = (this.options.kubeletHolds?.current() ?? []).flatMap((a) => [...a.gpuUuids]);
    return new Set([...running.flatMap((j) => this.mpsDevicesOf(j, observed)), ...held]);
  }

  /**
   * Each running share job's limits by device and by the uid it runs as. MPS starts one server per client uid: with
   * `--uid-range` every job has a uid and so a server of its own, which gets its job's limits. Jobs sharing one uid
   * (`--run-as`, or the agent's user) share one server, which keeps the daemon's defaults (the largest share).
   */
  private mpsServerLimits(): Map<string, Map<number, MpsLimits>> {
    const limits = new Map<string, Map<number, MpsLimits>>();
    for (const job of this.options.executor.list()) {
      if (job.state !== "running" || job.uid === undefined) continue;
      const assignment = this.desired?.assignments.find(
        (a) => a.jobId === job.jobId && a.attempt === job.attempt,
      );
      const slice = assignment?.slices.length === 1 ? assignment.slices[0] : undefined;
      if (slice?.kind !== "share") continue;
      const device = this.shareDevice(slice);
      if (typeof device === "string") continue;
      const byUid = limits.get(device.uuid) ?? new Map<number, MpsLimits>();
      byUid.set(
        job.uid,
        largestMpsLimits(byUid.get(job.uid), {
          activeThreadPercentage: mpsActiveThreadPercentage(device.milli),
          pinnedMemoryMiB: device.memoryMiB,
        }),
      );
      limits.set(device.uuid, byUid);
    }
    return limits;
  }

  private convergeMps(): void {
    const mps = this.options.mps;
    if (!mps) return;
    this.mpsErrors = [
      ...mps.converge(this.mpsWanted(), this.mpsDevicesInUse()),
      ...mps.limitServers(this.mpsServerLimits()),
    ].map((p) => p.message);
  }

  /** Each second: a daemon that died is started again, and the jobs that were its clients are reported lost. */
  private checkMps(): void {
    const mps = this.options.mps;
    if (!mps || this.stopped || this.draining) return;
    const dead = new Set(mps.restartDead().map((d) => d.device));
    if (dead.size > 0) {
      const observed = this.safeObserve();
      for (const job of this.options.executor.list()) {
        if (job.state !== "running" || !this.mpsDevicesOf(job, observed).some((g) => dead.has(g))) continue;
        this.log(`job ${job.jobId}: the MPS control daemon of its GPU died; stopping it (mps_daemon_lost)`);
        this.options.executor.stop(job.jobId, job.attempt, undefined, "mps_daemon_lost");
      }
    }
    // Before the first desired state the wanted set is unknown: adopted daemons stay as they are.
    if (!this.desired) return;
    const before = this.mpsErrors.join("\n");
    this.convergeMps();
    if (dead.size > 0 || this.mpsErrors.join("\n") !== before) this.queueReconcile();
  }

  /**
   * Called by the executor when a job process starts or ends. The reconcile that follows forgets an ended job the
   * scheduler no longer wants (a gang member stopped with its gang): the scheduler learns how it ended first.
   */
  onJobChange(): void {
    if (this.endedUnwanted()) this.report(this.safeObserve());
    this.queueReconcile();
  }

  private endedUnwanted(): boolean {
    const wanted = new Set(this.desired?.assignments.map((a) => Executor.key(a.jobId, a.attempt)));
    return this.options.executor
      .list()
      .some((job) => job.state !== "running" && !wanted.has(Executor.key(job.jobId, job.attempt)));
  }

  /** Coalesces bursts of changes into one reconcile and one report: each works from the whole state anyway. */
  private queueReconcile(): void {
    if (this.reconcileQueued) return;
    this.reconcileQueued = true;
    setImmediate(() => {
      this.reconcileQueued = false;
      if (this.stopped) return;
      const observed = this.desired ? this.reconcile(this.desired) : this.safeObserve();
      this.report(observed);
    });
  }

  private log(line: string): void {
    this.options.log?.(`agent ${this.options.node}: ${line}`);
  }

  private connect(): void {
    if (this.stopped) return;
    const stream = this.targets.client().Connect();
    this.stream = stream;
    stream.on("data", (msg: SchedulerMessage__Output) => {
      this.fencing.contact();
      if (!this.connected) {
        this.connected = true;
        this.fenced = false;
        this.backoff.reset();
        this.log(`connected to ${this.targets.address}`);
      }
      if (msg.desired) this.onDesired(msg.desired);
      if (msg.logRequest) this.onLogRequest(msg.logRequest);
    });
    stream.on("error", (err: grpc.ServiceError) => {
      this.targets.failed(err);
      if (!this.stopped && err.code !== grpc.status.CANCELLED)
        this.log(`stream error: ${err.details || err.message}`);
    });
    stream.on("close", () => this.onDisconnect(stream));
    stream.on("end", () => this.onDisconnect(stream));
    this.sentCapabilities = JSON.stringify(this.capabilities);
    this.lastReport = undefined;
    stream.write({
      register: {
        node: this.options.node,
        labels: this.options.labels ?? {},
        gpus:
          this.options.vmLauncher?.withIommuGroups(this.options.host.inventory()) ??
          this.options.host.inventory(),
        // The host's CPU and memory, so that jobs asking for them (VM jobs always do) can be placed.
        cpuMillis: this.options.hostCapacity?.cpuMillis ?? availableParallelism() * 1000,
        memoryMib: this.options.hostCapacity?.memoryMib ?? Math.floor(totalmem() / 2 ** 20),
        generation: this.state.generation,
        agentVersion,
        observed: this.withLayoutErrors(this.safeObserve()),
        jobs: this.observedJobs(),
        capabilities: this.capabilities,
        address: this.options.address ?? "",
      },
    });
    this.restartHeartbeat(this.options.heartbeatMs ?? 2000);
  }

  private onDisconnect(stream: grpc.ClientDuplexStream<AgentMessage, SchedulerMessage__Output>): void {
    if (this.stream !== stream) return;
    this.stream = undefined;
    if (this.connected) this.fencing.contact(true);
    this.connected = false;
    this.stopLogFollowers();
    clearInterval(this.heartbeat);
    if (this.stopped || this.draining) return;
    const delay = this.backoff.next();
    this.log(`disconnected; reconnecting in ${delay} ms`);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  /**
   * Sends a job attempt's log from the requested offset in chunks; when following, keeps sending what the job
   * writes until its process has ended.
   */
  private onLogRequest(request: LogRequest__Output): void {
    const id = request.requestId;
    if (request.cancel) {
      clearTimeout(this.logFollowers.get(id));
      this.logFollowers.delete(id);
      return;
    }
    const stream = this.stream;
    const send = (chunk: Omit<AgentLogChunk, "requestId">) =>
      stream?.write({ logChunk: { requestId: id, ...chunk } });
    const path = this.options.executor.logPathOf(request.jobId, request.attempt);
    if (!existsSync(path)) {
      send({
        eof: true,
        error: `node ${this.options.node} has no log of job ${request.jobId} attempt ${request.attempt}`,
      });
      return;
    }
    let offset = request.offset;
    const pump = () => {
      if (!this.logFollowers.has(id) || this.stream !== stream) return;
      // Checked before reading: a process that had ended has written everything the read below sees.
      const running = this.options.executor.get(request.jobId, request.attempt)?.state === "running";
      const size = statSync(path).size;
      if (size > offset) {
        const fd = openSync(path, "r");
        try {
          while (offset < size) {
            const buf = Buffer.alloc(Math.min(64 * 1024, size - offset));
            const n = readSync(fd, buf, 0, buf.length, offset);
            if (n <= 0) break;
            send({ data: buf.subarray(0, n) });
            offset += n;
          }
        } finally {
          closeSync(fd);
        }
      }
      if (request.follow && running) {
        this.logFollowers.set(id, setTimeout(pump, 250));
        return;
      }
      this.logFollowers.delete(id);
      send({ eof: true });
    };
    this.logFollowers.set(id, undefined);
    pump();
  }

  private stopLogFollowers(): void {
    for (const timer of this.logFollowers.values()) clearTimeout(timer);
    this.logFollowers.clear();
  }

  private restartHeartbeat(ms: number): void {
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      // Level-triggered: a failed step (e.g. an instance that was busy) is retried at every heartbeat.
      if (this.desired && this.errors.length > 0) this.queueReconcile();
      else this.report(this.safeObserve());
    }, ms);
  }

  private onDesired(desired: DesiredState__Output): void {
    if (this.desired && desired.generation < this.desired.generation) return;
    const heartbeatChanged = desired.heartbeatMs > 0 && desired.heartbeatMs !== this.desired?.heartbeatMs;
    this.desired = desired;
    this.fencing.setSchedulerTimeout(desired.fencingTimeoutMs);
    if (heartbeatChanged) this.restartHeartbeat(desired.heartbeatMs);
    this.queueReconcile();
  }

  /**
   * Converges jobs and GPU layouts to `desired`; failures are kept in `errors` and retried. Returns the GPU state
   * observed at the end.
   */
  private reconcile(desired: DesiredState__Output): GpuObserved[] {
    const errors: string[] = [];
    const executor = this.options.executor;
    const wanted = new Map(desired.assignments.map((a) => [Executor.key(a.jobId, a.attempt), a]));
    // A preempted job gets its priority class's grace between SIGTERM and SIGKILL.
    const graceMs = new Map(
      desired.stops.map((s) => [Executor.key(s.jobId, s.attempt), s.graceSeconds * 1000]),
    );
    // Jobs first: a fenced agent stops what the scheduler gave to another node before touching any slice.
    for (const job of executor.list()) {
      const key = Executor.key(job.jobId, job.attempt);
      if (wanted.has(key)) continue;
      if (job.state === "running") executor.stop(job.jobId, job.attempt, graceMs.get(key));
      else {
        executor.forget(job.jobId, job.attempt);
        this.jobGpus.delete(Executor.key(job.jobId, job.attempt));
      }
    }
    let observed = this.safeObserve();
    let applied = false;
    /** Why a GPU could not be given its desired layout, by GPU. */
    const layoutFailed = new Map<string, string>();
    for (const gpu of desired.gpus) {
      if (
        gpuHasLayout(
          gpu,
          observed.find((o) => o.uuid === gpu.uuid),
        )
      )
        continue;
      try {
        applied = true;
        this.options.host.apply(gpu.uuid, gpu.mode as GpuMode, gpu.mig);
      } catch (err) {
        errors.push((err as Error).message);
        layoutFailed.set(gpu.uuid, (err as Error).message);
      }
    }
    if (applied) observed = this.safeObserve();
    this.refreshCdi(observed, errors);
    this.convergeMps();
    errors.push(...this.mpsErrors);
    for (const assignment of desired.assignments) {
      if (executor.get(assignment.jobId, assignment.attempt)) continue;
      // Shutting down, or fenced until the scheduler is heard again: nothing new starts.
      if (this.draining || this.fenced) {
        const why = this.draining ? "the agent is shutting down" : "no contact with the scheduler (fenced)";
        errors.push(`job ${assignment.jobId}: not started: ${why}`);
        continue;
      }
      // A job being stopped may still hold a GPU the new one needs: start only once it is gone.
      const gpus = new Set(assignment.slices.map((s) => s.gpuUuid));
      const blocker = executor
        .list()
        .find(
          (j) =>
            j.state === "running" &&
            !wanted.has(Executor.key(j.jobId, j.attempt)) &&
            this.gpusOf(j, observed).some((g) => gpus.has(g)),
        );
      if (blocker) {
        errors.push(`job ${assignment.jobId}: waiting for job ${blocker.jobId} to stop on the same GPU`);
        continue;
      }
      const devices = resolveDevices(assignment, observed, this.options.mps, (slice) =>
        this.shareDevice(slice, observed),
      );
      if (typeof devices === "string") {
        // Nothing of ours is leaving the GPU, so a layout that could not be made will not come by waiting: say
        // so instead of leaving the job on a GPU carved otherwise (e.g. still in MIG mode: a process holds an
        // instance). A slice that is merely not there yet waits for the next reconcile.
        const unmade = [...gpus].find((g) => layoutFailed.has(g));
        if (unmade) {
          executor.refuse(
            launchOf(assignment, assignment.env, ""),
            `GPU ${unmade} could not be given the layout this job needs (${devices}): ${layoutFailed.get(unmade)}`,
            "layout_failed",
          );
        } else {
          errors.push(`job ${assignment.jobId}: ${devices}`);
        }
        continue;
      }
      const launch = launchOf(
        assignment,
        jobEnvironment(assignment.jobId, devices, assignment.env, process.env.PATH ?? "/usr/bin:/bin"),
        devices.map((d) => d.uuid).join(","),
      );
      if (assignment.image) {
        // Just restarted: the runtime's probe has not answered yet, and may still.
        if (!this.cdi && !this.capabilities.probed) {
          errors.push(`job ${assignment.jobId}: waiting for the container runtime's probe`);
          continue;
        }
        const container = this.containerLaunch(assignment, devices);
        if (typeof container === "string") {
          executor.refuse(launch, container);
          continue;
        }
        launch.container = container;
      }
      this.jobGpus.set(Executor.key(assignment.jobId, assignment.attempt), [...gpus]);
      const pciAddresses = () => {
        const inventory = this.options.host.inventory();
        return devices.map((d) => inventory.find((g) => g.uuid === d.uuid)?.pciBusId ?? d.uuid);
      };
      executor.start(this.options.vmLauncher?.rewrite(launch, assignment.env, pciAddresses) ?? launch);
    }
    this.errors = errors;
    this.layoutErrors = layoutFailed;
    if (errors.length === 0) this.state.reached(desired.generation);
    else {
      // Reconciles repeat while something is not there yet: say what stands in the way once, not on each try.
      const notReached = `generation ${desired.generation} not reached: ${errors.join("; ")}`;
      if (notReached !== this.lastNotReached) this.log(notReached);
      this.lastNotReached = notReached;
    }
    return observed;
  }

  /** Keeps the CDI spec in step with the MIG devices the layout changes just made (or removed). */
  private refreshCdi(observed: readonly GpuObserved[], errors: string[]): void {
    try {
      this.cdi?.refresh(observed);
    } catch (err) {
      errors.push(`cannot write the CDI spec ${this.cdi?.specPath}: ${(err as Error).message}`);
    }
  }

  /**
   * A container job's image, mounts and devices by CDI name; an MPS client also gets its daemon's pipe directory
   * mounted at the same path (CUDA_MPS_PIPE_DIRECTORY names it). A string says why it cannot run here.
   */
  private containerLaunch(
    assignment: Assignment__Output,
    devices: readonly ResolvedDevice[],
  ): ContainerLaunch | string {
    const cdi = this.cdi;
    if (!cdi)
      return `node ${this.options.node} runs no container jobs (no container runtime: tessera agent --container-runtime)`;
    const cdiDevices: string[] = [];
    for (const device of devices) {
      const name = cdi.deviceName(device.uuid);
      if (!name) return `device ${device.uuid} is not in the CDI spec ${cdi.specPath}`;
      cdiDevices.push(name);
    }
    const pipes = devices.flatMap((d) => (d.share?.mpsPipeDirectory ? [d.share.mpsPipeDirectory] : []));
    return {
      image: assignment.image,
      mounts: [
        ...assignment.mounts.map((m) => ({ source: m.source, target: m.target, readOnly: m.readOnly })),
        ...pipes.map((dir) => ({ source: dir, target: dir, readOnly: false })),
      ],
      cdiDevices,
      // Gang members meet at MASTER_ADDR:MASTER_PORT, a node address: the container needs the host's network.
      hostNetwork: assignment.env.TESSERA_GANG_RANK !== undefined,
      // An MPS client shares memory with its daemon, which runs on the host.
      hostIpc: pipes.length > 0,
    };
  }

  /**
   * The devices whose MPS daemon a job may be a client of: its GPUs and the devices it was given (a MIG instance's
   * `MIG-` UUID for a share on it).
   */
  private mpsDevicesOf(job: JobProcess, observed: readonly GpuObserved[]): string[] {
    return [...this.gpusOf(job, observed), ...job.visibleDevices.split(",").filter(Boolean)];
  }

  /** Where a share slice runs (`shareDevice`), from the GPUs as last observed unless given. */
  private shareDevice(slice: AssignedSlice__Output, observed = this.observed): ShareDevice | string {
    return shareDevice(slice, observed, (uuid) => this.gpuModel(uuid));
  }

  /** A GPU's catalog model, from the inventory read once it is first needed (undefined while NVML fails). */
  private gpuModel(uuid: string): GpuModel | undefined {
    if (!this.models) {
      try {
        const inventory = this.options.host.inventory();
        this.models = new Map(inventory.map((g) => [g.uuid ?? "", findGpuModel(g.model ?? "")]));
      } catch {
        return undefined;
      }
    }
    return this.models.get(uuid);
  }

  /** GPUs a job process uses: as started, or (adopted after a restart) from the devices it was given. */
  private gpusOf(job: JobProcess, observed: readonly GpuObserved[]): string[] {
    const known = this.jobGpus.get(Executor.key(job.jobId, job.attempt));
    if (known) return known;
    return job.visibleDevices
      .split(",")
      .filter(Boolean)
      .map((d) => observed.find((g) => g.uuid === d || g.instances?.some((i) => i.uuid === d))?.uuid ?? d);
  }

  /** The executor's jobs as reported; a VM job's devices are its VM (runtime, boot time, GPUs and groups). */
  private observedJobs(): JobObserved[] {
    return this.options.executor.list().map((job) => {
      const vm = this.options.vmLauncher?.summary(job.jobId, job.attempt);
      return vm ? { ...observedJob(job), visibleDevices: vm } : observedJob(job);
    });
  }

  /** Reports at once, e.g. after the kubelet allocated or released devices. */
  reportNow(): void {
    this.report(this.safeObserve());
  }

  private report(observed: GpuObserved[]): void {
    if (!this.stream) return;
    const whole = this.reportMessage(observed);
    const previous = this.lastReport;
    this.lastReport = whole;
    const now = Date.now();
    if (!previous || now - this.lastWholeReportMs >= wholeReportEveryMs) {
      this.lastWholeReportMs = now;
      this.stream.write({ report: whole });
    } else {
      this.stream.write({ report: reportDelta(previous, whole) });
    }
  }

  /** A report of the whole observed state; the capabilities only when the scheduler does not have them yet. */
  private reportMessage(observed: GpuObserved[]): WholeReport {
    const capabilities = JSON.stringify(this.capabilities);
    const changed = capabilities !== this.sentCapabilities;
    this.sentCapabilities = capabilities;
    return {
      generation: this.state.generation,
      gpus: this.withLayoutErrors(observed),
      jobs: this.observedJobs(),
      errors: this.errors,
      kubeletAllocations: (this.options.kubeletHolds?.current() ?? []).map((a) => ({
        resourceName: a.resourceName,
        kind: a.kind,
        deviceIds: [...a.deviceIds],
        gpuUuids: [...a.gpuUuids],
      })),
      ...(changed ? { capabilities: this.capabilities } : {}),
    };
  }

  /** The observed GPUs, each with why it could not be given its desired layout ("" when it has it). */
  private withLayoutErrors(observed: GpuObserved[]): GpuObserved[] {
    return observed.map((gpu) => ({ ...gpu, layoutError: this.layoutErrors.get(gpu.uuid ?? "") ?? "" }));
  }

  private safeObserve(): GpuObserved[] {
    try {
      this.observed = this.options.host.observe();
      return this.observed;
    } catch (err) {
      this.errors = [...this.errors, `cannot read GPU state: ${(err as Error).message}`];
      return [];
    }
  }
}

function observedJob(job: JobProcess): JobObserved {
  return {
    jobId: job.jobId,
    attempt: job.attempt,
    state: job.state,
    pid: job.pid,
    exitCode: job.exitCode,
    signal: job.signal,
    logPath: job.logPath,
    message: job.message,
    visibleDevices: job.visibleDevices,
    startedUnixMs: job.startedMs,
    finishedUnixMs: job.finishedMs,
    interruption: job.interruption ?? "",
  };
}

function launchOf(
  assignment: Assignment__Output,
  env: Record<string, string>,
  visibleDevices: string,
): JobLaunch {
  return {
    jobId: assignment.jobId,
    attempt: assignment.attempt,
    command: assignment.command,
    env,
    workdir: assignment.workdir,
    visibleDevices,
  };
}

/** The device UUIDs an assignment's slices are, on this host now; a string says what is missing. */
function resolveDevices(
  assignment: Assignment__Output,
  observed: readonly GpuObserved[],
  mps: MpsSupervisor | undefined,
  deviceOf: (slice: AssignedSlice__Output) => ShareDevice | string,
): ResolvedDevice[] | string {
  const devices: ResolvedDevice[] = [];
  for (const slice of assignment.slices) {
    const gpu = observed.find((g) => g.uuid === slice.gpuUuid);
    if (!gpu) return `GPU ${slice.gpuUuid} is not on this host`;
    if (slice.kind === "mig") {
      const instance = gpu.instances?.find(
        (i) => i.start === slice.migStart && i.profile === slice.migProfile,
      );
      if (!instance?.uuid)
        return `no ${slice.migProfile} MIG instance at slot ${slice.migStart} on GPU ${slice.gpuUuid} yet`;
      devices.push({ uuid: instance.uuid });
    } else if (slice.kind === "share" && (slice.migProfile || !gpu.migEnabled)) {
      // A share runs on its GPU, or (MPS on MIG) on the MIG instance it names; with MPS on this node it starts
      // only once that device's daemon runs, so its limits are enforced.
      const device = deviceOf(slice);
      if (typeof device === "string") return device;
      const mpsPipeDirectory = mps?.pipeDirectory(device.uuid);
      if (mps && !mpsPipeDirectory)
        return `no MPS control daemon runs for ${slice.migProfile ? "MIG instance" : "GPU"} ${device.uuid} yet`;
      devices.push({
        uuid: device.uuid,
        share: {
          milli: device.milli,
          memoryMiB: device.memoryMiB,
          ...(mpsPipeDirectory ? { mpsPipeDirectory } : {}),
        },
      });
    } else if (gpu.migEnabled) {
      // A whole GPU or a share runs on the GPU itself, which MIG mode would leave the job no access to.
      return `GPU ${slice.gpuUuid} is in MIG mode; a ${slice.kind} slice needs MIG off`;
    } else {
      devices.push({ uuid: slice.gpuUuid });
    }
  }
  return devices;
}
