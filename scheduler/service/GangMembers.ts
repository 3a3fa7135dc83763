import type { JobObserved__Output } from "../../proto/generated/tessera/v1/JobObserved.ts";
import {
  finalJobStates,
  type GangMemberReport,
  type JobRecord,
  type SliceAllocation,
} from "../store/JobRecord.ts";

/** One gang member as `tessera job` and the HTTP job record show it. */
export interface GangMember {
  rank: number;
  node: string;
  /** Scheduled, Running, Succeeded, Failed, Stopped, or the job's state when the agent said nothing of it. */
  state: string;
  /** How its process ended or failed to start; empty while it runs. */
  detail: string;
  logPath: string;
  startedMs: number;
  finishedMs: number;
  exitCode: number;
  /** The job's slices on the member's node. */
  allocations: SliceAllocation[];
}

/** A gang's nodes by rank: rank N runs on the Nth distinct node of its allocations (as its env says). */
export function gangMemberNodes(job: JobRecord): string[] {
  return [...new Set(job.allocations.map((a) => a.node))];
}

export function isGang(job: JobRecord): boolean {
  return job.spec.request.shape.kind === "gang";
}

/**
 * Keeps what the agent of `node` reported about its member of a gang (the current attempt only), so `tessera job`
 * can say which member runs, failed or was stopped. Returns whether the record changed (it must be stored then).
 */
export function noteMemberReport(job: JobRecord, node: string, r: JobObserved__Output): boolean {
  if (!isGang(job) || r.attempt !== job.attempt || !job.allocations.some((a) => a.node === node))
    return false;
  const report: GangMemberReport = {
    node,
    attempt: r.attempt,
    state: r.state,
    exitCode: r.exitCode,
    signal: r.signal,
    message: r.message,
    logPath: r.logPath,
    startedMs: r.startedUnixMs,
    finishedMs: r.finishedUnixMs,
  };
  const kept = (job.memberReports ?? []).filter((m) => m.attempt === job.attempt);
  const known = kept.find((m) => m.node === node);
  if (known && JSON.stringify(known) === JSON.stringify(report)) return false;
  job.memberReports = [...kept.filter((m) => m !== known), report];
  return true;
}

/**
 * Whether the agent of `node` reported that its member of the gang's current attempt has ended (exited or failed
 * to start). That member must not run again while the others finish: an agent that lost its records (a host
 * rebuilt under the same name) would otherwise start it anew beside a later attempt.
 */
export function memberEnded(job: JobRecord, node: string): boolean {
  return (job.memberReports ?? []).some(
    (m) => m.node === node && m.attempt === job.attempt && m.state !== "running",
  );
}

function failedByItself(r: GangMemberReport): boolean {
  return r.state === "failed_to_start" || (r.state === "exited" && (r.exitCode !== 0 || r.signal !== ""));
}

/**
 * The member whose process failed first (ties: the one reported first): it brought the gang down. Members
 * killed by a signal after it, or after a cancel or preemption, were stopped with the gang.
 */
function firstFailure(job: JobRecord, reports: readonly GangMemberReport[]): GangMemberReport | undefined {
  if (job.state === "Cancelled" || job.state === "Preempted" || job.stop) {
    // A stop kills by signal; a member that exited with a code of its own before that still failed.
    reports = reports.filter((r) => r.state === "failed_to_start" || (r.state === "exited" && !r.signal));
  }
  let first: GangMemberReport | undefined;
  for (const r of reports) if (failedByItself(r) && (!first || r.finishedMs < first.finishedMs)) first = r;
  return first;
}

function endedText(r: GangMemberReport): string {
  if (r.state === "failed_to_start") return `could not start: ${r.message}`;
  if (r.signal) return `killed by ${r.signal}`;
  return `exited with code ${r.exitCode}${r.message ? ` (${r.message})` : ""}`;
}

/** A gang's members by rank with what their agents reported; empty for a job that is not a gang or not placed. */
export function gangMembers(job: JobRecord): GangMember[] {
  if (!isGang(job)) return [];
  const reports = (job.memberReports ?? []).filter((r) => r.attempt === job.attempt);
  const failed = firstFailure(job, reports);
  return gangMemberNodes(job).map((node, rank) => {
    const allocations = job.allocations.filter((a) => a.node === node);
    const r = reports.find((m) => m.node === node);
    if (!r) {
      return {
        rank,
        node,
        state: job.state === "Running" ? "Scheduled" : job.state,
        detail: "",
        logPath: "",
        startedMs: 0,
        finishedMs: 0,
        exitCode: 0,
        allocations,
      };
    }
    let state = "Running";
    if (r.state === "running" && finalJobStates.has(job.state)) {
      // The gang ended while this member ran: its agent stops it, and has not said so yet (or never will: lost).
      return {
        rank,
        node,
        state: "Stopped",
        detail: "its end was not reported",
        logPath: r.logPath,
        startedMs: r.startedMs,
        finishedMs: 0,
        exitCode: 0,
        allocations,
      };
    }
    if (r.state !== "running") {
      if (!failedByItself(r)) state = "Succeeded";
      else if (r.signal && r !== failed) state = "Stopped";
      else state = "Failed";
    }
    return {
      rank,
      node,
      state,
      detail: r.state === "running" ? "" : endedText(r),
      logPath: r.logPath,
      startedMs: r.startedMs,
      finishedMs: r.finishedMs,
      exitCode: r.exitCode,
      allocations,
    };
  });
}

/** Which member brought a failed gang down, in words (`rank 1 on node-b: exited with code 3`); "" if none did. */
export function failedMemberText(
  members: readonly Pick<GangMember, "rank" | "node" | "state" | "detail" | "finishedMs">[],
): string {
  const failed = members
    .filter((m) => m.state === "Failed")
    .sort((a, b) => a.finishedMs - b.finishedMs || a.rank - b.rank)[0];
  return failed ? `rank ${failed.rank} on ${failed.node}: ${failed.detail}` : "";
}
