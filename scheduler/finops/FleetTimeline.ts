import type { Database } from "better-sqlite3";

export interface FleetTimelinePoint {
  /** Start of the step, milliseconds since the epoch. */
  t: number;
  gpus: number;
  allocationRatio: number;
  fragmentation: number;
  idleAllocations: number;
  pendingJobs: number;
}

/** The fleet's allocation, fragmentation, idle and queue length over time, written at a fixed interval. */
export class FleetTimeline {
  constructor(private readonly db: Database) {}

  record(point: FleetTimelinePoint): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO fleet_history (at, gpus, allocation_ratio, fragmentation, idle_allocations, pending_jobs)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        point.t,
        point.gpus,
        point.allocationRatio,
        point.fragmentation,
        point.idleAllocations,
        point.pendingJobs,
      );
  }

  prune(before: number): void {
    this.db.prepare("DELETE FROM fleet_history WHERE at < ?").run(before);
  }

  /** Means per step over [from, to). */
  query(from: number, to: number, stepMs: number): FleetTimelinePoint[] {
    return this.db
      .prepare(
        `SELECT @from + CAST((at - @from) / @step AS INTEGER) * @step AS t, MAX(gpus) AS gpus,
           AVG(allocation_ratio) AS allocationRatio, AVG(fragmentation) AS fragmentation,
           AVG(idle_allocations) AS idleAllocations, AVG(pending_jobs) AS pendingJobs
         FROM fleet_history WHERE at >= @from AND at < @to GROUP BY t ORDER BY t`,
      )
      .all({ from, to, step: stepMs }) as FleetTimelinePoint[];
  }
}
