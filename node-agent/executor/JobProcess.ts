import type { ContainerMountPoint } from "../container/ContainerRuntime.ts";

/** A job that runs in a container: its image, host paths mounted in, and its devices by CDI name. */
export interface ContainerLaunch {
  image: string;
  mounts: readonly ContainerMountPoint[];
  cdiDevices: readonly string[];
  /** On the host's network (gang members), else the runtime's default network. */
  hostNetwork: boolean;
  /** In the host's IPC namespace (MPS clients). */
  hostIpc: boolean;
}

/** What the executor is asked to run: one assignment of the desired state, resolved to devices. */
export interface JobLaunch {
  jobId: string;
  attempt: number;
  command: string[];
  /** The environment the job gets, the device variables included. */
  env: Record<string, string>;
  /** Empty: the executor's per-job directory. */
  workdir: string;
  /** The CUDA_VISIBLE_DEVICES value, reported back for checks. */
  visibleDevices: string;
  /** Run as the agent's own user even when jobs run as an unprivileged one (VM jobs: KVM, VFIO, sysfs). */
  privileged?: boolean;
  /** Run the command in a container (JobSpec.image); `workdir` is then a directory in the container. */
  container?: ContainerLaunch;
}

export type JobProcessState = "running" | "exited" | "failed_to_start";

/**
 * Why the agent itself stopped a job, or did not start it (not the job's own failure): an operator stopped the
 * agent, the agent had no contact with the scheduler for the fencing timeout, the MPS control daemon of the job's
 * GPU died under it, or the job's GPU could not be given the layout it needs. The scheduler requeues such a job.
 */
export type JobInterruption = "agent_shutdown" | "fenced" | "mps_daemon_lost" | "layout_failed";

/** A job process as the executor tracks it; persisted so that a restarted agent adopts running jobs. */
export interface JobProcess {
  jobId: string;
  attempt: number;
  state: JobProcessState;
  pid: number;
  exitCode: number;
  signal: string;
  logPath: string;
  exitPath: string;
  message: string;
  visibleDevices: string;
  startedMs: number;
  finishedMs: number;
  /** Set once the executor asked the process group to stop. */
  stopRequested: boolean;
  /** The user id it runs as when it got one of its own from --uid-range. */
  uid?: number;
  /** Set when the agent stopped the job on its own; absent in records written before it existed. */
  interruption?: JobInterruption;
  /** A container job's container name and image (the name outlives an agent restart: stop and cleanup use it). */
  container?: { name: string; image: string };
}
