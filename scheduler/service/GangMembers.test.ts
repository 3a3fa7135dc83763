import { describe, expect, it } from "vitest";
import type { JobObserved__Output } from "../../proto/generated/tessera/v1/JobObserved.ts";
import type { JobRecord, JobState, SliceAllocation } from "../store/JobRecord.ts";
import { pendingJob } from "../store/testing/JobRecordFixture.ts";
import { failedMemberText, gangMembers, noteMemberReport } from "./GangMembers.ts";

function slice(node: string): SliceAllocation {
  return {
    node,
    gpuUuid: `GPU-${node}`,
    gpuIndex: 0,
    gpuModel: "H100-SXM5-80GB",
    kind: "whole",
    migProfile: "",
    migStart: 0,
    migSize: 0,
    migUuid: "",
    shareMilli: 0,
    shareMemoryMiB: 0,
  };
}

function gang(state: JobState, attempt = 1): JobRecord {
  const job = pendingJob("g", 1);
  job.spec.request.shape = { kind: "gang", nodes: 2, gpusPerNode: 1 };
  job.state = state;
  job.attempt = attempt;
  job.allocations = [slice("a"), slice("b")];
  return job;
}

function seen(state: string, fields: Partial<JobObserved__Output> = {}): JobObserved__Output {
  return {
    jobId: "g",
    attempt: 1,
    state,
    pid: 1,
    exitCode: 0,
    signal: "",
    message: "",
    logPath: "/logs/g-1.log",
    visibleDevices: "",
    startedUnixMs: 10,
    finishedUnixMs: state === "running" ? 0 : 20,
    interruption: "",
    ...fields,
  };
}

describe("gang members", () => {
  it("keeps one report per member of the current attempt, and says when nothing changed", () => {
    const job = gang("Running");
    expect(noteMemberReport(job, "a", seen("running"))).toBe(true);
    expect(noteMemberReport(job, "a", seen("running"))).toBe(false);
    expect(noteMemberReport(job, "c", seen("running"))).toBe(false);
    expect(noteMemberReport(job, "b", seen("running", { attempt: 0 }))).toBe(false);
    expect(gangMembers(job).map((m) => [m.rank, m.node, m.state])).toEqual([
      [0, "a", "Running"],
      [1, "b", "Scheduled"],
    ]);
    // A new attempt starts from no reports.
    job.attempt = 2;
    expect(noteMemberReport(job, "b", seen("running", { attempt: 2 }))).toBe(true);
    expect(job.memberReports?.map((r) => r.node)).toEqual(["b"]);
  });

  it("tells a cancelled gang's stopped members from one that failed by itself", () => {
    const job = gang("Cancelled");
    noteMemberReport(job, "a", seen("exited", { exitCode: -1, signal: "SIGTERM" }));
    noteMemberReport(job, "b", seen("exited", { exitCode: 2, finishedUnixMs: 30 }));
    const members = gangMembers(job);
    expect(members.map((m) => [m.state, m.detail])).toEqual([
      ["Stopped", "killed by SIGTERM"],
      ["Failed", "exited with code 2"],
    ]);
    expect(failedMemberText(members)).toBe("rank 1 on b: exited with code 2");
  });

  it("shows a member of an ended gang whose end was never reported as stopped, and nothing for other jobs", () => {
    const job = gang("Failed");
    noteMemberReport(job, "a", seen("running"));
    noteMemberReport(job, "b", seen("failed_to_start", { message: "no such file" }));
    expect(gangMembers(job).map((m) => [m.state, m.detail])).toEqual([
      ["Stopped", "its end was not reported"],
      ["Failed", "could not start: no such file"],
    ]);
    expect(gangMembers(pendingJob("p", 2))).toEqual([]);
    expect(failedMemberText([])).toBe("");
  });
});
