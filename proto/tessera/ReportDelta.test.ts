import { describe, expect, it } from "vitest";
import type { Report__Output } from "../generated/tessera/v1/Report.ts";
import {
  changesNothing,
  reportDelta,
  type WholeReport,
  wholeReport,
  wholeReportFlags,
} from "./ReportDelta.ts";

const gpu = (uuid: string, utilizationPercent = 0) => ({
  uuid,
  migEnabled: false,
  instances: [],
  utilizationPercent,
  memoryUsedMib: 0,
  health: "ok",
  pids: [],
  utilizationUnsupported: false,
  temperatureC: 0,
  powerMw: 0,
});
const job = (state: string) => ({
  jobId: "j1",
  attempt: 1,
  state,
  pid: 7,
  exitCode: 0,
  signal: "",
  logPath: "",
  message: "",
  visibleDevices: "",
  startedUnixMs: 1,
  finishedUnixMs: 0,
  interruption: "",
});

function whole(over: Partial<WholeReport> = {}): WholeReport & Report__Output {
  return {
    generation: 3,
    gpus: [gpu("GPU-a"), gpu("GPU-b")],
    jobs: [job("running")],
    errors: [],
    kubeletAllocations: [],
    capabilities: null,
    ...wholeReportFlags,
    ...over,
  } as WholeReport & Report__Output;
}

/** The delta as the scheduler decodes it: absent sections are empty, absent flags false. */
function received(delta: ReturnType<typeof reportDelta>): Report__Output {
  return { ...whole({ gpus: [], jobs: [], errors: [] }), ...delta } as Report__Output;
}

describe("report deltas", () => {
  it("sends nothing but the generation when nothing changed, which the receiver takes as a heartbeat", () => {
    const before = whole();
    const delta = reportDelta(before, whole());
    expect(delta).toEqual({ generation: 3, delta: true, gpus: [] });
    expect(changesNothing(before, received(delta))).toBe(true);
    expect(changesNothing(before, received(reportDelta(before, whole({ generation: 4 }))))).toBe(false);
  });

  it("carries only the GPUs and sections that changed, and the receiver rebuilds the whole report", () => {
    const before = whole();
    const after = whole({ gpus: [gpu("GPU-a"), gpu("GPU-b", 80)], jobs: [job("exited")], errors: ["busy"] });
    const delta = reportDelta(before, after);
    expect(delta.gpus).toEqual([gpu("GPU-b", 80)]);
    expect(delta).toMatchObject({ jobsChanged: true, errorsChanged: true });
    expect(delta.kubeletAllocationsChanged).toBeUndefined();
    const rebuilt = wholeReport(before, received(delta));
    expect(changesNothing(before, received(delta))).toBe(false);
    expect(rebuilt).toEqual({ ...after, capabilities: null });
  });

  it("goes whole when a GPU disappeared, and keeps capabilities only on the report that carries them", () => {
    const before = whole();
    expect(reportDelta(before, whole({ gpus: [gpu("GPU-a")] })).delta).toBeFalsy();
    const probed = { vmRuntimes: ["qemu"], mps: false, containerRuntimes: [], probed: true };
    const delta = reportDelta(before, whole({ capabilities: probed }));
    expect(wholeReport(before, received(delta)).capabilities).toEqual(probed);
    expect(changesNothing(before, received(delta))).toBe(false);
  });

  it("refuses a delta with no whole report before it", () => {
    expect(() => wholeReport(undefined, received(reportDelta(whole(), whole())))).toThrow(/whole report/);
  });
});
