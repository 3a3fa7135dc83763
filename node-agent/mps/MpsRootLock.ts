import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { tryExclusiveFlock } from "../host/ExclusiveFlock.ts";

/** The owner file in an MPS root: locked (flock) by the process that keeps the root's daemons, its PID inside. */
const ownerFile = "owner";

/** The roots this process holds: a supervisor made anew for a root (an agent restarted in tests) keeps it. */
const heldHere = new Map<string, MpsRootLock>();

/**
 * One process keeps the MPS daemons of a root. Two (an agent with --kubelet-dir and a `tessera device-plugin`
 * beside it, both on /run/tessera/mps) would each stop the other's daemons as not wanted and start them again,
 * killing the jobs' MPS servers each time. The owner holds flock's lock on `<root>/owner` for as long as it runs:
 * the kernel drops it when the owner ends (kill -9, a crash), so the next process takes the root over, and two
 * newcomers at once cannot both take it.
 */
export class MpsRootLock {
  private constructor(
    private readonly file: string,
    private fd: number | undefined,
  ) {}

  /** Takes the root for this process; throws, saying who holds it, when another live process does. */
  static acquire(root: string): MpsRootLock {
    mkdirSync(root, { recursive: true });
    const file = join(root, ownerFile);
    const held = heldHere.get(file);
    if (held) return held;
    for (let attempt = 0; attempt < 3; attempt++) {
      const fd = openSync(file, constants.O_RDWR | constants.O_CREAT, 0o644);
      if (!tryExclusiveFlock(fd)) {
        // Read through the open file: its owner may remove the name meanwhile.
        const pid = readFileSync(fd, "utf8").trim() || "unknown";
        closeSync(fd);
        throw new Error(
          `MPS: the daemons in ${root} are kept by another process (PID ${pid}); one process per node keeps ` +
            "them (an agent with --kubelet-dir serves the device plugin itself): stop the other one, or give " +
            "this one its own --mps-root",
        );
      }
      // The owner before us removed the file on its way out after we opened it: our lock is on a file nobody
      // else will open, so open the name again.
      if (statSync(file, { throwIfNoEntry: false })?.ino !== fstatSync(fd).ino) {
        closeSync(fd);
        continue;
      }
      // Written over the old PID, then cut to length: a newcomer refused meanwhile reads a PID, never nothing.
      const pid = Buffer.from(`${process.pid}\n`);
      writeSync(fd, pid, 0, pid.length, 0);
      ftruncateSync(fd, pid.length);
      const lock = new MpsRootLock(file, fd);
      heldHere.set(file, lock);
      return lock;
    }
    throw new Error(`MPS: could not take ${file}: other processes keep taking and giving it up`);
  }

  /** Gives the root up (the daemons stopped, or left for the next owner to adopt). */
  release(): void {
    if (this.fd === undefined) return;
    // Removed while still locked, so a newcomer that opened it meanwhile sees it is gone and opens anew.
    // (Force: an operator may have cleared the root by hand; the agent's shutdown goes on all the same.)
    rmSync(this.file, { force: true });
    closeSync(this.fd);
    this.fd = undefined;
    heldHere.delete(this.file);
  }
}
