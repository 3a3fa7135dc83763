import { type ChildProcess, spawn } from "node:child_process";
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import type { ContainerRuntime } from "../container/ContainerRuntime.ts";
import type { JobInterruption, JobLaunch, JobProcess } from "./JobProcess.ts";
import type { JobUidRange } from "./JobUidRange.ts";

/** The unprivileged identity job commands run as; absent runs them as the agent's own user. */
export interface RunAs {
  user: string;
  uid: number;
  gid: number;
}

export interface ExecutorOptions {
  dataDir: string;
  runAs?: RunAs;
  /** Instead of `runAs`'s one uid: a uid of its own for every running job (tenant isolation on the node). */
  uidRange?: JobUidRange;
  /** Called whenever a job process starts, exits or fails to start. */
  onChange: () => void;
  /** Time between SIGTERM and SIGKILL of a stopped job's process group. */
  stopGraceMs?: number;
  /** How often adopted processes (not our children after an agent restart) are checked. */
  pollMs?: number;
  /** Runs container jobs (JobLaunch.container); absent, they fail to start. */
  containers?: ContainerRuntime;
  /** The node's name, for messages about its containers. */
  node?: string;
}

/** Names of Tessera's job containers start with this; anything else on the node's runtime is left alone. */
export const containerNamePrefix = "tessera-";

// The job runs under a tiny shell wrapper that records the exit status in a file (opened by the agent as fd 3, so
// the job's user needs no access to the agent's directory): an agent restarted while the job runs cannot wait()
// on it any more, but can still read how it ended. On a stop the wrapper outlives the SIGTERM sent to the group
// (a trap with a command is not inherited, so the job still gets the signal) until the job has ended, however
// long its grace: the job counts as running, and its GPU as busy, until then. A job ended by that signal makes
// the wrapper end by the same one, so the stop reads as before.
const wrapper =
  'trap "stopped=1" TERM; "$@" 3>&-; code=$?; echo "$code" >&3; ' +
  'if [ -n "$stopped" ] && [ "$code" -gt 128 ]; then trap - TERM; kill -s "$(kill -l "$code")" $$; fi; exit "$code"';

/**
 * Runs job commands as child processes, each in its own process group (so a stop kills everything it
 * started), with output captured to a log file per job attempt, and remembers them on disk across restarts.
 */
export class Executor {
  private readonly jobs = new Map<string, JobProcess>();
  private readonly children = new Map<string, ChildProcess>();
  private readonly stateFile: string;
  private readonly logDir: string;
  private readonly runDir: string;
  /** Runs only while a job adopted after a restart is running: this process gets no exit event for it. */
  private pollTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ExecutorOptions) {
    this.stateFile = join(options.dataDir, "executor.json");
    this.logDir = join(options.dataDir, "logs");
    this.runDir = join(options.dataDir, "run");
    mkdirSync(this.logDir, { recursive: true });
    mkdirSync(this.runDir, { recursive: true });
    this.adopt();
    if (this.adoptedRunning()) {
      this.pollTimer = setInterval(() => this.pollAdopted(), options.pollMs ?? 500);
      this.pollTimer.unref();
    }
  }

  static key(jobId: string, attempt: number): string {
    return `${jobId}#${attempt}`;
  }

  /** Where a job attempt's output is (or was) written; the file outlives the job's record. */
  logPathOf(jobId: string, attempt: number): string {
    return join(this.logDir, `${jobId}-${attempt}.log`);
  }

  list(): JobProcess[] {
    return [...this.jobs.values()];
  }

  get(jobId: string, attempt: number): JobProcess | undefined {
    return this.jobs.get(Executor.key(jobId, attempt));
  }

  start(launch: JobLaunch): JobProcess {
    const key = Executor.key(launch.jobId, launch.attempt);
    const existing = this.jobs.get(key);
    if (existing) return existing;
    const base = `${launch.jobId}-${launch.attempt}`;
    const logPath = join(this.logDir, `${base}.log`);
    const exitPath = join(this.runDir, `${base}.exit`);
    const workdir = launch.workdir || join(this.runDir, base);
    const job: JobProcess = {
      jobId: launch.jobId,
      attempt: launch.attempt,
      state: "running",
      pid: 0,
      exitCode: 0,
      signal: "",
      logPath,
      exitPath,
      message: "",
      visibleDevices: launch.visibleDevices,
      startedMs: Date.now(),
      finishedMs: 0,
      stopRequested: false,
    };
    this.jobs.set(key, job);
    let logFd: number | undefined;
    let exitFd: number | undefined;
    try {
      if (!launch.workdir || launch.container) mkdirSync(join(this.runDir, base), { recursive: true });
      exitFd = openSync(exitPath, "w");
      logFd = openSync(logPath, "a");
      const runAs = launch.privileged ? undefined : this.jobUser(job);
      const container = launch.container ? this.containerProcess(job, launch, runAs) : undefined;
      if (runAs && !launch.workdir && !container) {
        chownSync(workdir, runAs.uid, runAs.gid);
        chmodSync(workdir, 0o700);
      }
      // A container job's process is the runtime's client, as the agent's user; the job's user is set inside.
      const child = spawn("/bin/sh", ["-c", wrapper, "tessera-job", ...(container?.argv ?? launch.command)], {
        cwd: container ? join(this.runDir, base) : workdir,
        env: container ? process.env : launch.env,
        detached: true,
        stdio: ["ignore", logFd, logFd, exitFd],
        ...(runAs && !container ? { uid: runAs.uid, gid: runAs.gid } : {}),
      });
      job.pid = child.pid ?? 0;
      this.children.set(key, child);
      child.on("error", (err) =>
        this.finish(key, { failedToStart: `cannot start the command: ${err.message}` }),
      );
      child.on("exit", (code, signal) => {
        this.children.delete(key);
        this.finish(key, { code, signal });
      });
    } catch (err) {
      this.finish(key, { failedToStart: `cannot start the command: ${(err as Error).message}` });
    } finally {
      if (logFd !== undefined) closeSync(logFd);
      if (exitFd !== undefined) closeSync(exitFd);
    }
    this.persist();
    return job;
  }

  /**
   * The runtime client's argv for a container job. The client runs with the agent's environment; the job's
   * variables go to the container through an environment file (not the agent's PATH: the image has its own).
   */
  private containerProcess(job: JobProcess, launch: JobLaunch, runAs: RunAs | undefined): { argv: string[] } {
    const runtime = this.options.containers;
    if (!runtime) throw new Error("this node has no container runtime (tessera agent --container-runtime)");
    const name = `${containerNamePrefix}${launch.jobId}-${launch.attempt}`;
    const image = launch.container?.image ?? "";
    job.container = { name, image };
    const lines = Object.entries(launch.env)
      .filter(([k]) => k !== "PATH")
      .map(([k, v]) => {
        if (/[\r\n]/.test(v))
          throw new Error(`variable ${k} holds a line break, which a container's environment cannot`);
        return `${k}=${v}\n`;
      });
    const envFile = join(this.runDir, `${launch.jobId}-${launch.attempt}.env`);
    writeFileSync(envFile, lines.join(""), { mode: 0o600 });
    const argv = runtime.runArgs({
      name,
      image,
      command: launch.command,
      envFile,
      cdiDevices: launch.container?.cdiDevices ?? [],
      mounts: launch.container?.mounts ?? [],
      workdir: launch.workdir,
      hostNetwork: launch.container?.hostNetwork ?? false,
      hostIpc: launch.container?.hostIpc ?? false,
      ...(runAs ? { user: { uid: runAs.uid, gid: runAs.gid } } : {}),
    });
    return { argv };
  }

  /** Who a job runs as: a uid of its own from the range (kept in its record), else the one `runAs` user. */
  private jobUser(job: JobProcess): RunAs | undefined {
    const range = this.options.uidRange;
    if (!range) return this.options.runAs;
    const inUse = new Set<number>();
    for (const other of this.jobs.values()) {
      if (other.state === "running" && other.uid !== undefined) inUse.add(other.uid);
    }
    job.uid = range.pick(inUse);
    return { user: `uid ${job.uid}`, uid: job.uid, gid: job.uid };
  }

  /**
   * Stops a job: SIGTERM to its process group, SIGKILL after `graceMs` (default: the executor's `stopGraceMs`) if
   * it is still there. `interruption` says that the agent stopped it on its own, and why.
   */
  stop(
    jobId: string,
    attempt: number,
    graceMs = this.options.stopGraceMs ?? 3000,
    interruption?: JobInterruption,
  ): void {
    const job = this.jobs.get(Executor.key(jobId, attempt));
    if (job?.state !== "running" || job.stopRequested) return;
    job.stopRequested = true;
    if (interruption) job.interruption = interruption;
    this.persist();
    const runtime = this.options.containers;
    if (job.container && runtime) {
      // The runtime stops the container (SIGTERM, SIGKILL after the grace); its client, the job's process, then
      // exits with the container's status. Should the client hang, it is killed and the container removed.
      const { name } = job.container;
      runDetached(runtime.stopArgs(name, graceMs / 1000));
      const timer = setTimeout(() => {
        if (job.state !== "running") return;
        signalGroup(job.pid, "SIGKILL");
        runDetached(runtime.removeArgs(name));
      }, graceMs + 10_000);
      timer.unref();
      return;
    }
    signalGroup(job.pid, "SIGTERM");
    // Also after the job's main process ended: what it started may ignore SIGTERM, in the same group.
    const timer = setTimeout(() => signalGroup(job.pid, "SIGKILL"), graceMs);
    timer.unref();
  }

  /** Forgets a finished job once the scheduler no longer wants it (its record has been reported). */
  forget(jobId: string, attempt: number): void {
    const key = Executor.key(jobId, attempt);
    const job = this.jobs.get(key);
    if (!job || job.state === "running") return;
    this.jobs.delete(key);
    rmSync(job.exitPath, { force: true });
    if (job.container) rmSync(join(this.runDir, `${job.jobId}-${job.attempt}.env`), { force: true });
    this.persist();
  }

  /**
   * Records a job that is not started because its slices cannot be had (e.g. a GPU whose layout change failed),
   * so that it is reported failed_to_start once instead of being retried.
   */
  refuse(launch: JobLaunch, message: string, interruption?: JobInterruption): JobProcess {
    const key = Executor.key(launch.jobId, launch.attempt);
    const existing = this.jobs.get(key);
    if (existing) return existing;
    const base = `${launch.jobId}-${launch.attempt}`;
    const now = Date.now();
    const job: JobProcess = {
      jobId: launch.jobId,
      attempt: launch.attempt,
      state: "failed_to_start",
      pid: 0,
      exitCode: 0,
      signal: "",
      logPath: join(this.logDir, `${base}.log`),
      exitPath: join(this.runDir, `${base}.exit`),
      message,
      visibleDevices: launch.visibleDevices,
      startedMs: now,
      finishedMs: now,
      stopRequested: false,
      ...(interruption ? { interruption } : {}),
    };
    this.jobs.set(key, job);
    this.persist();
    this.options.onChange();
    return job;
  }

  /**
   * Stops every running job and waits (up to the grace period and a little more) for them to end; `interruption`
   * is recorded on each, so that it is reported with the job.
   */
  async stopAll(interruption?: JobInterruption): Promise<void> {
    const running = this.list().filter((j) => j.state === "running");
    for (const job of running) this.stop(job.jobId, job.attempt, undefined, interruption);
    const end = Date.now() + (this.options.stopGraceMs ?? 3000) + 1000;
    while (Date.now() < end && running.some((j) => j.state === "running")) {
      await new Promise((r) => setTimeout(r, 50));
      this.pollAdopted();
    }
  }

  close(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private finish(
    key: string,
    how: { code?: number | null; signal?: NodeJS.Signals | null; failedToStart?: string },
  ): void {
    const job = this.jobs.get(key);
    if (job?.state !== "running") return;
    job.finishedMs = Date.now();
    if (how.failedToStart !== undefined) {
      job.state = "failed_to_start";
      job.message = how.failedToStart;
    } else {
      job.state = "exited";
      job.exitCode = how.code ?? -1;
      job.signal = how.signal ?? "";
      if (job.interruption) job.message = interruptionMessage(job.interruption);
      else if (how.signal) job.message = `killed by ${how.signal}`;
      else if (job.container) this.containerFailure(job, job.container.image);
    }
    this.persist();
    this.options.onChange();
  }

  /**
   * A container that never ran its command (its image missing, a device or mount the runtime refused) is a
   * failure to start, with the runtime's own words; the job's own exit codes stay as they are.
   */
  private containerFailure(job: JobProcess, image: string): void {
    const failure = this.options.containers?.failureOf(job.exitCode, readTail(job.logPath, 8192));
    if (!failure) return;
    job.state = "failed_to_start";
    const node = this.options.node ? ` on node ${this.options.node}` : "";
    job.message = failure.imageMissing
      ? `image ${image} not found${node}: ${failure.detail}`
      : `the container runtime could not run image ${image}${node}: ${failure.detail}`;
  }

  /**
   * Removes Tessera's containers that no running job owns: left by an agent that died, or a job whose runtime
   * client was killed. Called at agent start; returns the names removed.
   */
  async removeLeftoverContainers(): Promise<string[]> {
    const runtime = this.options.containers;
    if (!runtime) return [];
    const owned = new Set(
      this.list()
        .filter((j) => j.state === "running" && j.container)
        .map((j) => j.container?.name),
    );
    const leftovers = (await runtime.list(containerNamePrefix)).filter((name) => !owned.has(name));
    await Promise.all(
      leftovers.map(
        (name) =>
          new Promise<void>((done) => {
            const [command, ...args] = runtime.removeArgs(name);
            const child = spawn(command ?? "", args, { stdio: "ignore" });
            child.on("error", () => done());
            child.on("exit", () => done());
          }),
      ),
    );
    return leftovers;
  }

  /** Reloads the job table after a restart; processes still alive are adopted, not restarted. */
  private adopt(): void {
    if (!existsSync(this.stateFile)) return;
    let saved: JobProcess[];
    try {
      saved = JSON.parse(readFileSync(this.stateFile, "utf8")) as JobProcess[];
    } catch (err) {
      throw new Error(
        `executor state ${this.stateFile} is unreadable (${(err as Error).message}); move it away to start fresh`,
      );
    }
    for (const job of saved) this.jobs.set(Executor.key(job.jobId, job.attempt), job);
    this.pollAdopted();
  }

  private pollAdopted(): void {
    for (const [key, job] of this.jobs) {
      if (job.state !== "running" || this.children.has(key)) continue;
      if (job.pid > 0 && processExists(job.pid)) continue;
      job.state = "exited";
      job.finishedMs = Date.now();
      const recorded = readExitFile(job.exitPath);
      if (job.interruption) {
        job.exitCode = recorded ?? -1;
        job.message = interruptionMessage(job.interruption);
      } else if (recorded === undefined) {
        job.exitCode = -1;
        job.message = "the process ended while the agent was down and left no exit status (killed?)";
      } else {
        job.exitCode = recorded;
        if (job.container) this.containerFailure(job, job.container.image);
      }
      this.persist();
      this.options.onChange();
    }
    if (this.pollTimer && !this.adoptedRunning()) {
      clearInterval(this.pollTimer);
      this.pollTimer = undefined;
    }
  }

  /** Whether a running job has no child process of this one (it was adopted after a restart). */
  private adoptedRunning(): boolean {
    for (const [key, job] of this.jobs) if (job.state === "running" && !this.children.has(key)) return true;
    return false;
  }

  private persist(): void {
    const tmp = `${this.stateFile}.tmp`;
    writeFileSync(tmp, JSON.stringify([...this.jobs.values()]));
    renameSync(tmp, this.stateFile);
  }
}

const interruptionMessages: Record<JobInterruption, string> = {
  fenced: "stopped by its agent, which had no contact with the scheduler for the fencing timeout (fenced)",
  agent_shutdown: "stopped because its agent was shut down (agent_shutdown)",
  layout_failed: "not started: its GPU could not be given the layout it needs (layout_failed)",
  mps_daemon_lost: "stopped by its agent: the MPS control daemon of its GPU died (mps_daemon_lost)",
};

function interruptionMessage(interruption: JobInterruption): string {
  return interruptionMessages[interruption];
}

/** Starts a runtime command that needs no answer (a stop, a removal); its failure shows in the job's end. */
function runDetached(argv: readonly string[]): void {
  const [command, ...args] = argv;
  if (!command) return;
  const child = spawn(command, args, { stdio: "ignore" });
  child.on("error", () => {});
  child.unref();
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  if (pid <= 0) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The last `bytes` of a file, or "" when it cannot be read. */
function readTail(path: string, bytes: number): string {
  try {
    const fd = openSync(path, "r");
    try {
      const size = fstatSync(fd).size;
      const buffer = Buffer.alloc(Math.min(bytes, size));
      readSync(fd, buffer, 0, buffer.length, size - buffer.length);
      return buffer.toString("utf8");
    } finally {
      closeSync(fd);
    }
  } catch {
    return "";
  }
}

function readExitFile(path: string): number | undefined {
  try {
    const text = readFileSync(path, "utf8").trim();
    return text === "" ? undefined : Number(text);
  } catch {
    return undefined;
  }
}
