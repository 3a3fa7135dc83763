/** A host path bind-mounted into a job's container. */
export interface ContainerMountPoint {
  source: string;
  target: string;
  readOnly: boolean;
}

/** One job container, as the executor asks a runtime to run it. */
export interface ContainerRun {
  /** `tessera-<job>-<attempt>`: names of Tessera's containers start with `tessera-`. */
  name: string;
  image: string;
  command: readonly string[];
  /**
   * The container's environment as a file of NAME=VALUE lines (readable by the agent only): values stay out of the
   * process list, and the job's variables out of the runtime client's own environment (CONTAINERS_CONF, ...).
   */
  envFile: string;
  /** Fully qualified CDI device names (`nvidia.com/gpu=0:1`). */
  cdiDevices: readonly string[];
  mounts: readonly ContainerMountPoint[];
  /** Working directory inside the container; empty: the image's. */
  workdir: string;
  /** The host's network (a gang member: the others reach its rendezvous port at its node's address). */
  hostNetwork: boolean;
  /** The host's IPC namespace (an MPS client: it shares memory with its GPU's control daemon on the host). */
  hostIpc: boolean;
  /** Run as this uid:gid inside the container (the job's unprivileged user); absent: the image's user. */
  user?: { uid: number; gid: number };
}

/** Why a container did not run: its image is missing, or the runtime failed (bad device, bad mount, ...). */
export interface ContainerFailure {
  imageMissing: boolean;
  /** The runtime's own error line. */
  detail: string;
}

/**
 * A container runtime on the node, driven through its CLI (podman first; containerd's nerdctl can follow): the
 * executor runs `runArgs` as the job's process, so logs, exit status and adoption after an agent restart work
 * as for host jobs.
 */
export interface ContainerRuntime {
  /** As advertised to the scheduler (NodeCapabilities.container_runtimes) and named by `--container-runtime`. */
  readonly name: string;
  /** Whether the runtime answers on this node, and what it said (version, OCI runtime) or why not. */
  probe(): Promise<{ ok: boolean; detail: string }>;
  /** argv that runs the container in the foreground, removes it when it ends and exits with its status. */
  runArgs(run: ContainerRun): string[];
  /** argv that stops a container: SIGTERM, SIGKILL after `graceSeconds`. */
  stopArgs(name: string, graceSeconds: number): string[];
  /** argv that removes a container whatever its state. */
  removeArgs(name: string): string[];
  /** Names of the containers whose name starts with `prefix`, running or not. */
  list(prefix: string): Promise<string[]>;
  /** Reads a run's exit status and the end of its output: a failure of the runtime, not of the job, or undefined. */
  failureOf(exitCode: number, outputTail: string): ContainerFailure | undefined;
}
