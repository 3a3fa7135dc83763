import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import * as grpc from "@grpc/grpc-js";
import type { KubeletAllocationTable } from "../../plugins/deviceplugin/KubeletAllocationTable.ts";
import type { AgentLogChunk } from "../../proto/generated/tessera/v1/AgentLogChunk.ts";
import type { AgentMessage } from "../../proto/generated/tessera/v1/AgentMessage.ts";
import type { Assignment__Output } from "../../proto/generated/tessera/v1/Assignment.ts";
import type { DesiredState__Output } from "../../proto/generated/tessera/v1/DesiredState.ts";
import type { GpuDesired__Output } from "../../proto/generated/tessera/v1/GpuDesired.ts";
import type { GpuObserved } from "../../proto/generated/tessera/v1/GpuObserved.ts";
import type { JobObserved } from "../../proto/generated/tessera/v1/JobObserved.ts";
import type { LogRequest__Output } from "../../proto/generated/tessera/v1/LogRequest.ts";
import type { SchedulerMessage__Output } from "../../proto/generated/tessera/v1/SchedulerMessage.ts";
import { schedulerReconnectBackoff } from "../../proto/tessera/LeaderRedirect.ts";
import { tokenClientOptions } from "../../proto/tessera/SchedulerEndpoint.ts";
import { Executor } from "../executor/Executor.ts";
import { jobEnvironment, type ResolvedDevice } from "../executor/JobEnvironment.ts";
import type { JobProcess } from "../executor/JobProcess.ts";
import { AgentState } from "./AgentState.ts";
import { Backoff } from "./Backoff.ts";
import type { GpuHost, GpuMode } from "./GpuHost.ts";
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
  /** Used until the scheduler sends its own heartbeat interval. */
  heartbeatMs?: number;
  log?: (line: string) => void;
  /** Starts VM jobs (kind vm) through `tessera vm run`; absent, they run as plain processes. */
  vmLauncher?: VmJobLauncher;
  /** What the kubelet holds through the device plugin (`--kubelet-dir`), reported so Tessera keeps off it. */
  kubeletAllocations?: KubeletAllocationTable;
}

const agentVersion = "0.1.0";

/**
 * The node agent: registers its GPUs, keeps one stream to the scheduler, and converges the host (MIG layout
 * and job processes) to the latest desired state it received, reporting the generation reached. Everything it
 * does is recomputed from the whole desired state, so reconnects and repeated messages are harmless.
 */
export class Agent {
  private readonly targets: SchedulerTargets;
  private readonly state: AgentState;
  private readonly backoff = new Backoff();
  private stream: grpc.ClientDuplexStream<AgentMessage, SchedulerMessage__Output> | undefined;
  private desired: DesiredState__Output | undefined;
  private errors: string[] = [];
  private heartbeat: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private connected = false;
  private reconcileQueued = false;
  /** The GPUs of the jobs this agent started, by executor key. */
  private readonly jobGpus = new Map<string, string[]>();
  /** Log requests being answered, by request id; a timer while following a running job. */
  private readonly logFollowers = new Map<number, NodeJS.Timeout | undefined>();

  constructor(private readonly options: AgentOptions) {
    this.targets = new SchedulerTargets(options.scheduler, {
      ...tokenClientOptions(options.token),
      "grpc.keepalive_time_ms": 10_000,
      "grpc.keepalive_timeout_ms": 5_000,
      ...schedulerReconnectBackoff,
    });
    this.state = new AgentState(options.dataDir);
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

  start(): void {
    this.connect();
  }

  /** Closes the stream; running jobs keep running (a restarted agent adopts them). */
  stop(): void {
    this.stopped = true;
    this.stopLogFollowers();
    clearTimeout(this.reconnectTimer);
    clearInterval(this.heartbeat);
    this.stream?.cancel();
    this.targets.close();
  }

  /** Called by the executor when a job process starts or ends. */
  onJobChange(): void {
    this.queueReconcile();
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
      if (!this.connected) {
        this.connected = true;
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
    stream.write({
      register: {
        node: this.options.node,
        labels: this.options.labels ?? {},
        gpus:
          this.options.vmLauncher?.withIommuGroups(this.options.host.inventory()) ??
          this.options.host.inventory(),
        // The host's CPU and memory, so that jobs asking for them (VM jobs always do) can be placed.
        cpuMillis: availableParallelism() * 1000,
        memoryMib: Math.floor(totalmem() / 2 ** 20),
        generation: this.state.generation,
        agentVersion,
        observed: this.safeObserve(),
        jobs: this.observedJobs(),
      },
    });
    this.restartHeartbeat(this.options.heartbeatMs ?? 2000);
  }

  private onDisconnect(stream: grpc.ClientDuplexStream<AgentMessage, SchedulerMessage__Output>): void {
    if (this.stream !== stream) return;
    this.stream = undefined;
    this.connected = false;
    this.stopLogFollowers();
    clearInterval(this.heartbeat);
    if (this.stopped) return;
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
    for (const gpu of desired.gpus) {
      if (
        layoutMatches(
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
      }
    }
    if (applied) observed = this.safeObserve();
    for (const assignment of desired.assignments) {
      if (executor.get(assignment.jobId, assignment.attempt)) continue;
      const devices = resolveDevices(assignment, observed);
      if (typeof devices === "string") {
        errors.push(`job ${assignment.jobId}: ${devices}`);
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
      this.jobGpus.set(Executor.key(assignment.jobId, assignment.attempt), [...gpus]);
      const launch = {
        jobId: assignment.jobId,
        attempt: assignment.attempt,
        command: assignment.command,
        env: jobEnvironment(assignment.jobId, devices, assignment.env, process.env.PATH ?? "/usr/bin:/bin"),
        workdir: assignment.workdir,
        visibleDevices: devices.map((d) => d.uuid).join(","),
      };
      const pciAddresses = () => {
        const inventory = this.options.host.inventory();
        return devices.map((d) => inventory.find((g) => g.uuid === d.uuid)?.pciBusId ?? d.uuid);
      };
      executor.start(this.options.vmLauncher?.rewrite(launch, assignment.env, pciAddresses) ?? launch);
    }
    this.errors = errors;
    if (errors.length === 0) this.state.reached(desired.generation);
    else this.log(`generation ${desired.generation} not reached: ${errors.join("; ")}`);
    return observed;
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
    this.stream.write({
      report: {
        generation: this.state.generation,
        gpus: observed,
        jobs: this.observedJobs(),
        errors: this.errors,
        kubeletAllocations: (this.options.kubeletAllocations?.current() ?? []).map((a) => ({
          resourceName: a.resourceName,
          kind: a.kind,
          deviceIds: a.deviceIds,
          gpuUuids: a.gpuUuids,
        })),
      },
    });
  }

  private safeObserve(): GpuObserved[] {
    try {
      return this.options.host.observe();
    } catch (err) {
      this.errors = [...this.errors, `cannot read GPU state: ${(err as Error).message}`];
      return [];
    }
  }
}

/** Whether a GPU already has its desired mode and exactly its desired MIG instances. */
function layoutMatches(desired: GpuDesired__Output, observed: GpuObserved | undefined): boolean {
  if (!observed) return false;
  const wantMig = desired.mode === "mig";
  if (Boolean(observed.migEnabled) !== wantMig) return false;
  if (!wantMig) return true;
  const key = (p: { profile?: string; start?: number }) => `${p.profile}@${p.start}`;
  const have = (observed.instances ?? []).map(key).sort();
  const want = desired.mig.map(key).sort();
  return have.length === want.length && have.every((k, i) => k === want[i]);
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
  };
}

/** The device UUIDs an assignment's slices are, on this host now; a string says what is missing. */
function resolveDevices(
  assignment: Assignment__Output,
  observed: readonly GpuObserved[],
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
    } else if (slice.kind === "share") {
      devices.push({
        uuid: slice.gpuUuid,
        share: { milli: slice.shareMilli, memoryMiB: slice.shareMemoryMib },
      });
    } else {
      devices.push({ uuid: slice.gpuUuid });
    }
  }
  return devices;
}
