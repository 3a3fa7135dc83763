import { EventEmitter } from "node:events";
import type { AgentLogChunk__Output } from "../../proto/generated/tessera/v1/AgentLogChunk.ts";
import type { JobObserved__Output } from "../../proto/generated/tessera/v1/JobObserved.ts";
import type { Register__Output } from "../../proto/generated/tessera/v1/Register.ts";
import type { Report__Output } from "../../proto/generated/tessera/v1/Report.ts";
import { changesNothing, wholeReport } from "../../proto/tessera/ReportDelta.ts";
import type { ScorePlugin } from "../engine/ScorePlugin.ts";
import { QueueSubmissionError } from "../queue/JobSubmission.ts";
import { openQueueConfig, type QueueConfig } from "../queue/QueueConfig.ts";
import { SchedulerQueue } from "../queue/SchedulerQueue.ts";
import type { JobRecord, JobSpec } from "../store/JobRecord.ts";
import type { JobStore } from "../store/JobStore.ts";
import { AgentChannel } from "./AgentChannel.ts";
import { ClusterMirror, type GpuLayout } from "./ClusterMirror.ts";
import { FleetFeasibility } from "./FleetFeasibility.ts";
import { type OpenMemberLog, openGangLog } from "./GangLog.ts";
import { gangMemberNodes, isGang, noteMemberReport } from "./GangMembers.ts";
import { activeJobStates, JobLifecycle } from "./JobLifecycle.ts";
import { JobReports } from "./JobReports.ts";
import type { AgentSession, NodeRecord } from "./NodeRecord.ts";
import { NodeRegistry } from "./NodeRegistry.ts";
import { placementCycle, queueJob, queueJobs } from "./PlacementCycle.ts";
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
  private readonly leaseTimer;
  private readonly fencingTimeoutMs: number;
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

  /** A new agent stream registered; returns its session id. Fences the agent if it is behind. */
  register(msg: Register__Output, connection: Omit<AgentSession, "id">): AgentSession {
    const { node, session } = this.registry.register(msg, connection);
    this.feasibility.fleetChanged();
    this.mirror.syncNode(node, this.lifecycle.activeJobsOn(node.name));
    const noted = this.noteMemberReports(node.name, msg.jobs);
    const changed = this.reports.apply(node, msg.jobs);
    this.channel.pushDesired(node);
    this.events.emit("node", node);
    void this.lifecycle.persist([...new Set([...changed, ...noted])]).then(() => {
      this.tellNodes(this.reports.takeNodesToTell());
      this.loop.request();
    });
    return session;
  }

  report(nodeName: string, sessionId: number, received: Report__Output): void {
    // A report from a replaced stream is stale: fencing by session.
    const node = this.registry.current(nodeName, sessionId);
    if (!node?.session) return;
    const previous = node.session.lastReport;
    // A heartbeat that changes nothing costs a lease renewal and no more: a fleet sends one per agent per interval.
    if (previous && changesNothing(previous, received)) {
      this.registry.renew(node);
      return;
    }
    if (received.delta && !previous) {
      throw ServiceError.invalid(
        "a delta report needs a whole report before it on the same stream; send one",
      );
    }
    const msg = wholeReport(previous, received);
    node.session.lastReport = msg;
    this.registry.observe(node, msg);
    // A GPU that turned healthy again may let a pending job in.
    if (this.mirror.syncHealth(node)) this.loop.request();
    // Before the job reports: a job refused for a failed layout change must not be placed there again.
    if (this.mirror.syncLayouts(node, this.lifecycle.activeJobsOn(node.name))) {
      this.channel.pushDesired(node);
      this.loop.request();
    }
    if (msg.capabilities) {
      // A finished probe (a VM runtime found or lost) changes what the node can run.
      this.mirror.syncNode(node, this.lifecycle.activeJobsOn(node.name));
      this.feasibility.fleetChanged();
      this.loop.request();
    }
    if (JSON.stringify(msg.kubeletAllocations) !== JSON.stringify(node.kubeletAllocations ?? [])) {
      this.mirror.updateKubeletHolds(node, msg.kubeletAllocations, this.lifecycle.activeJobsOn(node.name));
      // The agent must not converge to a layout without the pod's instance.
      this.channel.pushDesired(node);
      // A released device may let a pending job in.
      this.loop.request();
    }
    const noted = this.noteMemberReports(node.name, msg.jobs);
    const changed = this.reports.apply(node, msg.jobs);
    const onlyNoted = noted.filter((job) => !changed.includes(job));
    if (onlyNoted.length > 0) {
      // Only a member's view changed: the record in memory keeps it, and the job's next write stores it.
      this.lifecycle.persist(onlyNoted).catch((err: unknown) => {
        this.options.log?.(
          `could not store gang member reports: ${err instanceof Error ? err.message : err}`,
        );
      });
    }
    // A job that started may have replaced its borrowing reason; one that ended may end another's borrowing.
    if (changed.length > 0) {
      this.queue.reconcile(queueJobs(this.lifecycle));
      for (const job of this.lifecycle.noteBorrowing(this.queue.borrowing())) {
        if (!changed.includes(job)) changed.push(job);
      }
    }
    this.events.emit("node", node);
    if (changed.length > 0) {
      void this.lifecycle.persist(changed).then(() => {
        this.channel.pushDesired(node);
        this.tellNodes(this.reports.takeNodesToTell());
        this.loop.request();
      });
    }
  }

  /**
   * Streams a job's log from the agent of its node: `onChunk` per piece, then `onEnd` (with a reason when it
   * ended early). A gang's log is every member's, each line prefixed with its rank; `rank` asks for one member's
   * as it is. Returns a function that stops it.
   */
  openLog(
    id: string,
    follow: boolean,
    onChunk: (data: Buffer) => void,
    onEnd: (error?: string) => void,
    rank?: number,
  ): () => void {
    const job = this.lifecycle.require(id);
    if (isGang(job)) return this.openGangLog(job, follow, onChunk, onEnd, rank);
    if (rank !== undefined && rank !== 0) {
      throw ServiceError.invalid(`job ${id} is not a gang: it has rank 0 only; leave out the rank`);
    }
    const nodeName = job.logNode || (activeJobStates.has(job.state) ? (job.allocations[0]?.node ?? "") : "");
    if (!nodeName || job.attempt === 0) {
      throw ServiceError.precondition(`job ${id} has no output yet (${job.state}: ${job.reason})`);
    }
    return this.channel.openLog(job, this.registry.get(nodeName), nodeName, follow, onChunk, onEnd);
  }

  private openGangLog(
    job: JobRecord,
    follow: boolean,
    onChunk: (data: Buffer) => void,
    onEnd: (error?: string) => void,
    rank: number | undefined,
  ): () => void {
    const size = job.spec.request.shape.kind === "gang" ? job.spec.request.shape.nodes : 1;
    if (rank !== undefined && rank >= size) {
      throw ServiceError.invalid(`job ${job.id} is a gang of ${size}: its ranks are 0..${size - 1}`);
    }
    const nodes = gangMemberNodes(job);
    if (nodes.length === 0 || job.attempt === 0) {
      throw ServiceError.precondition(`job ${job.id} has no output yet (${job.state}: ${job.reason})`);
    }
    const openMember: OpenMemberLog = (node, chunk, end) =>
      this.channel.openLog(job, this.registry.get(node), node, follow, chunk, end);
    if (rank !== undefined) return openMember(nodes[rank]!, onChunk, onEnd);
    return openGangLog(
      nodes.map((node, r) => ({ rank: r, node })),
      openMember,
      onChunk,
      onEnd,
    );
  }

  /** Keeps what an agent says of its gang members (for `tessera job`); returns the jobs that changed. */
  private noteMemberReports(nodeName: string, reports: readonly JobObserved__Output[]): JobRecord[] {
    const changed: JobRecord[] = [];
    for (const r of reports) {
      const job = this.lifecycle.get(r.jobId);
      if (job && noteMemberReport(job, nodeName, r)) changed.push(job);
    }
    return changed;
  }

  /** A piece of a log an agent sends for `openLog`. */
  logChunk(nodeName: string, sessionId: number, chunk: AgentLogChunk__Output): void {
    if (this.registry.current(nodeName, sessionId)) this.channel.logChunk(nodeName, chunk);
  }

  disconnected(nodeName: string, sessionId: number): void {
    const node = this.registry.current(nodeName, sessionId);
    if (!node) return;
    this.channel.endLogsOf(nodeName);
    this.registry.disconnected(node);
    // No new work goes to a node without a connected agent; its jobs keep their slices.
    this.mirror.detachNode(node, this.lifecycle.activeJobsOn(node.name));
    this.feasibility.fleetChanged();
    this.events.emit("node", node);
    this.loop.request();
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

  /**
   * Marks nodes whose lease ran out NotReady (no new work goes there). Their jobs are requeued or failed by policy
   * only once the fencing timeout has passed since the expiry: by then the agent, if it is alive, has stopped them
   * itself (it stops its jobs after that long without contact), so a job never runs twice at once.
   */
  private expireLeases(): void {
    const now = this.clock();
    const changed: JobRecord[] = [];
    const toTell = new Set<string>();
    const requeue = this.options.lostNodePolicy === "requeue";
    for (const node of this.registry.expired((n) => this.lifecycle.activeJobsOn(n.name).length > 0)) {
      const jobs = this.lifecycle.activeJobsOn(node.name);
      if (node.state !== "NotReady" || node.inEngine) {
        this.registry.markLost(node);
        this.mirror.detachNode(node, jobs);
        this.feasibility.fleetChanged();
        this.options.log?.(
          `node ${node.name}: ${node.reason}; its ${jobs.length} job(s) are ${requeue ? "requeued" : "lost"} after the fencing timeout (${this.fencingTimeoutMs} ms) unless its agent returns`,
        );
        this.events.emit("node", node);
      }
      if (jobs.length === 0 || node.leaseExpiresMs + this.fencingTimeoutMs > now) continue;
      const silence = `no contact for the lease and the fencing timeout (${this.options.leaseMs + this.fencingTimeoutMs} ms), so its agent has stopped its jobs`;
      // A gang's job waits here until its other members have stopped too: count each job once.
      const lost = jobs.filter((job) => {
        // Other members of a gang stop too (read before the job may be requeued and let go of them).
        const members = gangMemberNodes(job);
        if (!this.lifecycle.lose(job, node.name, silence, requeue)) return false;
        for (const member of members) if (member !== node.name) toTell.add(member);
        return true;
      });
      if (lost.length === 0) continue;
      changed.push(...lost);
      this.options.log?.(
        `node ${node.name}: ${silence}; ${lost.length} job(s) ${requeue ? "requeued" : "lost"} once every member has stopped`,
      );
    }
    if (changed.length > 0) {
      void this.lifecycle.persist(changed).then(() => {
        this.tellNodes(toTell);
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

  /** Sends nodes their desired state after a job change that concerns them (other members of a gang). */
  private tellNodes(names: Iterable<string>): void {
    for (const name of names) {
      const node = this.registry.get(name);
      if (node) this.channel.pushDesired(node);
    }
  }
}
