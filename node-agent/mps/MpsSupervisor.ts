import { readdirSync } from "node:fs";
import { join } from "node:path";
import { MpsControlDaemon, type MpsLimits, processUid } from "./MpsControlDaemon.ts";
import { MpsRootLock } from "./MpsRootLock.ts";

export interface MpsSupervisorOptions {
  /** The control daemon's executable (`--mps-control`): a path, or a name looked up on PATH. */
  binary: string;
  /** One folder per device below it: `<root>/<device>/pipe` and `<root>/<device>/log` (and pods' `<root>/shm`). */
  root: string;
  log?: (line: string) => void;
}

/** sun_path of struct sockaddr_un on Linux is 108 bytes, with the terminating NUL. */
const maxSocketPathBytes = 107;

/** What became of one device's daemon in a converge or check. */
export interface MpsDaemonProblem {
  device: string;
  message: string;
}

/**
 * Keeps exactly one MPS control daemon per device that holds MPS shares: starts the missing ones, sets their
 * limits, stops those no longer wanted, and restarts those that died. Level-triggered: every call gets the whole
 * wanted set. Daemons found running at start (an agent restart) are adopted, since their clients still use them.
 * It owns its root while it lives (MpsRootLock): a second process on the same root is refused at start.
 */
export class MpsSupervisor {
  private readonly daemons = new Map<
    string,
    {
      daemon: MpsControlDaemon;
      limits?: string;
      serverLimits?: Map<number, string>;
      /** The defaults the servers were last brought to: until they change, only per-uid limits need a look. */
      serversAt?: string;
    }
  >();
  private readonly lock: MpsRootLock;

  constructor(private readonly options: MpsSupervisorOptions) {
    // Refused at start, not at the first share: a root too deep leaves every share job waiting for its daemon.
    const problem = mpsRootProblem(options.root);
    if (problem) throw new Error(problem);
    this.lock = MpsRootLock.acquire(options.root);
    for (const entry of readdirSync(options.root, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === "shm") continue;
      const device = entry.name;
      const daemon = this.daemonFor(device);
      if (daemon.running()) {
        this.daemons.set(device, { daemon });
        this.log(`adopted the running MPS control daemon of ${device} (PID ${daemon.pid()})`);
      }
    }
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  private daemonFor(device: string): MpsControlDaemon {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(device))
      throw new Error(`MPS: device "${device}" is not a GPU or MIG UUID`);
    const dir = join(this.options.root, device);
    checkControlSocket(join(dir, "pipe", "control"), `${device}'s`);
    return new MpsControlDaemon(device, dir, this.options.binary);
  }

  /** The pipe directory of a device's daemon while it runs; clients get it as CUDA_MPS_PIPE_DIRECTORY. */
  pipeDirectory(device: string): string | undefined {
    const entry = this.daemons.get(device);
    return entry?.daemon.running() ? entry.daemon.pipeDirectory : undefined;
  }

  /** Devices with a daemon of ours. */
  devices(): string[] {
    return [...this.daemons.keys()];
  }

  /**
   * Makes the daemons match `wanted` (device -> its limits): starts and configures the missing ones, re-sends
   * limits that changed, stops the rest except those in `keep` (clients still on them, e.g. jobs being stopped).
   * Returns what failed, per device; those are retried at the next call.
   */
  converge(
    wanted: ReadonlyMap<string, MpsLimits>,
    keep: ReadonlySet<string> = new Set(),
  ): MpsDaemonProblem[] {
    const problems: MpsDaemonProblem[] = [];
    for (const [device, entry] of this.daemons) {
      if (wanted.has(device) || keep.has(device)) continue;
      this.daemons.delete(device);
      try {
        entry.daemon.stop();
        this.log(`stopped the MPS control daemon of ${device}: no shares left on it`);
      } catch (err) {
        problems.push({ device, message: (err as Error).message });
      }
    }
    for (const [device, limits] of wanted) {
      const key = JSON.stringify(limits);
      let entry = this.daemons.get(device);
      try {
        if (!entry) {
          const daemon = this.daemonFor(device);
          daemon.start();
          entry = { daemon };
          this.daemons.set(device, entry);
          this.log(`started the MPS control daemon of ${device} (PID ${daemon.pid()}) in ${daemon.dir}`);
        }
        if (entry.limits !== key) {
          entry.daemon.setLimits(limits);
          entry.limits = key;
        }
      } catch (err) {
        problems.push({ device, message: (err as Error).message });
      }
    }
    return problems;
  }

  /**
   * Finds the daemons that died since the last look and starts them again with their limits; returns the devices
   * whose daemon had died (their clients lost their MPS server with it).
   */
  restartDead(): MpsDaemonProblem[] {
    const dead: MpsDaemonProblem[] = [];
    for (const [device, entry] of this.daemons) {
      if (entry.daemon.running()) continue;
      dead.push({ device, message: `the MPS control daemon of ${device} died` });
      this.log(`the MPS control daemon of ${device} died; starting it again`);
      try {
        entry.daemon.start();
        if (entry.limits !== undefined) entry.daemon.setLimits(JSON.parse(entry.limits) as MpsLimits);
      } catch (err) {
        // Left in the map: the next look finds it dead again and tries again.
        this.log((err as Error).message);
      }
    }
    return dead;
  }

  /**
   * Gives each running MPS server the limits of its user (`limits`: device -> uid -> limits), or the daemon's
   * defaults for a user without an entry. A server runs as its clients' uid and keeps the settings it started
   * with, so this is how a server of one job (`--uid-range`) gets that job's limits, and how a server several jobs
   * share follows the defaults as shares come and go. Sent once per server and value; returns what failed. The
   * servers are listed only where a uid has limits of its own or the defaults changed since the last look (a
   * server started meanwhile took the defaults then current), so an idle node starts no process each second.
   */
  limitServers(limits: ReadonlyMap<string, ReadonlyMap<number, MpsLimits>>): MpsDaemonProblem[] {
    const problems: MpsDaemonProblem[] = [];
    for (const [device, entry] of this.daemons) {
      if (entry.limits === undefined || !entry.daemon.running()) continue;
      if (!limits.get(device)?.size && entry.serversAt === entry.limits) continue;
      const defaults = JSON.parse(entry.limits) as MpsLimits;
      const applied = new Map<number, string>();
      try {
        for (const server of entry.daemon.servers()) {
          const uid = processUid(server);
          const wanted = (uid === undefined ? undefined : limits.get(device)?.get(uid)) ?? defaults;
          const key = JSON.stringify(wanted);
          if (entry.serverLimits?.get(server) !== key) {
            entry.daemon.setServerLimits(server, wanted);
            this.log(
              `MPS server ${server} (uid ${uid}) of ${device}: ${wanted.activeThreadPercentage}% of the SMs, ${wanted.pinnedMemoryMiB} MiB pinned at most`,
            );
          }
          applied.set(server, key);
        }
        entry.serversAt = entry.limits;
      } catch (err) {
        problems.push({ device, message: (err as Error).message });
      }
      // Servers that ended are forgotten: a new server of the same uid gets its limits again.
      entry.serverLimits = applied;
    }
    return problems;
  }

  /** Stops every daemon of ours (the agent stops with its jobs). */
  stopAll(): void {
    this.converge(new Map());
  }

  /** Gives the root up to the next process, which adopts the daemons still running (clients still on them). */
  release(): void {
    this.lock.release();
  }
}

/** A GPU or MIG UUID as NVML gives it: `GPU-` or `MIG-` and 36 characters. */
const uuidLength = 40;

/**
 * Why MPS daemons cannot live under `root`, or undefined: each listens on `<root>/<UUID>/pipe/control`, and a unix
 * socket's path holds 107 bytes at most (unix(7)).
 */
export function mpsRootProblem(root: string): string | undefined {
  const socket = join(root, "X".repeat(uuidLength), "pipe", "control");
  return controlSocketProblem(socket, "a GPU's", socket.replace("X".repeat(uuidLength), "<GPU UUID>"));
}

function checkControlSocket(socket: string, whose: string): void {
  const problem = controlSocketProblem(socket, whose, socket);
  if (problem) throw new Error(problem);
}

function controlSocketProblem(socket: string, whose: string, shown: string): string | undefined {
  const bytes = Buffer.byteLength(socket);
  if (bytes <= maxSocketPathBytes) return undefined;
  return (
    `MPS: the control socket of ${whose} daemon would be ${shown} (${bytes} bytes), longer than a unix socket ` +
    `path may be (${maxSocketPathBytes} bytes); use a shorter --data-dir or --mps-root`
  );
}
