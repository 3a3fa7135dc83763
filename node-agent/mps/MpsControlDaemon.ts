import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** The limits a control daemon applies to the MPS servers it starts (its defaults; clients may only go lower). */
export interface MpsLimits {
  /** CUDA_MPS_ACTIVE_THREAD_PERCENTAGE / set_default_active_thread_percentage, 1..100. */
  activeThreadPercentage: number;
  /** CUDA_MPS_PINNED_DEVICE_MEM_LIMIT / set_default_device_pinned_mem_limit, in MiB; 0 sets none. */
  pinnedMemoryMiB: number;
}

/** Limits that hold each of two shares: the larger of each (a client's own variables can lower them). */
export function largestMpsLimits(had: MpsLimits | undefined, limits: MpsLimits): MpsLimits {
  return {
    activeThreadPercentage: Math.max(had?.activeThreadPercentage ?? 0, limits.activeThreadPercentage),
    pinnedMemoryMiB: Math.max(had?.pinnedMemoryMiB ?? 0, limits.pinnedMemoryMiB),
  };
}

/** How long one command to the control daemon may take before it counts as hung. */
const commandTimeoutMs = 5000;
/** How long a daemon gets to exit after `quit` before it is killed. */
const quitWaitMs = 3000;
const pidFileName = "nvidia-cuda-mps-control.pid";

/**
 * One MPS control daemon (`nvidia-cuda-mps-control -d`) serving one device (a GPU or a MIG instance), with its own
 * pipe and log directories under `dir`, so several run side by side without sharing NVIDIA's default
 * /tmp/nvidia-mps. It sees only its device (CUDA_VISIBLE_DEVICES), which is device 0 to it and to its clients.
 */
export class MpsControlDaemon {
  readonly pipeDirectory: string;
  readonly logDirectory: string;

  constructor(
    /** `GPU-...` or `MIG-...`. */
    readonly device: string,
    readonly dir: string,
    private readonly binary: string,
  ) {
    this.pipeDirectory = join(dir, "pipe");
    this.logDirectory = join(dir, "log");
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      CUDA_VISIBLE_DEVICES: this.device,
      CUDA_MPS_PIPE_DIRECTORY: this.pipeDirectory,
      CUDA_MPS_LOG_DIRECTORY: this.logDirectory,
    };
  }

  /** The daemon's PID as its PID file says, if the file is there. */
  pid(): number | undefined {
    try {
      const pid = Number(readFileSync(join(this.pipeDirectory, pidFileName), "utf8").trim());
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /** Whether the daemon's process is alive (a zombie left for an init that does not reap counts as dead). */
  running(): boolean {
    const pid = this.pid();
    return pid !== undefined && processAlive(pid);
  }

  /**
   * Starts the daemon; a daemon still running in the pipe directory (one whose start was taken for failed) is
   * stopped and what it left is removed first, so no daemon is left running that nothing keeps. Throws what failed.
   */
  start(): void {
    const left = this.pid();
    // The PID file may be older than a reboot: only a control daemon is stopped, never whoever has its PID now.
    if (left !== undefined && processAlive(left) && this.isDaemon(left)) this.stop();
    mkdirSync(this.logDirectory, { recursive: true });
    mkdirSync(this.pipeDirectory, { recursive: true });
    // Jobs run as other users (--run-as, --uid-range) and must reach the pipe directory to be clients.
    for (const d of [dirname(this.dir), this.dir, this.pipeDirectory]) chmodSync(d, 0o755);
    for (const name of readdirSync(this.pipeDirectory))
      rmSync(join(this.pipeDirectory, name), { recursive: true, force: true });
    try {
      execFileSync(this.binary, ["-d"], {
        env: this.env(),
        stdio: ["ignore", "pipe", "pipe"],
        timeout: commandTimeoutMs,
      });
    } catch (err) {
      // Its start reported a failure (e.g. too slow under load) though the daemon runs: stopped, not left behind.
      if (this.running()) this.stop();
      throw new Error(
        `cannot start the MPS control daemon for ${this.device} (${this.binary} -d): ${failure(err)}. ` +
          "Check --mps-control and that the binary runs on this host",
      );
    }
    if (!this.running())
      throw new Error(
        `the MPS control daemon for ${this.device} exited right after it started; see ${join(this.logDirectory, "control.log")}`,
      );
  }

  /** Sends one command line as `echo CMD | nvidia-cuda-mps-control` does; returns what the daemon printed. */
  command(line: string): string {
    try {
      return execFileSync(this.binary, [], {
        env: this.env(),
        input: `${line}\n`,
        stdio: ["pipe", "pipe", "pipe"],
        timeout: commandTimeoutMs,
      })
        .toString()
        .trim();
    } catch (err) {
      throw new Error(`MPS control daemon for ${this.device}: "${line}" failed: ${failure(err)}`);
    }
  }

  /** Sets the defaults for the servers it starts next and checks that the daemon took them. */
  setLimits(limits: MpsLimits): void {
    const percent = this.command(`set_default_active_thread_percentage ${limits.activeThreadPercentage}`);
    if (Number(percent) !== limits.activeThreadPercentage)
      throw new Error(
        `MPS control daemon for ${this.device}: set_default_active_thread_percentage ${limits.activeThreadPercentage} answered "${percent}"`,
      );
    if (limits.pinnedMemoryMiB <= 0) return;
    const size = `${limits.pinnedMemoryMiB}M`;
    const answer = this.command(`set_default_device_pinned_mem_limit 0 ${size}`);
    if (answer !== "")
      throw new Error(
        `MPS control daemon for ${this.device}: set_default_device_pinned_mem_limit 0 ${size} answered "${answer}"`,
      );
  }

  /** The PIDs of the MPS servers it runs now (one per client user; `get_server_list`). */
  servers(): number[] {
    return this.command("get_server_list")
      .split(/\s+/)
      .filter((word) => /^\d+$/.test(word))
      .map(Number);
  }

  /**
   * Sets one server's own limits (`set_active_thread_percentage PID`, `set_device_pinned_mem_limit PID 0`): they
   * reach the clients that server takes from then on. NVIDIA documents no answer for these; an answer other than
   * nothing or the value set is an error.
   */
  setServerLimits(server: number, limits: MpsLimits): void {
    const percent = this.command(`set_active_thread_percentage ${server} ${limits.activeThreadPercentage}`);
    if (percent !== "" && Number(percent) !== limits.activeThreadPercentage)
      throw new Error(
        `MPS control daemon for ${this.device}: set_active_thread_percentage ${server} ${limits.activeThreadPercentage} answered "${percent}"`,
      );
    if (limits.pinnedMemoryMiB <= 0) return;
    const size = `${limits.pinnedMemoryMiB}M`;
    const answer = this.command(`set_device_pinned_mem_limit ${server} 0 ${size}`);
    if (answer !== "")
      throw new Error(
        `MPS control daemon for ${this.device}: set_device_pinned_mem_limit ${server} 0 ${size} answered "${answer}"`,
      );
  }

  /** The limits the daemon holds now, read back with its own get_ commands. */
  readLimits(): { activeThreadPercentage: number; pinnedMemoryLimit: string } {
    return {
      activeThreadPercentage: Number(this.command("get_default_active_thread_percentage")),
      pinnedMemoryLimit: this.command("get_default_device_pinned_mem_limit 0"),
    };
  }

  /** Whether `pid` runs this daemon's binary as a control daemon (`-d`). */
  private isDaemon(pid: number): boolean {
    try {
      const [command, ...args] = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      return basename(command ?? "") === basename(this.binary) && args.includes("-d");
    } catch {
      return false;
    }
  }

  /** Asks the daemon to quit, kills it if it does not within a few seconds, and removes its pipe directory. */
  stop(): void {
    const pid = this.pid();
    if (pid !== undefined && processAlive(pid)) {
      try {
        this.command("quit");
      } catch {
        // A daemon that cannot take the command is killed below.
      }
      const end = Date.now() + quitWaitMs;
      while (processAlive(pid) && Date.now() < end) sleepMs(20);
      if (processAlive(pid)) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // Gone in between.
        }
      }
    }
    rmSync(this.pipeDirectory, { recursive: true, force: true });
  }
}

function failure(err: unknown): string {
  const e = err as { stderr?: Buffer; message?: string };
  const stderr = e.stderr?.toString().trim();
  return stderr || e.message || String(err);
}

/** A short synchronous wait: the agent's reconcile is synchronous, and a daemon quits within milliseconds. */
function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The real user id `pid` runs as (an MPS server runs as its clients' user), or undefined when it is gone. */
export function processUid(pid: number): number | undefined {
  try {
    const line = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return line ? Number(line[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `pid` runs; a zombie (reparented to an init that does not reap it) counts as ended. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    // Field 3 of /proc/PID/stat is the state; Z is a zombie. The command name (field 2) may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}
