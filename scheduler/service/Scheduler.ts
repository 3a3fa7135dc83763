import { EventEmitter } from "node:events";
import type { AgentLogChunk__Output } from "../../proto/generated/tessera/v1/AgentLogChunk.ts";
import type { Register__Output } from "../../proto/generated/tessera/v1/Register.ts";
import type { Report__Output } from "../../proto/generated/tessera/v1/Report.ts";
import type { ScorePlugin } from "../engine/ScorePlugin.ts";
import { QueueSubmissionError } from "../queue/JobSubmission.ts";
import { openQueueConfig, type QueueConfig } from "../queue/QueueConfig.ts";
import { SchedulerQueue } from "../queue/SchedulerQueue.ts";
import type { JobRecord, JobSpec } from "../store/JobRecord.ts";
import type { JobStore } from "../store/JobStore.ts";
import { AgentChannel } from "./AgentChannel.ts";
import { AgentReportIntake } from "./AgentReportIntake.ts";
import { ClusterMirror, type GpuLayout } from "./ClusterMirror.ts";
import { FleetFeasibility } from "./FleetFeasibility.ts";
import { activeJobStates, JobLifecycle } from "./JobLifecycle.ts";
import { JobLogs } from "./JobLogs.ts";
import { JobReports } from "./JobReports.ts";
import { LeaseExpiry } from "./LeaseExpiry.ts";
import type { AgentSession, NodeRecord } from "./NodeRecord.ts";
import { NodeRegistry } from "./NodeRegistry.ts";
import {
  anyNodeReady,
  type CycleCarryOver,
  NO_READY_NODE_REASON,
  placementCycle,
  queueJob,
} from "./PlacementCycle.ts";
import { PlacementLoop } from "./PlacementLoop.ts";
import type { SchedulerEvents, SchedulerView } from "./SchedulerView.ts";
import { ServiceError } from "./ServiceError.ts";
import { type Clock, nodeTimers, systemClock, type TimerSource } from "./TimerSource.ts";

export type { GpuLayout } from "./ClusterMirror.ts";

/** What happens to the jobs of a node whose lease expired: placed again elsewhere, or marked Lost. */
export type LostNodePolicy = "requeue" | "fail";

export interface SchedulerOptions {
  store: JobStore;
  /** Builds the engine's score step; called for the live engine and for feasibility checks. */
  policy: () => ScorePlugin;
  leaseMs: number;
  heartbeatMs: number;
  lostNodePolicy: LostNodePolicy;
  /**
   * An agent without contact for this long stops its jobs itself; the jobs of a node whose lease expired are
   * requeued (or failed) only this long after the expiry, so they never run twice at once. Default 5 minutes.
   */
  fencingTimeoutMs?: number;
  /** A node whose agent has been gone this long (after its lease ran out), holding no job, is removed. 24 h. */
  nodeExpiryMs?: number;
  clock?: Clock;
  /** Timers and work measurement; Node's by default, a simulation's own under a simulated clock. */
  timers?: TimerSource;
  log?: (line: string) => void;
  /** Queues, quotas and priority classes (`--queues FILE`); without it every queue is unlimited. */
  queues?: QueueConfig;
  /**
   * Refuse submits (UNAVAILABLE) until `acceptSubmits()`: a process that may still fail to start (its HTTP API,
   * its FinOps tables) must not have acknowledged a job by then.
   */
  holdSubmits?: boolean;
}

export const DEFAULT_FENCING_TIMEOUT_MS = 5 * 60_000;
export const DEFAULT_NODE_EXPIRY_MS = 24 * 3_600_000;

/** How long a placement cycle whose decisions could not be stored waits before it tries again. */
const retryAfterStoreFailureMs = 1000;

/**
 * The scheduler service: composes the job lifecycle, the node registry, the agent channel, the placement loop
 * and the cluster mirror (the engine's view) behind the one API the gRPC and HTTP adapters use. Every job change
 * is durable before anyone outside learns of it.
 */
export class Scheduler implements SchedulerView {
  readonly events = new EventEmitter<SchedulerEvents>();
  /** Admission order, quotas, reservations and preemption in front of the engine. */
  readonly queue: SchedulerQueue;
  private readonly submitsInFlight = new Map<string, Promise<{ job: JobRecord; deduplicated: boolean }>>();
  private readonly clock: Clock;
  private readonly timers: TimerSource;
  private readonly mirror: ClusterMirror;
  private readonly lifecycle: JobLifecycle;
  private readonly reports: JobReports;
  private readonly registry: NodeRegistry;
  private readonly channel: AgentChannel;
  private readonly loop: PlacementLoop;
  private readonly feasibility: FleetFeasibility;
  private readonly logs: JobLogs;
  private readonly leases: LeaseExpiry;
  private readonly agents: AgentReportIntake;
  private readonly leaseTimer;
  private readonly fencingTimeoutMs: number;
  private readonly cycleCarry: CycleCarryOver = { toldNoReadyNode: false };
  /** Submits are taken only while `open`: not while the process is starting, nor once it stops placing. */
  private intake: "starting" | "open" | "closed";

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? systemClock;
    this.timers = options.timers ?? nodeTimers;
    this.fencingTimeoutMs = options.fencingTimeoutMs ?? DEFAULT_FENCING_TIMEOUT_MS;
    this.intake = options.holdSubmits ? "starting" : "open";
    this.events.setMaxListeners(0);
    const log = (line: string) => options.log?.(line);
    this.mirror = new ClusterMirror(options.policy(), log);
    this.queue = new SchedulerQueue(this.mirror.engine, options.queues ?? openQueueConfig);
    this.lifecycle = new JobLifecycle(options.store, this.clock, this.events, (job) =>
      this.mirror.releaseJob(job),
    );
    this.reports = new JobReports(this.lifecycle);
    this.registry = new NodeRegistry(this.clock, options.leaseMs, log);
    this.channel = new AgentChannel(
      this.mirror.engine,
      this.lifecycle,
      {
        heartbeatMs: options.heartbeatMs,
        leaseMs: options.leaseMs,
        fencingTimeoutMs: this.fencingTimeoutMs,
      },
      (name) => this.registry.get(name)?.address ?? "",
      (name) => this.mirror.desiredLayouts(name),
    );
    this.logs = new JobLogs(this.lifecycle, this.registry, this.channel);
    for (const job of this.lifecycle.load()) {
      if (job.state === "Pending") this.mirror.observeArrival(job);
      // Nodes that hold work are expected back within one lease; until then they are NotReady placeholders.
      if (activeJobStates.has(job.state)) for (const a of job.allocations) this.registry.placeholder(a.node);
    }
    // After a restart, agents need up to one lease to come back before the fleet is known again.
    const now = this.clock();
    this.feasibility = new FleetFeasibility(
      options.policy,
      this.lifecycle.restarted ? now + options.leaseMs : now,
    );
    this.leases = new LeaseExpiry(this.registry, this.lifecycle, this.mirror, this.feasibility, this.events, {
      leaseMs: options.leaseMs,
      fencingTimeoutMs: this.fencingTimeoutMs,
      requeue: options.lostNodePolicy === "requeue",
      log,
    });
    this.agents = new AgentReportIntake({
      registry: this.registry,
      lifecycle: this.lifecycle,
      reports: this.reports,
      mirror: this.mirror,
      channel: this.channel,
      feasibility: this.feasibility,
      queue: this.queue,
      events: this.events,
      requestCycle: () => this.loop.request(),
      log,
    });
    this.loop = new PlacementLoop(
      this.clock,
      this.timers,
      async () => {
        const outcome = await placementCycle({
          jobs: this.lifecycle,
          nodes: this.registry,
          mirror: this.mirror,
          queue: this.queue,
          channel: this.channel,
          clock: this.clock,
          timers: this.timers,
          decided: (secondsEach, count) => this.events.emit("decisions", secondsEach, count),
          log,
          carry: this.cycleCarry,
        });
        if (outcome === "undone") this.loop.request(retryAfterStoreFailureMs);
        // Placement heuristics are not monotone: a job judged early in a cycle, before later admissions changed
        // the fleet, may fit now without delaying anyone. Cycles repeat until one starts nothing.
        else if (outcome === "admitted") this.loop.request();
      },
      log,
    );
    this.leaseTimer = this.timers.setInterval(
      () => this.expireLeases(),
      Math.max(50, Math.min(1000, options.leaseMs / 4)),
    );
    this.loop.request();
  }

  // ---- read model ----

  jobs(): Iterable<JobRecord> {
    return this.lifecycle.all();
  }

  /** Jobs not in a final state (Pending, Scheduled, Running). */
  liveJobs(): Iterable<JobRecord> {
    return this.lifecycle.liveJobs();
  }

  job(id: string): JobRecord | undefined {
    return this.lifecycle.get(id);
  }

  /** A job's reason as readers see it: a pending job's with its place in its queue now (not stored: it moves). */
  shownReason(job: JobRecord): string {
    return job.state === "Pending" ? this.queue.shownReason(job.id, job.reason) : job.reason;
  }

  nodes(): Iterable<NodeRecord> {
    return this.registry.all();
  }

  node(name: string): NodeRecord | undefined {
    return this.registry.get(name);
  }

  /** The engine's current mode and MIG layout of each GPU of a node (empty when the node is not schedulable). */
  gpuLayouts(nodeName: string): Map<string, GpuLayout> {
    return this.mirror.gpuLayouts(nodeName);
  }

  // ---- jobs ----

  async submit(spec: JobSpec, clientRequestId: string): Promise<{ job: JobRecord; deduplicated: boolean }> {
    if (this.intake === "starting")
      throw ServiceError.unavailable("the scheduler is still starting; submit again in a moment");
    if (this.intake === "closed")
      throw ServiceError.unavailable("the scheduler is shutting down; submit again once it is back");
    if (clientRequestId) {
      const existing = this.lifecycle.withRequestId(clientRequestId);
      if (existing) return { job: existing, deduplicated: true };
      const inFlight = this.submitsInFlight.get(clientRequestId);
      if (inFlight) return inFlight.then(({ job }) => ({ job, deduplicated: true }));
    }
    const job = this.lifecycle.create(spec, clientRequestId);
    // Stored with the reason the next cycle would give it, so that cycle need not write it again.
    if (!anyNodeReady(this.registry)) job.reason = NO_READY_NODE_REASON;
    this.feasibility.check(job, [...this.registry.all()], this.clock());
    try {
      const view = queueJob(job);
      if (view) this.queue.validate(view);
    } catch (error) {
      if (error instanceof QueueSubmissionError) throw ServiceError.invalid(error.message);
      throw error;
    }
    const durable = this.lifecycle.insert(job).then((result) => {
      if (!result.deduplicated) {
        this.mirror.observeArrival(job);
        this.lifecycle.add(job);
        this.events.emit("job", "created", job);
        this.loop.request();
      }
      return result;
    });
    if (clientRequestId) {
      this.submitsInFlight.set(clientRequestId, durable);
      void durable.finally(() => this.submitsInFlight.delete(clientRequestId)).catch(() => {});
    }
    return durable;
  }

  async cancel(id: string, reason: string): Promise<JobRecord> {
    const job = this.lifecycle.require(id);
    if (this.lifecycle.isFinal(job)) {
      throw ServiceError.precondition(`job ${id} already ended (${job.state}); there is nothing to cancel`);
    }
    const why = reason ? `cancelled: ${reason}` : "cancelled by request";
    if (job.state === "Pending") {
      this.lifecycle.transition(job, "Cancelled", why);
      await this.lifecycle.persist([job]);
      // Its place in line, and capacity reserved for it, go to the others now.
      this.loop.request();
      return job;
    }
    if (this.lifecycle.stopping(job)) return job;
    const nodes = new Set(job.allocations.map((a) => a.node));
    this.lifecycle.requestStop(
      job,
      { cause: "cancel", reason: why },
      `cancel requested (${why}); stopping its process group`,
    );
    await this.lifecycle.persist([job]);
    for (const name of nodes) {
      const node = this.registry.get(name);
      // Where the agent is away, the job (and its slice) ends once the agent confirms the process is gone, or
      // after the fencing timeout, by which the agent has stopped it itself.
      if (node?.session && node.state === "Ready") this.channel.pushDesired(node);
    }
    return job;
  }

  /**
   * Forgets a departed node by hand (`tessera nodes remove`). Refused while its agent is connected, and while jobs
   * still hold slices there (they end, or are requeued after the fencing timeout).
   */
  removeNode(name: string): NodeRecord {
    const node = this.registry.get(name);
    if (!node) throw ServiceError.notFound(`no node "${name}"; list nodes with \`tessera nodes\``);
    if (node.session) {
      throw ServiceError.precondition(
        `node ${name}'s agent is connected: stop the agent on that host first, then remove the node`,
      );
    }
    const jobs = this.lifecycle.activeJobsOn(name);
    if (jobs.length > 0) {
      const shown = jobs.slice(0, 5).map((j) => `${j.id} (${j.state})`);
      throw ServiceError.precondition(
        `node ${name} still holds ${jobs.length} active job(s): ${shown.join(", ")}${jobs.length > 5 ? ", ..." : ""}; ` +
          "cancel them, or wait until they end or are requeued after the fencing timeout",
      );
    }
    this.forget(node, "removed by hand");
    return node;
  }

  requireJob(id: string): JobRecord {
    return this.lifecycle.require(id);
  }

  // ---- agents ----

  /** A new agent stream registered; returns its session. Fences the agent if it is behind. */
  register(msg: Register__Output, connection: Omit<AgentSession, "id">): AgentSession {
    return this.agents.register(msg, connection);
  }

  report(nodeName: string, sessionId: number, received: Report__Output): void {
    this.agents.report(nodeName, sessionId, received);
  }

  /** Streams a job's log (see `JobLogs.open`); returns a function that stops it. */
  openLog(
    id: string,
    follow: boolean,
    onChunk: (data: Buffer) => void,
    onEnd: (error?: string) => void,
    rank?: number,
  ): () => void {
    return this.logs.open(id, follow, onChunk, onEnd, rank);
  }

  /** A piece of a log an agent sends for `openLog`. */
  logChunk(nodeName: string, sessionId: number, chunk: AgentLogChunk__Output): void {
    if (this.registry.current(nodeName, sessionId)) this.channel.logChunk(nodeName, chunk);
  }

  disconnected(nodeName: string, sessionId: number): void {
    this.agents.disconnected(nodeName, sessionId);
  }

  /** Takes submits from now on (see `SchedulerOptions.holdSubmits`). */
  acceptSubmits(): void {
    if (this.intake === "starting") this.intake = "open";
  }

  /**
   * Stops placing and taking submits, while agents may still report: an operator's shutdown calls this before it
   * stops the agents, so that nothing is started on an agent that is going away. What the agents report as they
   * stop (jobs ended, jobs they stopped) is still applied and stored.
   */
  async stopPlacing(): Promise<void> {
    this.intake = "closed";
    await this.loop.close();
  }

  async close(): Promise<void> {
    await this.stopPlacing();
    this.timers.clear(this.leaseTimer);
    for (const node of this.registry.all()) node.session?.close();
  }

  /** Applies lease expiries (see `LeaseExpiry`), then forgets nodes gone for the node expiry. */
  private expireLeases(): void {
    const { changed, toTell } = this.leases.expire(this.clock());
    if (changed.length > 0) {
      void this.lifecycle.persist(changed).then(() => {
        this.agents.tellNodes(toTell);
        this.loop.request();
      });
    }
    const expiryMs = this.options.nodeExpiryMs ?? DEFAULT_NODE_EXPIRY_MS;
    for (const node of this.registry.departed(expiryMs)) {
      if (this.lifecycle.activeJobsOn(node.name).length > 0) continue;
      this.forget(node, `its agent has been gone for the node expiry (${expiryMs} ms)`);
    }
  }

  /** Takes a departed node out of the registry and the engine. */
  private forget(node: NodeRecord, why: string): void {
    this.registry.remove(node);
    this.mirror.dropNode(node);
    this.feasibility.fleetChanged();
    node.state = "NotReady";
    node.reason = `removed: ${why}`;
    this.options.log?.(`node ${node.name}: removed: ${why}`);
    this.events.emit("node", node);
    this.loop.request();
  }
}
