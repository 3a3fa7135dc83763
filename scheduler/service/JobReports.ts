import type { JobObserved__Output } from "../../proto/generated/tessera/v1/JobObserved.ts";
import { type JobRecord, type JobStopRequest, shareOnMigInstance } from "../store/JobRecord.ts";
import { gangMemberNodes } from "./GangMembers.ts";
import { activeJobStates, type JobLifecycle } from "./JobLifecycle.ts";
import type { NodeRecord } from "./NodeRecord.ts";

/** Why the agent itself stopped a job (JobObserved.interruption), as the requeued job's reason says it. */
const interruptions: Record<string, string> = {
  agent_shutdown: "its agent was shut down by an operator",
  fenced: "its agent lost contact with the scheduler for the fencing timeout and stopped it",
  mps_daemon_lost: "the MPS control daemon of its GPU died, and its agent stopped it",
  layout_failed:
    "its GPU could not be given the layout it needs, and takes no job until its agent applies it",
};

type JobStopCause = Omit<JobStopRequest, "requestedMs">;

/** Applies what agents say about their job processes to the jobs: started, exited, failed to start, gone. */
export class JobReports {
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
      const generation = this.jobs.stopGeneration(job, node.name);
      if (reported.has(job.id) || generation === 0 || node.generationReached < generation) continue;
      if (!job.allocations.some((a) => a.node === node.name)) continue;
      if (!this.jobs.memberStopped(job, node.name)) continue;
      this.jobs.finishStopped(job);
      changed.push(job);
    }
    return changed;
  }

  /**
   * A member process ended; returns whether the job changed. A job ends, or runs again, only once every member
   * has stopped: a gang succeeds once all its members have, and when one fails or is interrupted the others are
   * stopped first, so no two attempts ever run at once and no slice is freed under a running member.
   */
  private ended(job: JobRecord, node: NodeRecord, r: JobObserved__Output): boolean {
    // A short job may end before any report saw it running: its MIG instances are named now.
    refreshMigUuids(job, node);
    const members = gangMemberNodes(job);
    const allStopped = this.jobs.memberStopped(job, node.name);
    const succeeded = r.state === "exited" && r.exitCode === 0 && !r.signal;
    if (this.jobs.stopping(job)) {
      if (!allStopped) return false;
      this.noteEnd(job, node, r);
      this.jobs.finishStopped(job);
    } else if (succeeded) {
      if (!allStopped) return false;
      this.noteEnd(job, node, r);
      this.jobs.endJob(
        job,
        "Succeeded",
        members.length > 1 ? `all ${members.length} members exited with code 0` : "exited with code 0",
      );
    } else {
      this.noteEnd(job, node, r);
      const stop = endedStop(r, node.name, members.length > 1 ? members.indexOf(node.name) : undefined);
      this.jobs.requestStop(
        job,
        stop,
        allStopped ? stop.reason : `${stop.reason}; stopping the other members`,
      );
      if (allStopped) this.jobs.finishStopped(job);
    }
    // The other members of a gang stop with it.
    for (const name of members) if (name !== node.name) this.nodesToTell.add(name);
    return true;
  }

  /** What the job's record shows of its latest ended member: its log, times, devices and exit code. */
  private noteEnd(job: JobRecord, node: NodeRecord, r: JobObserved__Output): void {
    job.logNode = node.name;
    job.logPath = r.logPath;
    job.startedMs = job.startedMs ? Math.min(job.startedMs, r.startedUnixMs) : r.startedUnixMs;
    job.finishedMs = Math.max(job.finishedMs, r.finishedUnixMs);
    job.visibleDevices = r.visibleDevices;
    job.exitCode = r.exitCode;
  }
}

/**
 * How a job ends, or runs again, after a member process ended other than with success: requeued when its agent
 * interrupted it (not the job's failure), else Failed, naming the gang member (`rank`) that failed and how.
 */
function endedStop(r: JobObserved__Output, nodeName: string, rank: number | undefined): JobStopCause {
  const interruption = interruptions[r.interruption];
  if (interruption) return { cause: "interrupted", reason: `requeued: ${interruption} (on ${nodeName})` };
  const member = rank === undefined ? "" : `member rank ${rank} on ${nodeName} `;
  if (r.state === "failed_to_start")
    return { cause: "failed", reason: `${member}could not start on ${nodeName}: ${r.message}` };
  const how = r.signal
    ? `killed by ${r.signal}`
    : `exited with code ${r.exitCode}${r.message ? ` (${r.message})` : ""}`;
  return { cause: "failed", reason: `${member}${how}` };
}

/** Takes the MIG instance UUIDs of a job's slices (its own instances, or those its shares run on); returns whether any changed. */
function refreshMigUuids(job: JobRecord, node: NodeRecord): boolean {
  let changed = false;
  for (const a of job.allocations) {
    if (a.node !== node.name || !(a.kind === "mig" || shareOnMigInstance(a))) continue;
    const gpu = node.observed.find((g) => g.uuid === a.gpuUuid);
    const inst = gpu?.instances.find((i) => i.start === a.migStart && i.profile === a.migProfile);
    if (inst?.uuid && inst.uuid !== a.migUuid) {
      a.migUuid = inst.uuid;
      changed = true;
    }
  }
  return changed;
}
