import type { JobObserved__Output } from "../../proto/generated/tessera/v1/JobObserved.ts";
import type { JobRecord } from "../store/JobRecord.ts";
import { activeJobStates, type JobLifecycle } from "./JobLifecycle.ts";
import type { NodeRecord } from "./NodeRecord.ts";

/** Why the agent itself stopped a job (JobObserved.interruption), as the requeued job's reason says it. */
const interruptions: Record<string, string> = {
  agent_shutdown: "its agent was shut down by an operator",
  fenced: "its agent lost contact with the scheduler for the fencing timeout and stopped it",
  layout_failed:
    "its GPU could not be given the layout it needs, and takes no job until its agent applies it",
};

/** Applies what agents say about their job processes to the jobs: started, exited, failed to start, gone. */
export class JobReports {
  /** Gang jobs: the nodes whose member process already exited with success. */
  private readonly gangMembersDone = new Map<string, Set<string>>();
  /** Nodes of ended jobs other than the reporting one: they must learn their new desired state. */
  private nodesToTell = new Set<string>();

  /** The nodes to send their desired state once the changes are stored; clears the list. */
  takeNodesToTell(): Set<string> {
    const nodes = this.nodesToTell;
    this.nodesToTell = new Set();
    return nodes;
  }

  constructor(private readonly jobs: JobLifecycle) {}

  /** Returns the jobs that changed. */
  apply(node: NodeRecord, reports: readonly JobObserved__Output[]): JobRecord[] {
    const changed: JobRecord[] = [];
    const reported = new Set<string>();
    for (const r of reports) {
      const job = this.jobs.get(r.jobId);
      // Reports of an older attempt (the job was requeued elsewhere) or of another node are ignored: fenced.
      if (!job || job.attempt !== r.attempt || !job.allocations.some((a) => a.node === node.name)) continue;
      if (!activeJobStates.has(job.state)) continue;
      reported.add(job.id);
      if (r.state === "running") {
        if (refreshMigUuids(job, node)) changed.push(job);
        if (job.state === "Scheduled") {
          job.logNode = node.name;
          job.logPath = r.logPath;
          job.startedMs = r.startedUnixMs;
          job.visibleDevices = r.visibleDevices;
          this.jobs.transition(
            job,
            "Running",
            `started on ${node.name} (pid ${r.pid}, CUDA_VISIBLE_DEVICES=${r.visibleDevices})`,
          );
          if (!changed.includes(job)) changed.push(job);
        }
        continue;
      }
      if (this.ended(job, node, r) && !changed.includes(job)) changed.push(job);
    }
    // A stopped job the agent no longer runs, once the agent reached the generation without it, is over.
    for (const job of this.jobs.stoppingJobs()) {
      const generation = this.jobs.stopGeneration(job);
      if (reported.has(job.id) || generation === 0 || node.generationReached < generation) continue;
      if (!job.allocations.some((a) => a.node === node.name)) continue;
      this.jobs.finishStopped(job);
      changed.push(job);
    }
    return changed;
  }

  /** A member process ended; returns whether the job changed (a gang waits for all its members). */
  private ended(job: JobRecord, node: NodeRecord, r: JobObserved__Output): boolean {
    // A short job may end before any report saw it running: its MIG instances are named now.
    refreshMigUuids(job, node);
    const succeeded = r.state === "exited" && r.exitCode === 0 && !r.signal;
    // A gang has one process per node: it succeeds once every member has, and holds all its slices until then.
    const members = new Set(job.allocations.map((a) => a.node));
    if (members.size > 1 && succeeded && !this.jobs.stopping(job)) {
      const done = this.gangMembersDone.get(job.id) ?? new Set<string>();
      done.add(node.name);
      this.gangMembersDone.set(job.id, done);
      if (done.size < members.size) return false;
    }
    this.gangMembersDone.delete(job.id);
    // The other members of a gang stop with it.
    for (const name of members) if (name !== node.name) this.nodesToTell.add(name);
    job.logNode = node.name;
    job.logPath = r.logPath;
    job.startedMs = job.startedMs ? Math.min(job.startedMs, r.startedUnixMs) : r.startedUnixMs;
    job.finishedMs = Math.max(job.finishedMs, r.finishedUnixMs);
    job.visibleDevices = r.visibleDevices;
    job.exitCode = r.exitCode;
    const interruption = interruptions[r.interruption];
    if (this.jobs.stopping(job)) {
      this.jobs.finishStopped(job);
    } else if (interruption) {
      // Not the job's failure: it runs again, as a new attempt, wherever it fits.
      this.jobs.requeue(job, `requeued: ${interruption} (on ${node.name})`);
    } else if (r.state === "failed_to_start") {
      this.jobs.endJob(job, "Failed", `could not start on ${node.name}: ${r.message}`);
    } else if (succeeded) {
      this.jobs.endJob(
        job,
        "Succeeded",
        members.size > 1 ? `all ${members.size} members exited with code 0` : "exited with code 0",
      );
    } else {
      this.jobs.endJob(
        job,
        "Failed",
        r.signal
          ? `killed by ${r.signal}`
          : `exited with code ${r.exitCode}${r.message ? ` (${r.message})` : ""}`,
      );
    }
    return true;
  }
}

/** Takes the MIG instance UUIDs the agent created for a job's slices; returns whether any changed. */
function refreshMigUuids(job: JobRecord, node: NodeRecord): boolean {
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
