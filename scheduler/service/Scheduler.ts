import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { AgentLogChunk__Output } from "../../proto/generated/tessera/v1/AgentLogChunk.ts";
import type { Assignment } from "../../proto/generated/tessera/v1/Assignment.ts";
import type { JobObserved__Output } from "../../proto/generated/tessera/v1/JobObserved.ts";
import type { JobStop } from "../../proto/generated/tessera/v1/JobStop.ts";
import type { Register__Output } from "../../proto/generated/tessera/v1/Register.ts";
import type { Report__Output } from "../../proto/generated/tessera/v1/Report.ts";
import { vmAssignmentEnv } from "../../proto/tessera/VmJobWire.ts";
import type { GpuAssignment } from "../engine/Placement.ts";
import { PlacementEngine } from "../engine/PlacementEngine.ts";
import type { ScorePlugin } from "../engine/ScorePlugin.ts";
import { openQueueConfig, type QueueConfig } from "../queue/QueueConfig.ts";
import { QueueSubmissionError } from "../queue/QueueManager.ts";
import {
  PREEMPTION_REASON_PREFIX,
  SchedulerQueue,
  type ServiceJob,
  serviceJob,
} from "../queue/SchedulerQueue.ts";
import { finalJobStates, type JobRecord, type JobSpec, type JobState } from "../store/JobRecord.ts";
import type { JobStore } from "../store/JobStore.ts";
import {
  adoptedPlacements,
  allocationIds,
  desiredGpus,
  engineRequest,
  nodeSpec,
  sliceAllocations,
} from "./EngineBridge.ts";
import type { AgentSession, NodeRecord } from "./NodeRecord.ts";
import { pendingReason } from "./PendingReason.ts";
import type { JobEventType, SchedulerView } from "./SchedulerView.ts";
import { ServiceError } from "./ServiceError.ts";

/** One GPU as the engine holds it now: sharing mode and every MIG instance (free ones included). */
export interface GpuLayout {
  mode: "whole" | "mig" | "shared";
  mig: Array<{ profile: string; start: number; computeSlices: number }>;
}

interface LogStream {
  node: string;
  onChunk(data: Buffer): void;
  onEnd(error?: string): void;
}

/** What happens to the jobs of a node whose lease expired: placed again elsewhere, or marked Lost. */
export type LostNodePolicy = "requeue" | "fail";

export interface SchedulerOptions {
  store: JobStore;
  /** Builds the engine's score step; called for the live engine and for feasibility checks. */
  policy: () => ScorePlugin;
  leaseMs: number;
  heartbeatMs: number;
  lostNodePolicy: LostNodePolicy;
  clock?: () => number;
  log?: (line: string) => void;
  /** Queues, quotas and priority classes (`--queues FILE`); without it every queue is unlimited. */
  queues?: QueueConfig;
}

const minCycleIntervalMs = 20;

const activeStates: ReadonlySet<JobState> = new Set(["Scheduled", "Running"]);

/** The start of an admitted job's reason while it runs on capacity borrowed from another queue's quota. */
const BORROWED_REASON_PREFIX = "admitted to queue";

/** The end of a preempted job's reason; it carries the grace the agent gives it (kept across restarts). */
const PREEMPTION_GRACE_SUFFIX = /; graceful stop with (\d+)s grace$/;

/** A preempted job's grace between SIGTERM and SIGKILL; undefined for other stops (the agent's default). */
function preemptionGraceSeconds(job: JobRecord): number | undefined {
  if (!job.reason.startsWith(PREEMPTION_REASON_PREFIX)) return undefined;
  const grace = PREEMPTION_GRACE_SUFFIX.exec(job.reason)?.[1];
  return grace === undefined ? undefined : Number(grace);
}

/**
 * The scheduler: jobs, nodes and their leases, the placement cycle (through the placement engine only), and the
 * desired state of each node. Every job change is durable before anyone outside learns of it.
 */
export class Scheduler implements SchedulerView {
  readonly events = new EventEmitter<{
    job: [JobEventType, JobRecord];
    node: [NodeRecord];
    decisions: [secondsEach: number, count: number];
  }>();
  private readonly jobsById = new Map<string, JobRecord>();
  private readonly jobByRequest = new Map<string, string>();
  private readonly submitsInFlight = new Map<string, Promise<{ job: JobRecord; deduplicated: boolean }>>();
  private readonly nodesByName = new Map<string, NodeRecord>();
  /** Jobs that were asked to stop (cancel) and the generation whose desired state no longer holds them. */
  private readonly stopping = new Map<string, number>();
  /** Gang jobs: the nodes whose member process already exited with success. */
  private readonly gangMembersDone = new Map<string, Set<string>>();
  private readonly engine: PlacementEngine;
  /** Admission order, quotas, reservations and preemption in front of the engine. */
  readonly queue: SchedulerQueue;
  private readonly clock: () => number;
  private seq: number;
  private sessionSeq = 0;
  /** Bumped by every job state change; `activeByNode` is valid for `activeByNodeVersion`. */
  private stateVersion = 0;
  private activeByNodeVersion = -1;
  private readonly activeByNode = new Map<string, JobRecord[]>();
  /** Log streams waiting on agents, by request id. */
  private readonly logStreams = new Map<number, LogStream>();
  private logSeq = 0;
  private cycleQueued = false;
  private lastCycleMs = 0;
  /** CPU time of the synchronous part of the last cycle (deciding; not the store commit it waits for). */
  private lastCycleCostMs = 0;
  private cycleRunning: Promise<void> | undefined;
  private readonly leaseTimer: NodeJS.Timeout;
  private closed = false;
  /** The fleet with nothing allocated, for "could this ever fit" checks; rebuilt when a node registers. */
  private emptyFleet: PlacementEngine | undefined;
  private readonly fleetKnownAfterMs: number;

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? Date.now;
    this.engine = new PlacementEngine({ nodes: [] }, { policy: options.policy() });
    this.queue = new SchedulerQueue(this.engine, options.queues ?? openQueueConfig);
    this.events.setMaxListeners(0);
    const now = this.clock();
    for (const job of options.store.loadAll()) {
      this.jobsById.set(job.id, job);
      if (job.clientRequestId) this.jobByRequest.set(job.clientRequestId, job.id);
      if (job.state === "Pending") this.observeArrival(job);
      // Nodes that hold work are expected back within one lease; until then they are NotReady placeholders.
      if (activeStates.has(job.state)) {
        for (const a of job.allocations) this.placeholderNode(a.node, now);
        if (job.reason.startsWith("cancel requested") || job.reason.startsWith(PREEMPTION_REASON_PREFIX)) {
          this.stopping.set(job.id, 0);
        }
      }
    }
    this.seq = options.store.maxSeq();
    // After a restart, agents need up to one lease to come back before the fleet is known again.
    this.fleetKnownAfterMs = this.seq > 0 ? now + options.leaseMs : now;
    this.leaseTimer = setInterval(
      () => this.expireLeases(),
      Math.max(50, Math.min(1000, options.leaseMs / 4)),
    );
    this.leaseTimer.unref();
    this.queueCycle();
  }

  // ---- read model ----

  jobs(): Iterable<JobRecord> {
    return this.jobsById.values();
  }

  job(id: string): JobRecord | undefined {
    return this.jobsById.get(id);
  }

  nodes(): Iterable<NodeRecord> {
    return this.nodesByName.values();
  }

  node(name: string): NodeRecord | undefined {
    return this.nodesByName.get(name);
  }

  /** The engine's current mode and MIG layout of each GPU of a node (empty when the node is not schedulable). */
  gpuLayouts(nodeName: string): Map<string, GpuLayout> {
    const out = new Map<string, GpuLayout>();
    for (const g of this.engine.node(nodeName)?.gpus ?? []) {
      out.set(g.uuid, {
        mode: g.mode,
        mig: g.mig.map((i) => ({
          profile: i.profile.name,
          start: i.start,
          computeSlices: i.profile.computeSlices,
        })),
      });
    }
    return out;
  }

  // ---- jobs ----

  async submit(spec: JobSpec, clientRequestId: string): Promise<{ job: JobRecord; deduplicated: boolean }> {
    if (this.closed)
      throw ServiceError.precondition("the scheduler is shutting down; retry against its successor");
    if (clientRequestId) {
      const existing = this.jobByRequest.get(clientRequestId);
      if (existing) return { job: this.jobsById.get(existing)!, deduplicated: true };
      const inFlight = this.submitsInFlight.get(clientRequestId);
      if (inFlight) return inFlight.then(({ job }) => ({ job, deduplicated: true }));
    }
    const now = this.clock();
    const job: JobRecord = {
      id: `j-${randomUUID().slice(0, 13).replace("-", "")}`,
      seq: ++this.seq,
      clientRequestId,
      spec,
      state: "Pending",
      reason: "queued; waiting for the next scheduling cycle",
      allocations: [],
      attempt: 0,
      exitCode: null,
      logNode: "",
      logPath: "",
      startedMs: 0,
      finishedMs: 0,
      visibleDevices: "",
      createdMs: now,
      updatedMs: now,
      transitions: [{ from: "", to: "Pending", atMs: now, reason: "submitted" }],
    };
    this.checkFleetCouldHold(job);
    try {
      const view = this.queueJob(job);
      if (view) this.queue.validate(view);
    } catch (error) {
      if (error instanceof QueueSubmissionError) throw ServiceError.invalid(error.message);
      throw error;
    }
    const durable = this.options.store.insert(job).then((result) => {
      if (!result.deduplicated) {
        this.observeArrival(job);
        this.jobsById.set(job.id, job);
        if (clientRequestId) this.jobByRequest.set(clientRequestId, job.id);
        this.events.emit("job", "created", job);
        this.queueCycle();
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
    const job = this.requireJob(id);
    if (finalJobStates.has(job.state)) {
      throw ServiceError.precondition(`job ${id} already ended (${job.state}); there is nothing to cancel`);
    }
    const why = reason ? `cancelled: ${reason}` : "cancelled by request";
    if (job.state === "Pending") {
      this.transition(job, "Cancelled", why);
      await this.persist([job]);
      return job;
    }
    if (this.stopping.has(job.id)) return job;
    const nodes = new Set(job.allocations.map((a) => a.node));
    job.reason = `cancel requested (${why}); stopping its process group`;
    job.updatedMs = this.clock();
    this.stopping.set(job.id, 0);
    await this.persist([job]);
    for (const name of nodes) {
      const node = this.nodesByName.get(name);
      if (node?.session && node.state === "Ready") {
        this.stopping.set(job.id, this.pushDesired(node));
      } else {
        // Nobody runs it where its agent is gone: it is over now.
        this.finishStopped(job);
      }
    }
    return job;
  }

  requireJob(id: string): JobRecord {
    const job = this.jobsById.get(id);
    if (!job) throw ServiceError.notFound(`no job "${id}"; list jobs with \`tessera jobs\``);
    return job;
  }

  // ---- agents ----

  /** A new agent stream registered; returns its session id. Fences the agent if it is behind. */
  register(msg: Register__Output, connection: Omit<AgentSession, "id">): AgentSession {
    const now = this.clock();
    const session: AgentSession = { ...connection, id: ++this.sessionSeq };
    let node = this.nodesByName.get(msg.node);
    if (node?.session) node.session.close();
    if (!node) {
      node = this.placeholderNode(msg.node, now);
    }
    if (msg.generation < node.generation) {
      this.log(`node ${msg.node}: agent at generation ${msg.generation} < ${node.generation}: fenced`);
    }
    node.session = session;
    this.emptyFleet = undefined;
    node.labels = msg.labels;
    node.cpuMillis = msg.cpuMillis;
    node.memoryMiB = msg.memoryMib;
    node.gpus = msg.gpus;
    node.observed = msg.observed;
    node.generation = Math.max(node.generation, msg.generation);
    node.generationReached = msg.generation;
    node.state = "Ready";
    node.reason = "agent connected";
    node.leaseRenewedMs = now;
    node.leaseExpiresMs = now + this.options.leaseMs;
    this.rebuildEngineNode(node);
    const changed = this.applyJobReports(node, msg.jobs);
    this.pushDesired(node);
    this.events.emit("node", node);
    void this.persist(changed).then(() => this.queueCycle());
    return session;
  }

  report(nodeName: string, sessionId: number, msg: Report__Output): void {
    const node = this.nodesByName.get(nodeName);
    // A report from a replaced stream is stale: fencing by session.
    if (!node || node.session?.id !== sessionId) return;
    const now = this.clock();
    node.leaseRenewedMs = now;
    node.leaseExpiresMs = now + this.options.leaseMs;
    node.observed = msg.gpus;
    node.generationReached = msg.generation;
    node.errors = msg.errors;
    if (JSON.stringify(msg.kubeletAllocations) !== JSON.stringify(node.kubeletAllocations ?? [])) {
      this.releaseKubeletHolds(node);
      node.kubeletAllocations = msg.kubeletAllocations;
      // Rebuilt from what the agent observes, so a MIG instance a pod holds is in the engine's layout (a free
      // instance the engine had dropped, or one made by another tool); the rebuild commits the holds.
      if (node.inEngine) {
        this.rebuildEngineNode(node);
        // The agent must not converge to a layout without the pod's instance.
        this.pushDesired(node);
      }
      // A released device may let a pending job in.
      this.queueCycle();
    }
    const changed = this.applyJobReports(node, msg.jobs);
    // A job that started may have replaced its borrowing reason; one that ended may end another's borrowing.
    if (changed.length > 0) {
      this.queue.reconcile(this.queueJobs());
      for (const job of this.noteBorrowing()) if (!changed.includes(job)) changed.push(job);
    }
    this.events.emit("node", node);
    if (changed.length > 0) {
      void this.persist(changed).then(() => {
        this.pushDesired(node);
        this.queueCycle();
      });
    }
  }

  /**
   * Streams a job's log from the agent of its node: `onChunk` per piece, then `onEnd` (with a reason when it
   * ended early). Returns a function that stops it.
   */
  openLog(
    id: string,
    follow: boolean,
    onChunk: (data: Buffer) => void,
    onEnd: (error?: string) => void,
  ): () => void {
    const job = this.requireJob(id);
    const nodeName = job.logNode || (activeStates.has(job.state) ? (job.allocations[0]?.node ?? "") : "");
    if (!nodeName || job.attempt === 0) {
      throw ServiceError.precondition(`job ${id} has no output yet (${job.state}: ${job.reason})`);
    }
    const node = this.nodesByName.get(nodeName);
    const session = node?.session;
    if (!session) {
      throw ServiceError.precondition(
        `the log of job ${id} is on node ${nodeName}, whose agent is not connected (${node?.state ?? "unknown node"}); ` +
          `on that node it is ${job.logPath || "in the agent's data directory"}`,
      );
    }
    const requestId = ++this.logSeq;
    this.logStreams.set(requestId, { node: nodeName, onChunk, onEnd });
    session.send({ logRequest: { requestId, jobId: id, attempt: job.attempt, offset: 0, follow } });
    return () => {
      if (this.logStreams.delete(requestId)) session.send({ logRequest: { requestId, cancel: true } });
    };
  }

  /** A piece of a log an agent sends for `openLog`. */
  logChunk(nodeName: string, sessionId: number, chunk: AgentLogChunk__Output): void {
    const node = this.nodesByName.get(nodeName);
    const stream = this.logStreams.get(chunk.requestId);
    if (!stream || stream.node !== nodeName || node?.session?.id !== sessionId) return;
    if (chunk.data.length > 0) stream.onChunk(chunk.data);
    if (chunk.eof) {
      this.logStreams.delete(chunk.requestId);
      stream.onEnd(chunk.error || undefined);
    }
  }

  disconnected(nodeName: string, sessionId: number): void {
    const node = this.nodesByName.get(nodeName);
    if (!node || node.session?.id !== sessionId) return;
    for (const [id, stream] of this.logStreams) {
      if (stream.node !== nodeName) continue;
      this.logStreams.delete(id);
      stream.onEnd(`the agent of node ${nodeName} disconnected`);
    }
    node.session = undefined;
    node.reason = "agent stream closed; waiting for it to reconnect before the lease expires";
    this.events.emit("node", node);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.leaseTimer);
    await this.cycleRunning;
    for (const node of this.nodesByName.values()) node.session?.close();
  }

  // ---- internals ----

  /** The policy learns the workload from arrivals (what FGD-style scoring expects next). */
  private observeArrival(job: JobRecord): void {
    const req = engineRequest(job);
    for (const r of req.gang ? req.request.members : [req.request]) this.engine.observe(r);
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  private placeholderNode(name: string, now: number): NodeRecord {
    let node = this.nodesByName.get(name);
    if (node) return node;
    node = {
      name,
      state: "NotReady",
      reason: "waiting for its agent to register",
      labels: {},
      cpuMillis: 0,
      memoryMiB: 0,
      gpus: [],
      observed: [],
      generation: 0,
      generationReached: 0,
      leaseRenewedMs: now,
      leaseExpiresMs: now + this.options.leaseMs,
      errors: [],
      session: undefined,
      inEngine: false,
    };
    this.nodesByName.set(name, node);
    return node;
  }

  /** Scheduled and Running jobs holding slices on a node; from an index rebuilt after job state changes. */
  private activeJobsOn(nodeName: string): JobRecord[] {
    if (this.activeByNodeVersion !== this.stateVersion) {
      this.activeByNode.clear();
      for (const job of this.jobsById.values()) {
        if (!activeStates.has(job.state)) continue;
        for (const node of new Set(job.allocations.map((a) => a.node))) {
          const list = this.activeByNode.get(node);
          if (list) list.push(job);
          else this.activeByNode.set(node, [job]);
        }
      }
      this.activeByNodeVersion = this.stateVersion;
    }
    return [...(this.activeByNode.get(nodeName) ?? [])];
  }

  /** Re-creates a node in the engine from its latest inventory, with the allocations of the jobs it holds. */
  private rebuildEngineNode(node: NodeRecord): void {
    const jobs = this.activeJobsOn(node.name);
    if (node.inEngine) {
      for (const job of jobs) this.releaseOn(job, node.name);
      this.releaseKubeletHolds(node);
      this.engine.removeNode(node.name);
      node.inEngine = false;
    }
    const held = jobs.flatMap((j) => j.allocations.filter((a) => a.node === node.name));
    this.engine.addNode(
      nodeSpec(node.name, node.labels, node.cpuMillis, node.memoryMiB, node.gpus, node.observed, held),
    );
    node.inEngine = true;
    for (const job of jobs) {
      for (const p of adoptedPlacements(job, node.name)) {
        try {
          this.engine.commit(p);
        } catch (err) {
          this.log(`node ${node.name}: cannot adopt job ${job.id}: ${(err as Error).message}`);
        }
      }
    }
    this.commitKubeletHolds(node);
  }

  /**
   * Takes what pods hold in the engine, so no Tessera job is placed there: a MIG instance by its position, any
   * other device (whole GPU, share replica, VFIO) as its whole GPU.
   */
  private commitKubeletHolds(node: NodeRecord): void {
    if (!node.inEngine) return;
    const engineNode = this.engine.node(node.name);
    for (const [n, held] of (node.kubeletAllocations ?? []).entries()) {
      const gpus: GpuAssignment[] = [];
      for (const uuid of held.gpuUuids) {
        const gpu = engineNode?.gpus.find((g) => g.uuid === uuid);
        if (!gpu) continue;
        if (held.kind !== "mig") {
          gpus.push({ kind: "whole", gpuIndex: gpu.index, gpuUuid: uuid });
          continue;
        }
        // MIG devices are instance UUIDs: find each among the instances the agent observes on this GPU.
        const observed = node.observed.find((o) => o.uuid === uuid)?.instances ?? [];
        for (const instance of observed.filter((i) => held.deviceIds.includes(i.uuid))) {
          if (!gpu.mig.some((i) => i.start === instance.start && i.profile.name === instance.profile))
            continue;
          gpus.push({
            kind: "mig",
            gpuIndex: gpu.index,
            gpuUuid: uuid,
            profile: instance.profile,
            start: instance.start,
            action: "reuse",
          });
        }
      }
      if (gpus.length === 0) continue;
      try {
        this.engine.commit({
          requestId: kubeletHoldId(node.name, n),
          node: node.name,
          cpuMilli: 0,
          memoryMiB: 0,
          gpus,
          score: 0,
        });
      } catch (err) {
        this.log(
          `node ${node.name}: pods hold ${held.deviceIds.join(", ")} (${held.resourceName}), which a Tessera job holds too: ${(err as Error).message}`,
        );
      }
    }
  }

  private releaseKubeletHolds(node: NodeRecord): void {
    for (const n of (node.kubeletAllocations ?? []).keys()) {
      const id = kubeletHoldId(node.name, n);
      if (this.engine.allocation(id)) this.engine.release(id);
    }
  }

  private releaseOn(job: JobRecord, nodeName: string): void {
    for (const id of allocationIds(job)) {
      const p = this.engine.allocation(id);
      if (p && p.node === nodeName) this.engine.release(id);
    }
  }

  private releaseAll(job: JobRecord): void {
    for (const id of allocationIds(job)) if (this.engine.allocation(id)) this.engine.release(id);
  }

  /** Applies what an agent says about its job processes; returns the jobs that changed. */
  private applyJobReports(node: NodeRecord, reports: readonly JobObserved__Output[]): JobRecord[] {
    const changed: JobRecord[] = [];
    const reported = new Set<string>();
    for (const r of reports) {
      const job = this.jobsById.get(r.jobId);
      // Reports of an older attempt (the job was requeued elsewhere) or of another node are ignored: fenced.
      if (!job || job.attempt !== r.attempt || !job.allocations.some((a) => a.node === node.name)) continue;
      if (!activeStates.has(job.state)) continue;
      reported.add(job.id);
      if (r.state === "running") {
        if (this.refreshMigUuids(job, node)) changed.push(job);
        if (job.state === "Scheduled") {
          job.logNode = node.name;
          job.logPath = r.logPath;
          job.startedMs = r.startedUnixMs;
          job.visibleDevices = r.visibleDevices;
          this.transition(
            job,
            "Running",
            `started on ${node.name} (pid ${r.pid}, CUDA_VISIBLE_DEVICES=${r.visibleDevices})`,
          );
          if (!changed.includes(job)) changed.push(job);
        }
        continue;
      }
      const succeeded = r.state === "exited" && r.exitCode === 0 && !r.signal;
      // A gang has one process per node: it succeeds once every member has, and holds all its slices until then.
      const members = new Set(job.allocations.map((a) => a.node));
      if (members.size > 1 && succeeded && !this.stopping.has(job.id)) {
        const done = this.gangMembersDone.get(job.id) ?? new Set<string>();
        done.add(node.name);
        this.gangMembersDone.set(job.id, done);
        if (done.size < members.size) continue;
      }
      this.gangMembersDone.delete(job.id);
      job.logNode = node.name;
      job.logPath = r.logPath;
      job.startedMs = job.startedMs ? Math.min(job.startedMs, r.startedUnixMs) : r.startedUnixMs;
      job.finishedMs = Math.max(job.finishedMs, r.finishedUnixMs);
      job.visibleDevices = r.visibleDevices;
      job.exitCode = r.exitCode;
      if (this.stopping.has(job.id)) {
        this.finishStopped(job);
      } else if (r.state === "failed_to_start") {
        this.endJob(job, "Failed", `could not start on ${node.name}: ${r.message}`);
      } else if (succeeded) {
        this.endJob(
          job,
          "Succeeded",
          members.size > 1 ? `all ${members.size} members exited with code 0` : "exited with code 0",
        );
      } else {
        this.endJob(
          job,
          "Failed",
          r.signal
            ? `killed by ${r.signal}`
            : `exited with code ${r.exitCode}${r.message ? ` (${r.message})` : ""}`,
        );
      }
      if (!changed.includes(job)) changed.push(job);
    }
    // A stopped job the agent no longer runs, once the agent reached the generation without it, is over.
    for (const [id, generation] of this.stopping) {
      const job = this.jobsById.get(id);
      if (!job || reported.has(id) || generation === 0 || node.generationReached < generation) continue;
      if (!job.allocations.some((a) => a.node === node.name)) continue;
      this.finishStopped(job);
      changed.push(job);
    }
    return changed;
  }

  private refreshMigUuids(job: JobRecord, node: NodeRecord): boolean {
    let changed = false;
    for (const a of job.allocations) {
      if (a.node !== node.name || a.kind !== "mig") continue;
      const gpu = node.observed.find((g) => g.uuid === a.gpuUuid);
      const inst = gpu?.instances.find((i) => i.start === a.migStart && i.profile === a.migProfile);
      if (inst?.uuid && inst.uuid !== a.migUuid) {
        a.migUuid = inst.uuid;
        changed = true;
      }
    }
    return changed;
  }

  private finishStopped(job: JobRecord): void {
    this.stopping.delete(job.id);
    if (job.reason.startsWith(PREEMPTION_REASON_PREFIX)) {
      const why = job.reason.replace(PREEMPTION_GRACE_SUFFIX, "");
      this.endJob(job, "Preempted", why);
      if (job.spec.requeueOnPreemption) {
        job.allocations = [];
        this.transition(job, "Pending", `requeued after it was preempted (${why})`);
      }
      return;
    }
    this.endJob(
      job,
      "Cancelled",
      job.reason.replace(/^cancel requested \((.*)\); stopping its process group$/, "$1"),
    );
  }

  private endJob(job: JobRecord, state: JobState, reason: string): void {
    this.releaseAll(job);
    this.transition(job, state, reason);
  }

  private transition(job: JobRecord, to: JobState, reason: string): void {
    // Allocations only change together with a state change, so this also invalidates the per-node index.
    this.stateVersion++;
    const now = this.clock();
    job.transitions.push({ from: job.state, to, atMs: now, reason });
    job.state = to;
    job.reason = reason;
    job.updatedMs = now;
  }

  private async persist(jobs: readonly JobRecord[]): Promise<void> {
    if (jobs.length === 0) return;
    // Announce each job as it was stored: while the write waits for its commit, the job may move on (a short job
    // can reach Succeeded before its Running is durable), and watchers must still see every state once.
    const stored = jobs.map((job) => structuredClone(job));
    await this.options.store.update(jobs);
    for (const job of stored) this.events.emit("job", "updated", job);
  }

  /**
   * `tessera job ID` says whether an admitted job runs on borrowed capacity and whose quota that is: the job's
   * reason says so while it borrows. Needs the queue reconciled to the jobs; returns the jobs it changed.
   */
  private noteBorrowing(): JobRecord[] {
    const borrowing = this.queue.borrowing();
    const changed: JobRecord[] = [];
    for (const job of this.jobsById.values()) {
      if (!activeStates.has(job.state) || this.stopping.has(job.id)) continue;
      const borrowedFrom = borrowing.get(job.id);
      let reason = job.reason;
      if (borrowedFrom !== undefined) reason = `${BORROWED_REASON_PREFIX} ${job.spec.queue} ${borrowedFrom}`;
      else if (job.reason.startsWith(BORROWED_REASON_PREFIX)) {
        reason = `${BORROWED_REASON_PREFIX} ${job.spec.queue}; within its own quota now (no longer borrowing)`;
      }
      if (reason === job.reason) continue;
      job.reason = reason;
      job.updatedMs = this.clock();
      changed.push(job);
    }
    return changed;
  }

  /** Sends a node its whole desired state under a new generation; returns that generation. */
  private pushDesired(node: NodeRecord): number {
    if (!node.session || !node.inEngine) return node.generation;
    const engineNode = this.engine.node(node.name);
    if (!engineNode) return node.generation;
    node.generation++;
    const assignments: Assignment[] = [];
    const stops: JobStop[] = [];
    for (const job of this.activeJobsOn(node.name)) {
      if (this.stopping.has(job.id)) {
        // From this generation on, the agent's desired state no longer holds the job.
        if (this.stopping.get(job.id) === 0) this.stopping.set(job.id, node.generation);
        const graceSeconds = preemptionGraceSeconds(job);
        if (graceSeconds !== undefined) stops.push({ jobId: job.id, attempt: job.attempt, graceSeconds });
        continue;
      }
      assignments.push({
        jobId: job.id,
        attempt: job.attempt,
        command: job.spec.command,
        env: job.spec.kind === "vm" ? vmAssignmentEnv(job.spec.env, job.spec.request) : job.spec.env,
        workdir: job.spec.workdir,
        slices: job.allocations
          .filter((a) => a.node === node.name && a.kind !== "none")
          .map((a) => ({
            gpuUuid: a.gpuUuid,
            kind: a.kind,
            migProfile: a.migProfile,
            migStart: a.migStart,
            shareMilli: a.shareMilli,
            shareMemoryMib: a.shareMemoryMiB,
          })),
      });
    }
    node.session.send({
      desired: {
        generation: node.generation,
        gpus: desiredGpus(engineNode),
        assignments,
        heartbeatMs: this.options.heartbeatMs,
        leaseMs: this.options.leaseMs,
        stops,
      },
    });
    return node.generation;
  }

  /** Refuses a request that no node of the fleet could hold even if it were empty. */
  private checkFleetCouldHold(job: JobRecord): void {
    const nodes = [...this.nodesByName.values()].filter((n) => n.gpus.length > 0);
    // Until every node has registered (after a restart, within one lease), the fleet is not known yet.
    if (nodes.length === 0 || nodes.length < this.nodesByName.size || this.clock() < this.fleetKnownAfterMs)
      return;
    this.emptyFleet ??= new PlacementEngine(
      { nodes: nodes.map((n) => nodeSpec(n.name, n.labels, n.cpuMillis, n.memoryMiB, n.gpus, [], [])) },
      { policy: this.options.policy() },
    );
    const empty = this.emptyFleet;
    const req = engineRequest(job);
    const result = req.gang ? empty.placeGang(req.request) : empty.place(req.request);
    if (!result.ok) {
      throw ServiceError.exhausted(
        `no node of the fleet could ever hold this request, even empty: ${result.unschedulable.message} ` +
          "Ask for less, or for a GPU model the fleet has (see `tessera nodes`).",
      );
    }
  }

  private queueCycle(): void {
    if (this.cycleQueued || this.closed) return;
    this.cycleQueued = true;
    // A cycle looks at every pending job: under a burst of submits, one cycle every few ms places them all and
    // keeps the cost per submit flat, instead of one whole-queue pass per submit batch.
    // The pause also grows with the last cycle's cost, so cycles never take more than about a quarter of the time.
    const pause = Math.max(minCycleIntervalMs, 3 * this.lastCycleCostMs);
    const wait = Math.max(0, this.lastCycleMs + pause - Date.now());
    setTimeout(() => {
      this.lastCycleMs = Date.now();
      this.cycleQueued = false;
      const previous = this.cycleRunning ?? Promise.resolve();
      this.cycleRunning = previous
        .then(() => {
          const started = performance.now();
          const cycle = this.placementCycle();
          this.lastCycleCostMs = performance.now() - started;
          return cycle;
        })
        .catch((err: unknown) => {
          this.log(`placement cycle failed: ${(err as Error).stack ?? String(err)}`);
        });
    }, wait);
  }

  /**
   * One queue cycle: the queue (quotas, fair share, priorities, reservations) admits pending jobs through the
   * engine and may preempt running ones; the affected nodes learn their new desired state.
   */
  private async placementCycle(): Promise<void> {
    const pending = [...this.jobsById.values()].filter((j) => j.state === "Pending");
    if (pending.length === 0) return;
    const changed: JobRecord[] = [];
    const touched = new Set<string>();
    const setReason = (job: JobRecord, reason: string) => {
      if (reason === job.reason) return;
      job.reason = reason;
      job.updatedMs = this.clock();
      changed.push(job);
    };
    const readyNodes = [...this.nodesByName.values()].filter((n) => n.inEngine && n.state === "Ready");
    if (readyNodes.length === 0) {
      for (const job of pending) {
        setReason(
          job,
          "no node is Ready: start an agent (`tessera agent --scheduler ADDR`) or wait for one to reconnect",
        );
      }
      await this.persist(changed);
      return;
    }
    this.queue.reconcile(this.queueJobs());
    const deciding = performance.now();
    const plan = this.queue.cycle(this.clock(), (id, message) => {
      const job = this.jobsById.get(id);
      return job ? pendingReason(job, message, this.engine, (a) => this.jobByAllocation(a)) : message;
    });
    // One cycle decides every pending job; its time shared among them is the per-decision latency.
    this.events.emit("decisions", (performance.now() - deciding) / 1000 / pending.length, pending.length);
    for (const admitted of plan.admitted) {
      const job = this.jobsById.get(admitted.job.id);
      if (!job) continue;
      job.allocations = sliceAllocations([...admitted.allocation], (n) => this.engine.node(n));
      job.attempt++;
      job.exitCode = null;
      job.startedMs = 0;
      job.finishedMs = 0;
      job.visibleDevices = "";
      const where = job.allocations.map((a) => describeSlice(a)).join(", ");
      this.transition(job, "Scheduled", `placed on ${where}`);
      for (const a of job.allocations) touched.add(a.node);
      changed.push(job);
    }
    for (const preemption of plan.preempted) {
      const job = this.jobsById.get(preemption.jobId);
      if (!job || this.stopping.has(job.id)) continue;
      setReason(
        job,
        `${PREEMPTION_REASON_PREFIX} (${preemption.reason}); graceful stop with ${preemption.graceSeconds}s grace`,
      );
      this.stopping.set(job.id, 0);
      for (const a of job.allocations) touched.add(a.node);
    }
    for (const [id, reason] of plan.waiting) {
      const job = this.jobsById.get(id);
      if (job?.state === "Pending") setReason(job, reason);
    }
    for (const job of this.noteBorrowing()) if (!changed.includes(job)) changed.push(job);
    await this.persist(changed);
    for (const name of touched) {
      const node = this.nodesByName.get(name);
      if (node) this.pushDesired(node);
    }
  }

  /** The jobs the queue accounts for (pending and active), in its terms. */
  private queueJobs(): ServiceJob[] {
    return [...this.jobsById.values()].flatMap((job) => this.queueJob(job) ?? []);
  }

  private queueJob(job: JobRecord): ServiceJob | undefined {
    return serviceJob(job, engineRequest(job), allocationIds(job));
  }

  private jobByAllocation(allocationId: string): JobRecord | undefined {
    return this.jobsById.get(allocationId.split("/")[0] ?? allocationId);
  }

  /** Marks nodes whose lease ran out NotReady and requeues or fails their jobs by policy. */
  private expireLeases(): void {
    const now = this.clock();
    const changed: JobRecord[] = [];
    for (const node of this.nodesByName.values()) {
      if (node.leaseExpiresMs > now) continue;
      const jobs = this.activeJobsOn(node.name);
      if (node.state !== "NotReady" || node.inEngine || jobs.length > 0) {
        const expiredAt = new Date(node.leaseExpiresMs).toISOString();
        node.state = "NotReady";
        node.reason = `lease expired at ${expiredAt}: no report for ${this.options.leaseMs} ms`;
        node.session?.close();
        node.session = undefined;
        for (const job of jobs) {
          this.releaseAll(job);
          if (this.stopping.has(job.id)) {
            this.finishStopped(job);
          } else {
            this.transition(job, "Lost", `node ${node.name} ${node.reason}`);
            if (this.options.lostNodePolicy === "requeue") {
              job.allocations = [];
              this.transition(
                job,
                "Pending",
                `requeued after node ${node.name} was lost (lost-node policy: requeue)`,
              );
            }
          }
          changed.push(job);
        }
        if (node.inEngine) {
          this.releaseKubeletHolds(node);
          this.engine.removeNode(node.name);
          node.inEngine = false;
        }
        this.log(
          `node ${node.name}: ${node.reason}; ${jobs.length} job(s) ${this.options.lostNodePolicy === "requeue" ? "requeued" : "lost"}`,
        );
        this.events.emit("node", node);
      }
    }
    if (changed.length > 0) void this.persist(changed).then(() => this.queueCycle());
  }
}

/** Engine allocation id of a node's n-th kubelet allocation. */
function kubeletHoldId(node: string, n: number): string {
  return `kubelet:${node}:${n}`;
}

function describeSlice(a: JobRecord["allocations"][number]): string {
  if (a.kind === "none") return `${a.node} (CPU and memory only, no GPU)`;
  const gpu = `${a.node} GPU ${a.gpuIndex} (${a.gpuModel})`;
  if (a.kind === "mig") return `${gpu} MIG ${a.migProfile} at slot ${a.migStart}`;
  if (a.kind === "share") return `${gpu} share ${a.shareMilli / 10}% + ${a.shareMemoryMiB} MiB`;
  return `${gpu} whole`;
}
