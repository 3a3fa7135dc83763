import koffi from "koffi";

const LOCK_EX = 2;
const LOCK_NB = 4;

let flock: ((fd: number, operation: number) => number) | undefined;

/**
 * Takes flock(2)'s exclusive lock on an open file without waiting: true when taken, false when another open file
 * holds it. The kernel drops the lock when its holder ends, however it ends, so a lock is never left stale (a
 * PID in a file can be: checking it, then removing the file, races another newcomer doing the same). Node has no
 * flock of its own; koffi, which the agent loads for NVML anyway, calls libc's.
 */
export function tryExclusiveFlock(fd: number): boolean {
  flock ??= koffi.load("libc.so.6").func("int flock(int fd, int operation)") as (
    fd: number,
    op: number,
  ) => number;
  if (flock(fd, LOCK_EX | LOCK_NB) === 0) return true;
  const errno = koffi.errno();
  if (errno === koffi.os.errno.EWOULDBLOCK) return false;
  throw new Error(`flock of file descriptor ${fd} failed (errno ${errno})`);
}
