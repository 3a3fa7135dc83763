import { EventHeap } from "./EventHeap.ts";
import type { JobSubmission } from "./JobSubmission.ts";
import type { CycleResult, FinishOutcome, Preemption } from "./QueueCycleResult.ts";
import type { AdmittedJob, QueuedJob } from "./QueuedJob.ts";
import { amountOf } from "./ResourceVector.ts";

/** What a timeline replay needs from a queue: the multi-tenant `QueueManager`, or the `FifoQueue` baseline. */
export interface TimelineQueue<Request, Allocation> {
  submit(submission: JobSubmission<Request>, now: number): QueuedJob<Request>;
  cycle(now: number): CycleResult<Request, Allocation>;
  finished(jobId: string, now: number): FinishOutcome<Request>;
  pendingJobs(): readonly QueuedJob<Request>[];
  runningJobs(): readonly AdmittedJob<Request, Allocation>[];
}

export interface TimelineArrival<Request> {
  submission: JobSubmission<Request>;
  /** Seconds on the virtual clock. */
  at: number;
  /** How long the job runs once started (from scratch again after a preemption). */
  runSeconds: number;
}

export interface TimelineJobOutcome {
  id: string;
  queue: string;
  submittedAt: number;
  /** First start; the queueing delay is `firstStartedAt - submittedAt`. */
  firstStartedAt: number | undefined;
  endedAt: number | undefined;
  state: "Succeeded" | "Preempted" | "Running" | "Pending";
  preemptions: number;
}

export interface TimelineSample {
  t: number;
  /** GPU-equivalents held by running jobs. */
  allocatedGpus: number;
  pending: number;
  running: number;
}

export interface TimelineResult {
  jobs: TimelineJobOutcome[];
  samples: TimelineSample[];
  preemptions: Preemption[];
  cycles: number;
  endedAt: number;
}

export interface TimelineOptions {
  /** Also run a cycle this often while jobs wait (aging needs the clock to move even when nothing happens). */
  tickSeconds?: number;
  /** Allocation is sampled at most this often. */
  sampleEverySeconds?: number;
  /** Stop the replay at this time. */
  until?: number;
  /** Stop once every arrival was submitted and nothing waits (jobs still running are left running). */
  stopWhenDrained?: boolean;
  onProgress?: (done: number, total: number, t: number) => void;
}

interface TimedEvent {
  t: number;
  kind: "end" | "stop";
  jobId: string;
  attempt: number;
}

/**
 * Replays arrivals through a queue on a virtual clock: jobs run for their `runSeconds` once admitted, preempted
 * jobs stop when their grace period ends (or earlier, when their work is done), and requeued ones run again.
 */
export function runQueueTimeline<Request, Allocation>(
  queue: TimelineQueue<Request, Allocation>,
  arrivals: readonly TimelineArrival<Request>[],
  options: TimelineOptions = {},
): TimelineResult {
  const ordered = [...arrivals].sort((a, b) => a.at - b.at);
  const runSeconds = new Map(ordered.map((a) => [a.submission.id, a.runSeconds]));
  const outcomes = new Map<string, TimelineJobOutcome>();
  const attempts = new Map<string, number>();
  const events = new EventHeap<TimedEvent>(before);
  const samples: TimelineSample[] = [];
  const preemptions: Preemption[] = [];
  const until = options.until ?? Number.POSITIVE_INFINITY;
  const sampleEvery = options.sampleEverySeconds ?? 0;
  let nextArrival = 0;
  let cycles = 0;
  /** The time of the last cycle run. */
  let last = 0;
  let nextTick = Number.POSITIVE_INFINITY;

  for (;;) {
    const t = Math.min(
      ordered[nextArrival]?.at ?? Number.POSITIVE_INFINITY,
      events.peek()?.t ?? Number.POSITIVE_INFINITY,
      nextTick,
    );
    if (!Number.isFinite(t) || t > until) break;
    last = t;
    for (let e = events.peek(); e && e.t <= t; e = events.peek()) {
      events.pop();
      if (attempts.get(e.jobId) !== e.attempt) continue;
      attempts.set(e.jobId, e.attempt + 1);
      const outcome = outcomes.get(e.jobId)!;
      const finish = queue.finished(e.jobId, t);
      if (finish.preempted && e.kind === "stop") {
        outcome.preemptions++;
        outcome.state = finish.requeued ? "Pending" : "Preempted";
        if (!finish.requeued) outcome.endedAt = t;
      } else {
        outcome.state = "Succeeded";
        outcome.endedAt = t;
      }
    }
    for (; nextArrival < ordered.length && (ordered[nextArrival]?.at ?? 0) <= t; nextArrival++) {
      const arrival = ordered[nextArrival]!;
      const job = queue.submit(arrival.submission, arrival.at);
      outcomes.set(job.id, {
        id: job.id,
        queue: job.queue,
        submittedAt: arrival.at,
        firstStartedAt: undefined,
        endedAt: undefined,
        state: "Pending",
        preemptions: 0,
      });
    }
    const cycle = queue.cycle(t);
    cycles++;
    for (const admitted of cycle.admitted) {
      const id = admitted.job.id;
      const outcome = outcomes.get(id)!;
      outcome.firstStartedAt ??= t;
      outcome.state = "Running";
      const attempt = attempts.get(id) ?? 0;
      attempts.set(id, attempt);
      events.push({ t: t + (runSeconds.get(id) ?? 0), kind: "end", jobId: id, attempt });
    }
    for (const preemption of cycle.preempted) {
      preemptions.push(preemption);
      const attempt = attempts.get(preemption.jobId) ?? 0;
      events.push({ t: preemption.stop.killAt, kind: "stop", jobId: preemption.jobId, attempt });
    }
    const running = queue.runningJobs();
    const pending = queue.pendingJobs().length;
    nextTick = options.tickSeconds && pending > 0 ? t + options.tickSeconds : Number.POSITIVE_INFINITY;
    const lastSample = samples[samples.length - 1];
    if (!lastSample || t - lastSample.t >= sampleEvery) {
      const allocatedGpus = running.reduce((sum, r) => sum + amountOf(r.job.demand, "gpus"), 0);
      samples.push({ t, allocatedGpus, pending, running: running.length });
    }
    options.onProgress?.(nextArrival, ordered.length, t);
    if (options.stopWhenDrained && nextArrival === ordered.length && pending === 0) break;
  }
  return { jobs: [...outcomes.values()], samples, preemptions, cycles, endedAt: last };
}

/** End before stop at the same instant, so finished work is not preempted. */
function before(a: TimedEvent, b: TimedEvent): boolean {
  return a.t < b.t || (a.t === b.t && a.kind === "end" && b.kind === "stop");
}
