/** The job as the scheduler keeps and stores it: a validated spec plus its lifecycle. */

export const jobStates = [
  "Pending",
  "Scheduled",
  "Running",
  "Succeeded",
  "Failed",
  "Cancelled",
  "Preempted",
  "Lost",
] as const;
export type JobState = (typeof jobStates)[number];

/** States a job never leaves. Preempted and Lost are final only when the policy does not requeue them. */
export const finalJobStates: ReadonlySet<JobState> = new Set([
  "Succeeded",
  "Failed",
  "Cancelled",
  "Preempted",
  "Lost",
]);

export const jobKinds = ["training", "inference", "batch", "vm"] as const;
export type JobKind = (typeof jobKinds)[number];

/** The request shapes of the architecture; exactly one per job. */
export type RequestShape =
  | { kind: "mig"; profile: string }
  | { kind: "slice"; memoryMiB: number; computeSevenths: number }
  | { kind: "share"; gpuMilli: number; memoryMiB: number }
  | { kind: "whole"; gpus: number; requireNvlink: boolean }
  /** `mixedModels`: members may run on different GPU models (absent in older records: one model). */
  | { kind: "gang"; nodes: number; gpusPerNode: number; mixedModels?: boolean }
  /** CPU and host memory only, on one node: a CPU-only process or a MicroVM. */
  | { kind: "none" };

export interface JobRequest {
  shape: RequestShape;
  /** Allowed catalog model ids; empty allows all. */
  models: string[];
  cpuMillis: number;
  memoryMiB: number;
}

export interface JobSpec {
  name: string;
  tenant: string;
  queue: string;
  priority: number;
  kind: JobKind;
  request: JobRequest;
  command: string[];
  env: Record<string, string>;
  workdir: string;
  /** Queueing (scheduler/queue): priority class, preemption and declared run time; absent in older records. */
  priorityClass?: string;
  preemptible?: boolean;
  requeueOnPreemption?: boolean;
  maxRuntimeSeconds?: number;
  /** An OCI image the command runs in (a container job), with host paths mounted into it; absent: on the host. */
  container?: ContainerSpec;
}

/** A container job's image and bind mounts (JobSpec.image, JobSpec.mounts). */
export interface ContainerSpec {
  image: string;
  mounts: ContainerMount[];
}

export interface ContainerMount {
  source: string;
  target: string;
  readOnly: boolean;
}

/** The piece of one GPU a job holds; kind `none` (a job without GPUs) names only its node, GPU fields empty. */
export interface SliceAllocation {
  node: string;
  gpuUuid: string;
  gpuIndex: number;
  gpuModel: string;
  kind: "mig" | "share" | "whole" | "none";
  migProfile: string;
  migStart: number;
  migSize: number;
  /** Known once the agent created the instance. */
  migUuid: string;
  shareMilli: number;
  shareMemoryMiB: number;
}

/** A share that names its MIG instance (`migProfile`, `migStart`) runs on that instance under MPS, not on the GPU. */
export function shareOnMigInstance(a: SliceAllocation): boolean {
  return a.kind === "share" && a.migProfile !== "";
}

export interface JobTransition {
  from: JobState | "";
  to: JobState;
  atMs: number;
  reason: string;
}

/**
 * Why a Scheduled or Running job is being stopped, kept on the record until every member's process has ended so a
 * restarted scheduler finishes the stop the same way: a cancel ends it Cancelled, a preemption Preempted (or
 * requeued), a gang member's failure Failed, an interruption (its agent stopped a member) Pending again, and the
 * loss of a member's node Lost (or Pending again, by the lost-node policy).
 */
export interface JobStopRequest {
  cause: "cancel" | "preemption" | "failed" | "interrupted" | "lost";
  /** The reason the job ends with once stopped. */
  reason: string;
  /** `lost`: set when the job runs again (lost-node policy `requeue`), as the reason it is Pending again. */
  requeueReason?: string;
  /** Seconds between SIGTERM and SIGKILL that the agent gives a preempted job; absent: the agent's default. */
  graceSeconds?: number;
  requestedMs: number;
}

export interface JobRecord {
  id: string;
  /** Monotonic submit order, used for FIFO within a priority and for paging. */
  seq: number;
  clientRequestId: string;
  spec: JobSpec;
  state: JobState;
  reason: string;
  allocations: SliceAllocation[];
  attempt: number;
  exitCode: number | null;
  logNode: string;
  logPath: string;
  /** The current attempt's process as its agent reported it: start, end (0 while running), devices it saw. */
  startedMs: number;
  finishedMs: number;
  visibleDevices: string;
  createdMs: number;
  updatedMs: number;
  transitions: JobTransition[];
  /** Set while the job is being stopped; cleared when it leaves Scheduled/Running. Absent in older records. */
  stop?: JobStopRequest;
  /** A gang's members as their agents last reported them (one per node); absent for other jobs, older records. */
  memberReports?: GangMemberReport[];
}

/** What the agent of one gang member's node last said about that member's process. */
export interface GangMemberReport {
  node: string;
  /** The attempt reported; reports of an earlier attempt are stale (the view ignores them). */
  attempt: number;
  /** As the agent says it: `running`, `exited` or `failed_to_start`. */
  state: string;
  exitCode: number;
  /** Signal name when killed by one. */
  signal: string;
  message: string;
  logPath: string;
  startedMs: number;
  finishedMs: number;
}
