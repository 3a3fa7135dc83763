import { spawn } from "node:child_process";
import type { GuestConsole } from "./GuestConsole.ts";
import type { RunningVm, VmExit } from "./VmRuntime.ts";

/**
 * Runs a hypervisor process whose stdout is the guest's serial console, and turns its end into a VmExit: the
 * status the guest's init reported, or why there is none. Stop is SIGTERM (QEMU and Cloud Hypervisor shut the
 * VM down on it), then SIGKILL after the grace period.
 */
export function startVmProcess(opts: {
  binary: string;
  args: readonly string[];
  guest: GuestConsole;
  stopGraceMs: number;
}): RunningVm {
  const { binary, guest } = opts;
  const startedMs = Date.now();
  const child = spawn(binary, opts.args, { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  let stopping = false;
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => guest.write(chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<VmExit>((resolve) => {
    child.on("error", (error) => {
      resolve({ exitStatus: null, reason: `cannot start ${binary}: ${error.message}`, bootMs: null });
    });
    child.on("close", (code, signal) => {
      guest.end();
      const bootMs = guest.readyAtMs === undefined ? null : guest.readyAtMs - startedMs;
      if (guest.exitStatus !== undefined) {
        resolve({ exitStatus: guest.exitStatus, reason: "", bootMs });
        return;
      }
      const said = stderr.trim().split("\n").slice(-3).join(" / ");
      const how = signal ? `killed by ${signal}` : `exit ${code}`;
      const hint = said
        ? `: ${said}`
        : bootMs === null
          ? "; the guest did not boot"
          : "; did the guest kernel panic?";
      const reason = stopping
        ? "the VM was stopped"
        : `the VM ended (${binary} ${how}) before the guest reported an exit status${hint}`;
      resolve({ exitStatus: null, reason, bootMs });
    });
  });
  return {
    pid: child.pid ?? 0,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        stopping = true;
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), opts.stopGraceMs);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
