import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { processAlive } from "./MpsControlDaemon.ts";

/** The owner file in an MPS root: `<pid> <start time>` of the process that keeps the root's daemons. */
const ownerFile = "owner";

/**
 * One process keeps the MPS daemons of a root. Two (an agent with --kubelet-dir and a `tessera device-plugin`
 * beside it, both on /run/tessera/mps) would each stop the other's daemons as not wanted and start them again,
 * killing the jobs' MPS servers each time. The owner is a pid with its start time, so a dead owner's file (kill -9,
 * a crash) is taken over, and a pid reused by another process after a reboot is not mistaken for the owner.
 */
export class MpsRootLock {
  private constructor(private readonly file: string) {}

  /** Takes the root for this process; throws, saying who holds it, when another live process does. */
  static acquire(root: string): MpsRootLock {
    mkdirSync(root, { recursive: true });
    const file = join(root, ownerFile);
    const me = ownerOf(process.pid);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        writeFileSync(file, me, { flag: "wx" });
        return new MpsRootLock(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
      const holder = readOwner(file);
      // The same process again (a supervisor made anew for the root) keeps it.
      if (holder === me) return new MpsRootLock(file);
      const pid = holder === undefined ? undefined : Number(holder.split(" ")[0]);
      if (pid !== undefined && holder === ownerOf(pid) && processAlive(pid)) {
        throw new Error(
          `MPS: the daemons in ${root} are kept by another process (PID ${pid}); one process per node keeps ` +
            "them (an agent with --kubelet-dir serves the device plugin itself): stop the other one, or give " +
            "this one its own --mps-root",
        );
      }
      // Its owner ended: remove the file and race any other newcomer for it through the exclusive create.
      rmSync(file, { force: true });
    }
    throw new Error(`MPS: could not take ${file}: other processes keep taking it`);
  }

  /** Gives the root up (the daemons stopped, or left for the next owner to adopt). */
  release(): void {
    if (readOwner(this.file) === ownerOf(process.pid)) rmSync(this.file, { force: true });
  }
}

function readOwner(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return undefined;
  }
}

/** `<pid> <start time>`, the start time in clock ticks since boot (field 22 of /proc/PID/stat), or the pid alone. */
function ownerOf(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): state is field 3, start time field 22.
    const start = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    return `${pid} ${start}`;
  } catch {
    return `${pid}`;
  }
}
