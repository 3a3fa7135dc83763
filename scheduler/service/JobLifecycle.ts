import { randomUUID } from "node:crypto";
import type { EventEmitter } from "node:events";
import {
  finalJobStates,
  type JobRecord,
  type JobSpec,
  type JobState,
  type JobStopRequest,
  type SliceAllocation,
} from "../store/JobRecord.ts";
import type { JobStore } from "../store/JobStore.ts";
import { gangMemberNodes, memberEnded } from "./GangMembers.ts";
import type { SchedulerEvents } from "./SchedulerView.ts";
import { ServiceError } from "./ServiceError.ts";
import type { Clock } from "./TimerSource.ts";

export const activeJobStates: ReadonlySet<JobState> = new Set(["Scheduled", "Running"]);

/** The start of an admitted job's reason while it runs on capacity borrowed from another queue's quota. */
const BORROWED_REASON_PREFIX = "admitted to queue";

/** Older records kept a stop only in the reason's words; such a job still stops the way it was asked to. */
const legacyStopPrefixes: ReadonlyArray<[string, JobStopRequest["cause"]]> = [
  ["cancel requested", "cancel"],
  ["preemption requested", "preemption"],
];

/**
 * The jobs and their state machine: Pending -> Scheduled -> Running -> a final state (or back to Pending when
 * requeued), attempts, stop requests, and persistence. Every change is durable before it is announced.
 */
export class JobLifecycle {
  private readonly byId = new Map<string, JobRecord>();
  private readonly byRequest = new Map<string, string>();
  /** Jobs not in a final state (Pending, Scheduled, Running): what every cycle looks at, however long the history. */
  private readonly live = new Map<string, JobRecord>();
  /** Each live job's place in `live`'s order (a Map's: when its key went in), for `liveOrder`. */
  private readonly livePlace = new Map<string, number>();
  private nextLivePlace = 0;
  /** Pending jobs; in submit order while `pendingInOrder` (a requeued job goes in behind newer ones). */
  private readonly pendingJobs = new Map<string, JobRecord>();
  private pendingInOrder = true;
  /** The highest seq that went into `pendingJobs`: a job below it breaks the order. */
  private pendingSeqHigh = 0;
  /** Jobs whose state, allocations or stop changed since the queue last took them (`takeChanged`). */
  private readonly changed = new Set<JobRecord>();
  private seq = 0;
  /** Per job being stopped, per member node: the generation of that node's desired state without the job. */
  private readonly stopGenerations = new Map<string, Map<string, number>>();
  /**
   * Per active job, the member nodes known to run its current attempt no more (their agent said so, or they were
   * out of contact past the fencing timeout). A job's slices are freed, and it runs again, only once this holds
   * on every member node: a member on an unreachable node may still be running.
   */
  private readonly stoppedMembers = new Map<string, Set<string>>();
  /** Bumped by every job state change; `activeByNode` is valid for `activeByNodeVersion`. */
  private stateVersion = 0;
  private activeByNodeVersion = -1;
  private readonly activeByNode = new Map<string, JobRecord[]>();

  constructor(
    private readonly store: JobStore,
    private readonly clock: Clock,
    private readonly events: EventEmitter<SchedulerEvents>,
    /** Frees what a job holds in the engine when it leaves Scheduled/Running. */
    private readonly releaseJob: (job: JobRecord) => void,
  ) {}

  /** Reads every stored job; returns them in submit order. */
  load(): JobRecord[] {
    const jobs = this.store.loadAll();
    for (const job of jobs) {
      this.byId.set(job.id, job);
      if (job.clientRequestId) this.byRequest.set(job.clientRequestId, job.id);
      this.setLive(job);
      if (!activeJobStates.has(job.state)) continue;
      const legacy = legacyStopPrefixes.find(([prefix]) => job.reason.startsWith(prefix));
      if (!job.stop && legacy)
        job.stop = { cause: legacy[1], reason: job.reason, requestedMs: job.updatedMs };
      if (job.stop) this.stopGenerations.set(job.id, new Map());
      // Members that ended before the restart are no longer sent to their agents, which then forget them: count
      // them stopped from their stored reports, or the gang would wait for them forever.
      const ended = gangMemberNodes(job).filter((node) => memberEnded(job, node));
      if (ended.length > 0) this.stoppedMembers.set(job.id, new Set(ended));
    }
    this.seq = this.store.maxSeq();
    return jobs;
  }

  /** True when jobs were stored before this start (a restart). */
  get restarted(): boolean {
    return this.seq > 0;
  }

  all(): Iterable<JobRecord> {
    return this.byId.values();
  }

  /** Jobs not in a final state. */
  liveJobs(): Iterable<JobRecord> {
    return this.live.values();
  }

  get(id: string): JobRecord | undefined {
    return this.byId.get(id);
  }

  require(id: string): JobRecord {
    const job = this.byId.get(id);
    if (!job) throw ServiceError.notFound(`no job "${id}"; list jobs with \`tessera jobs\``);
    return job;
  }

  withRequestId(clientRequestId: string): JobRecord | undefined {
    const id = this.byRequest.get(clientRequestId);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** The job of an engine allocation id (`JOB` or a gang member's `JOB/N`). */
  ofAllocation(allocationId: string): JobRecord | undefined {
    return this.byId.get(allocationId.split("/")[0] ?? allocationId);
  }

  /** Pending jobs in submit order. */
  pending(): JobRecord[] {
    if (!this.pendingInOrder) {
      const sorted = [...this.pendingJobs.values()].sort((a, b) => a.seq - b.seq);
      this.pendingJobs.clear();
      for (const job of sorted) this.pendingJobs.set(job.id, job);
      this.pendingInOrder = true;
    }
    return [...this.pendingJobs.values()];
  }

  pendingCount(): number {
    return this.pendingJobs.size;
  }

  /** A new Pending job, not yet stored. */
  create(spec: JobSpec, clientRequestId: string): JobRecord {
    const now = this.clock();
    return {
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
  }

  /** Takes a Pending job that was just stored (it holds nothing, so the per-node index stays valid). */
  add(job: JobRecord): void {
    this.byId.set(job.id, job);
    this.setLive(job);
    this.changed.add(job);
    if (job.clientRequestId) this.byRequest.set(job.clientRequestId, job.id);
  }

  /** Jobs changed since the last call (see `changed`), which forgets them: each placement cycle takes them. */
  takeChanged(): JobRecord[] {
    const jobs = [...this.changed];
    this.changed.clear();
    return jobs;
  }

  /** What the next `takeChanged` returns, without taking it. */
  changedSinceCycle(): JobRecord[] {
    return [...this.changed];
  }

  /** A live job's place in the order `liveJobs()` returns them (-1 when it is not live). */
  liveOrder(id: string): number {
    return this.livePlace.get(id) ?? -1;
  }

  /** Keeps `live` (and each job's place in it) and the pending jobs in line with the job's state. */
  private setLive(job: JobRecord): void {
    if (job.state !== "Pending") this.pendingJobs.delete(job.id);
    else if (!this.pendingJobs.has(job.id)) {
      if (job.seq < this.pendingSeqHigh) this.pendingInOrder = false;
      this.pendingSeqHigh = Math.max(this.pendingSeqHigh, job.seq);
      this.pendingJobs.set(job.id, job);
    }
    if (finalJobStates.has(job.state)) {
      this.live.delete(job.id);
      this.livePlace.delete(job.id);
    } else if (!this.live.has(job.id)) {
      this.live.set(job.id, job);
      this.livePlace.set(job.id, this.nextLivePlace++);
    }
  }

  transition(job: JobRecord, to: JobState, reason: string): void {
    // Allocations only change together with a state change, so this also invalidates the per-node index.
    this.stateVersion++;
    const now = this.clock();
    job.transitions.push({ from: job.state, to, atMs: now, reason });
    job.state = to;
    job.reason = reason;
    job.updatedMs = now;
    this.setLive(job);
    this.changed.add(job);
    if (!activeJobStates.has(to)) {
      delete job.stop;
      this.stopGenerations.delete(job.id);
      this.stoppedMembers.delete(job.id);
    }
  }

  /** Changes a job's reason without a state change; returns whether it changed. */
  explain(job: JobRecord, reason: string): boolean {
    if (reason === job.reason) return false;
    job.reason = reason;
    job.updatedMs = this.clock();
    return true;
  }

  /** An admitted job takes its slices: a new attempt, Scheduled. */
  schedule(job: JobRecord, allocations: SliceAllocation[], reason: string): void {
    job.allocations = allocations;
    job.attempt++;
    job.exitCode = null;
    job.startedMs = 0;
    job.finishedMs = 0;
    job.visibleDevices = "";
    this.transition(job, "Scheduled", reason);
  }

  endJob(job: JobRecord, state: JobState, reason: string): void {
    this.releaseJob(job);
    this.transition(job, state, reason);
  }

  /** Asks a Scheduled/Running job to stop; its agent learns it from the next desired state of its nodes. */
  requestStop(job: JobRecord, stop: Omit<JobStopRequest, "requestedMs">, shownReason: string): void {
    job.stop = { ...stop, requestedMs: this.clock() };
    this.changed.add(job);
    this.explain(job, shownReason);
    this.stopGenerations.set(job.id, new Map());
  }

  stopping(job: JobRecord): boolean {
    return job.stop !== undefined;
  }

  /** The generation of `nodeName`'s desired state from which the job's stop was sent there; 0 while not sent. */
  stopGeneration(job: JobRecord, nodeName: string): number {
    return this.stopGenerations.get(job.id)?.get(nodeName) ?? 0;
  }

  stopSent(job: JobRecord, nodeName: string, generation: number): void {
    const sent = this.stopGenerations.get(job.id);
    if (sent && !sent.has(nodeName)) sent.set(nodeName, generation);
  }

  /** Records that the job's current attempt runs no more on `nodeName`; true once that holds on every member. */
  memberStopped(job: JobRecord, nodeName: string): boolean {
    const stopped = this.stoppedMembers.get(job.id) ?? new Set<string>();
    stopped.add(nodeName);
    this.stoppedMembers.set(job.id, stopped);
    return job.allocations.every((a) => stopped.has(a.node));
  }

  stoppingJobs(): JobRecord[] {
    return [...this.stopGenerations.keys()].flatMap((id) => this.byId.get(id) ?? []);
  }

  /** Every member of a stopped job has ended: it ends the way its stop asked, or runs again as a new attempt. */
  finishStopped(job: JobRecord): void {
    const stop = job.stop;
    switch (stop?.cause) {
      case "preemption":
        this.endJob(job, "Preempted", stop.reason);
        if (job.spec.requeueOnPreemption) {
          job.allocations = [];
          this.transition(job, "Pending", `requeued after it was preempted (${stop.reason})`);
        }
        return;
      case "failed":
        this.endJob(job, "Failed", stop.reason);
        return;
      case "interrupted":
        this.requeue(job, stop.reason);
        return;
      case "lost":
        this.endJob(job, "Lost", stop.reason);
        if (stop.requeueReason) {
          job.allocations = [];
          this.transition(job, "Pending", stop.requeueReason);
        }
        return;
      default:
        this.endJob(job, "Cancelled", stop?.reason ?? "cancelled by request");
    }
  }

  /** A job its agent stopped on its own (fenced, or the agent shut down): Pending again, for a new attempt. */
  requeue(job: JobRecord, reason: string): void {
    this.releaseJob(job);
    job.allocations = [];
    this.transition(job, "Pending", reason);
  }

  /**
   * A job on a node out of contact past the fencing timeout, whose agent has stopped it by now: stopped if it was
   * stopping, else Lost (then requeued by policy) once every other member has stopped too. Returns whether the
   * job changed (false when this node's member was already counted).
   */
  lose(job: JobRecord, nodeName: string, why: string, requeue: boolean): boolean {
    if (this.stopping(job) && this.stoppedMembers.get(job.id)?.has(nodeName)) return false;
    const allStopped = this.memberStopped(job, nodeName);
    if (!this.stopping(job)) {
      const reason = `node ${nodeName} ${why}`;
      const requeueReason = requeue
        ? `requeued after node ${nodeName} was lost (lost-node policy: requeue)`
        : undefined;
      this.requestStop(
        job,
        { cause: "lost", reason, requeueReason },
        `${reason}; stopping its other members`,
      );
    }
    if (allStopped) this.finishStopped(job);
    return true;
  }

  isFinal(job: JobRecord): boolean {
    return finalJobStates.has(job.state);
  }

  /** Scheduled and Running jobs holding slices on a node; from an index rebuilt after job state changes. */
  activeJobsOn(nodeName: string): JobRecord[] {
    if (this.activeByNodeVersion !== this.stateVersion) {
      this.activeByNode.clear();
      for (const job of this.live.values()) {
        if (!activeJobStates.has(job.state)) continue;
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

  /** Puts a job back as it was before a change that could not be stored. */
  restore(job: JobRecord, before: JobRecord): void {
    for (const key of Object.keys(job) as (keyof JobRecord)[]) if (!(key in before)) delete job[key];
    Object.assign(job, before);
    this.setLive(job);
    this.changed.add(job);
    this.stateVersion++;
    if (job.stop) this.stopGenerations.set(job.id, new Map());
    else this.stopGenerations.delete(job.id);
  }

  async persist(jobs: readonly JobRecord[]): Promise<void> {
    if (jobs.length === 0) return;
    // Announce each job as it was stored: while the write waits for its commit, the job may move on (a short job
    // can reach Succeeded before its Running is durable), and watchers must still see every state once.
    const stored = jobs.map((job) => structuredClone(job));
    await this.store.update(jobs);
    for (const job of stored) this.events.emit("job", "updated", job);
  }

  insert(job: JobRecord): Promise<{ job: JobRecord; deduplicated: boolean }> {
    return this.store.insert(job);
  }

  /**
   * `tessera job ID` says whether an admitted job runs on borrowed capacity and whose quota that is: the job's
   * reason says so while it borrows. `borrowing`: job id -> whose quota; returns the jobs it changed, each
   * shown to `beforeChange` first.
   */
  noteBorrowing(
    borrowing: ReadonlyMap<string, string>,
    beforeChange?: (job: JobRecord) => void,
  ): JobRecord[] {
    const changed: JobRecord[] = [];
    for (const job of this.live.values()) {
      if (!activeJobStates.has(job.state) || this.stopping(job)) continue;
      const borrowedFrom = borrowing.get(job.id);
      let reason = job.reason;
      if (borrowedFrom !== undefined) reason = `${BORROWED_REASON_PREFIX} ${job.spec.queue} ${borrowedFrom}`;
      else if (job.reason.startsWith(BORROWED_REASON_PREFIX)) {
        reason = `${BORROWED_REASON_PREFIX} ${job.spec.queue}; within its own quota now (no longer borrowing)`;
      }
      if (reason === job.reason) continue;
      beforeChange?.(job);
      this.explain(job, reason);
      changed.push(job);
    }
    return changed;
  }
}
