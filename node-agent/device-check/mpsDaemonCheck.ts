import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveMpsControl } from "../mps/MpsControlBinary.ts";
import { MpsControlDaemon, processAlive } from "../mps/MpsControlDaemon.ts";
import { MpsSupervisor } from "../mps/MpsSupervisor.ts";

/** Limits the check sets and expects to read back: small enough for any GPU, unlike NVIDIA's defaults. */
const checkLimits = { activeThreadPercentage: 25, pinnedMemoryMiB: 4096 };

/**
 * Starts Tessera's MPS supervisor on one GPU with a private pipe and log directory, sets limits through the control
 * daemon's commands, reads them back, and stops it. Touches no GPU setting (no compute mode, no MIG, no reset):
 * a control daemon with no client starts no MPS server. `skipped` when the host has no control daemon.
 */
export function mpsDaemonCheck(
  gpuUuid: string | undefined,
  binary?: string,
): { status: "passed" | "failed" | "skipped"; lines: string[] } {
  const found = resolveMpsControl(binary);
  if (!found) return { status: "skipped", lines: ["mps: skipped: nvidia-cuda-mps-control is not installed"] };
  if (!gpuUuid) return { status: "skipped", lines: ["mps: skipped: no GPU to start a daemon for"] };
  const root = mkdtempSync(join(tmpdir(), "tessera-mps-check-"));
  const lines: string[] = [];
  const mps = new MpsSupervisor({ binary: found, root, log: (l) => lines.push(`mps: ${l}`) });
  let ok = false;
  try {
    const problems = mps.converge(new Map([[gpuUuid, checkLimits]]));
    for (const p of problems) lines.push(`mps: error: ${p.message}`);
    const daemon = new MpsControlDaemon(gpuUuid, join(root, gpuUuid), found);
    const pid = daemon.pid();
    if (problems.length === 0 && pid !== undefined) {
      const read = daemon.readLimits();
      lines.push(
        `mps: daemon PID ${pid}, pipe ${daemon.pipeDirectory}: active thread percentage ${read.activeThreadPercentage}, ` +
          `pinned memory limit of device 0 "${read.pinnedMemoryLimit}" (set ${checkLimits.activeThreadPercentage} and ${checkLimits.pinnedMemoryMiB}M)`,
      );
      lines.push(`mps: get_server_list: "${daemon.command("get_server_list")}"`);
      // A daemon that dies is started again with its limits, as the agent does it.
      process.kill(pid, "SIGKILL");
      const end = Date.now() + 3000;
      while (processAlive(pid) && Date.now() < end)
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      const restarted = mps.restartDead().length === 1 && daemon.pid() !== pid && daemon.running();
      const again = daemon.readLimits();
      lines.push(
        `mps: after SIGKILL: ${restarted ? `restarted as PID ${daemon.pid()}` : "NOT restarted"}, limits ${again.activeThreadPercentage} and "${again.pinnedMemoryLimit}"`,
      );
      const second = daemon.pid();
      mps.stopAll();
      const stopped = !processAlive(pid) && (second === undefined || !processAlive(second));
      lines.push(`mps: after quit the daemon ${stopped ? "is gone" : "STILL RUNS"}`);
      // The H200's daemon read 4096M back as "4G" (whole GiB, rounded down).
      const expected = `${checkLimits.pinnedMemoryMiB / 1024}G`;
      ok =
        read.activeThreadPercentage === checkLimits.activeThreadPercentage &&
        read.pinnedMemoryLimit === expected &&
        restarted &&
        again.activeThreadPercentage === checkLimits.activeThreadPercentage &&
        again.pinnedMemoryLimit === expected &&
        stopped;
    }
  } catch (err) {
    lines.push(`mps: error: ${(err as Error).message}`);
  } finally {
    mps.stopAll();
    mps.release();
    rmSync(root, { recursive: true, force: true });
  }
  lines.push(ok ? "mps: passed" : "mps: FAILED");
  return { status: ok ? "passed" : "failed", lines };
}
