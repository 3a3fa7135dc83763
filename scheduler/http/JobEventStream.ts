import type { FleetJob, FleetReadModel } from "../readmodel/FleetReadModel.ts";

export interface JobEvent {
  type: "created" | "updated";
  job: FleetJob;
  at: number;
}

/** What a watcher sees change: a job's state, reason, slices or times. */
const fingerprint = (job: FleetJob) =>
  JSON.stringify([job.state, job.reason, job.sliceIds, job.startedAt, job.finishedAt]);

/**
 * Job events for watchers (the HTTP side of gRPC's JobService.Watch), from the read model's per-job changes: a
 * watcher costs O(1) per change, never a rescan of every job. Changes a watcher does not see (times, reports
 * that change nothing it shows) are left out by comparing with what it saw last.
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
  return fleet.onJobChange((job) => {
    if (!wanted(job)) return;
    const print = fingerprint(job);
    const before = seen.get(job.id);
    if (before === print) return;
    seen.set(job.id, print);
    send({ type: before === undefined ? "created" : "updated", job, at: now() });
  });
}
