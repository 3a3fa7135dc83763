import { describe, expect, it } from "vitest";
import { BackfillLine } from "./BackfillLine.ts";
import type { CapacityModel, PlaceResult } from "./CapacityModel.ts";
import { runQueueTimeline, type TimelineArrival } from "./QueueTimeline.ts";

/** A pool of whole GPUs that records every request it was asked to place. */
class GpuPool implements CapacityModel<number, number> {
  readonly asked: number[] = [];
  constructor(private free: number) {}
  place(gpus: number): PlaceResult<number> {
    this.asked.push(gpus);
    if (gpus > this.free) return { placed: false, reason: "not enough GPUs" };
    this.free -= gpus;
    return { placed: true, allocation: gpus };
  }
  release(gpus: number): void {
    this.free += gpus;
  }
  restore(gpus: number): void {
    this.free -= gpus;
  }
  shapeOf(gpus: number): string {
    return `${gpus} GPUs`;
  }
}

function arrival(id: string, at: number, runSeconds: number, gpus: number): TimelineArrival<number> {
  return { at, runSeconds, submission: { id, demand: { gpus }, request: gpus } };
}

describe("BackfillLine", () => {
  it("lets later jobs past one that waits, and tries the waiting line again only after something finished", () => {
    const pool = new GpuPool(4);
    const line = new BackfillLine(pool);
    const result = runQueueTimeline(line, [
      arrival("a", 0, 100, 3),
      arrival("big", 1, 10, 4),
      arrival("big2", 2, 10, 4),
      arrival("small", 3, 10, 1),
    ]);
    const started = new Map(result.jobs.map((j) => [j.id, j.firstStartedAt]));
    // No head-of-line blocking: the 1-GPU job starts while the 4-GPU jobs wait.
    expect(started.get("small")).toBe(3);
    expect(started.get("big")).toBe(100);
    expect(started.get("big2")).toBe(110);
    // Asked: a, big, big2, small as they arrive (no retry at an arrival); when small ends (t=13) big, but not big2
    // (the same shape failed just before); when a ends (t=100) big, which starts, and big2; when big ends, big2.
    expect(pool.asked).toEqual([3, 4, 4, 1, 4, 4, 4, 4]);
    expect(line.pendingJobs()).toEqual([]);
  });

  it("stops when drained with jobs still running, at the last cycle's time", () => {
    const line = new BackfillLine(new GpuPool(2));
    const result = runQueueTimeline(line, [arrival("a", 5, 1000, 1), arrival("b", 7, 1000, 1)], {
      stopWhenDrained: true,
    });
    expect(result.endedAt).toBe(7);
    expect(result.jobs.map((j) => j.state)).toEqual(["Running", "Running"]);
  });
});
