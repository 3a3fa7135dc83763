import type { FleetJob, FleetReadModel } from "./FleetReadModel.ts";

export interface JobEvent {
  type: "created" | "updated";
  job: FleetJob;
  at: number;
}

/** What a watcher sees change: a job's state, reason, slices or times. */
const fingerprint = (job: FleetJob) =>
  JSON.stringify([job.state, job.reason, job.sliceIds, job.startedAt, job.finishedAt]);

/**
 * Job events for watchers (the HTTP side of gRPC's JobService.Watch), derived by comparing each committed
 * snapshot with the last one, so they follow the read model without hooks into the scheduler.
 */
export function watchJobs(
  fleet: FleetReadModel,
  options: { jobId?: string; includeCurrent: boolean },
  send: (event: JobEvent) => void,
  now: () => number = Date.now,
): () => void {
  const wanted = (job: FleetJob) => options.jobId === undefined || job.id === options.jobId;
  const seen = new Map<string, string>();
  for (const job of fleet.snapshot().jobs) {
    if (!wanted(job)) continue;
    seen.set(job.id, fingerprint(job));
    if (options.includeCurrent) send({ type: "created", job, at: now() });
  }
  return fleet.onChange(() => {
    for (const job of fleet.snapshot().jobs) {
      if (!wanted(job)) continue;
      const print = fingerprint(job);
      const before = seen.get(job.id);
      if (before === print) continue;
      seen.set(job.id, print);
      send({ type: before === undefined ? "created" : "updated", job, at: now() });
    }
  });
}
