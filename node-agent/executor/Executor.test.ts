import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Executor } from "./Executor.ts";
import { jobEnvironment } from "./JobEnvironment.ts";

const dirs: string[] = [];
const executors: Executor[] = [];
afterEach(() => {
  for (const e of executors.splice(0)) e.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function newExecutor(dataDir?: string): { executor: Executor; dataDir: string; changes: () => number } {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), "tessera-exec-"));
  if (!dataDir) dirs.push(dir);
  let changes = 0;
  const executor = new Executor({ dataDir: dir, onChange: () => changes++, pollMs: 50, stopGraceMs: 200 });
  executors.push(executor);
  return { executor, dataDir: dir, changes: () => changes };
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("Executor", () => {
  it("runs the command with the device environment and captures its output and exit code", async () => {
    const { executor } = newExecutor();
    const env = jobEnvironment("job-1", [{ uuid: "MIG-abc" }], { FOO: "bar" }, process.env.PATH ?? "");
    executor.start({
      jobId: "job-1",
      attempt: 1,
      command: [
        "sh",
        "-c",
        'echo "$TESSERA_JOB_ID $CUDA_VISIBLE_DEVICES $NVIDIA_VISIBLE_DEVICES $FOO"; exit 3',
      ],
      env,
      workdir: "",
      visibleDevices: "MIG-abc",
    });
    await until(() => executor.get("job-1", 1)?.state === "exited");
    const job = executor.get("job-1", 1)!;
    expect(job.exitCode).toBe(3);
    expect(readFileSync(job.logPath, "utf8")).toBe("job-1 MIG-abc MIG-abc bar\n");
  });

  it("sets the MPS limits for a shared slice", () => {
    const env = jobEnvironment("j", [{ uuid: "GPU-1", share: { milli: 250, memoryMiB: 12288 } }], {}, "/bin");
    expect(env.CUDA_MPS_ACTIVE_THREAD_PERCENTAGE).toBe("25");
    expect(env.CUDA_MPS_PINNED_DEVICE_MEM_LIMIT).toBe("0=12288M");
  });

  it("reports a command that does not exist as a failure with exit code 127 and a log line", async () => {
    const { executor } = newExecutor();
    executor.start({
      jobId: "j",
      attempt: 1,
      command: ["no-such-cmd-xyz"],
      env: {},
      workdir: "",
      visibleDevices: "",
    });
    await until(() => executor.get("j", 1)?.state === "exited");
    expect(executor.get("j", 1)?.exitCode).toBe(127);
    expect(readFileSync(executor.get("j", 1)!.logPath, "utf8")).toContain("no-such-cmd-xyz");
  });

  it("reports a working directory that does not exist as failed to start", async () => {
    const { executor } = newExecutor();
    executor.start({
      jobId: "j",
      attempt: 1,
      command: ["true"],
      env: {},
      workdir: "/no/such/dir",
      visibleDevices: "",
    });
    await until(() => executor.get("j", 1)?.state !== "running");
    expect(executor.get("j", 1)?.state).toBe("failed_to_start");
    expect(executor.get("j", 1)?.message).toMatch(/cannot start/);
  });

  it("kills the whole process group on stop", async () => {
    const { executor } = newExecutor();
    const env = { PATH: process.env.PATH ?? "" };
    executor.start({
      jobId: "j",
      attempt: 1,
      command: ["sh", "-c", "sleep 30 & sleep 30"],
      env,
      workdir: "",
      visibleDevices: "",
    });
    await new Promise((r) => setTimeout(r, 100));
    const pid = executor.get("j", 1)!.pid;
    executor.stop("j", 1);
    await until(() => executor.get("j", 1)?.state === "exited");
    expect(executor.get("j", 1)?.signal).toBe("SIGTERM");
    await until(() => {
      try {
        process.kill(-pid, 0);
        return false;
      } catch {
        return true;
      }
    });
  });

  it("waits the grace given to stop before SIGKILL of a job that ignores SIGTERM", async () => {
    const { executor } = newExecutor();
    executor.start({
      jobId: "j",
      attempt: 1,
      command: ["sh", "-c", "trap '' TERM; while :; do sleep 0.05; done"],
      env: { PATH: process.env.PATH ?? "" },
      workdir: "",
      visibleDevices: "",
    });
    await new Promise((r) => setTimeout(r, 150));
    const pid = executor.get("j", 1)!.pid;
    const groupAlive = () => {
      try {
        process.kill(-pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const stoppedAt = Date.now();
    executor.stop("j", 1, 800);
    // Past the executor's own 200 ms default the job still runs (and counts as running): the given grace counts.
    await new Promise((r) => setTimeout(r, 500));
    expect(groupAlive()).toBe(true);
    expect(executor.get("j", 1)?.state).toBe("running");
    await until(() => executor.get("j", 1)?.state === "exited");
    expect(executor.get("j", 1)?.signal).toBe("SIGKILL");
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(790);
    await until(() => !groupAlive());
  });

  it("reports a job that ends gracefully on SIGTERM by its exit code, and one that does not handle it as killed", async () => {
    const { executor } = newExecutor();
    const env = { PATH: process.env.PATH ?? "" };
    const launch = (jobId: string, script: string) =>
      executor.start({
        jobId,
        attempt: 1,
        command: ["sh", "-c", script],
        env,
        workdir: "",
        visibleDevices: "",
      });
    launch("graceful", "trap 'exit 0' TERM; while :; do sleep 0.05; done");
    launch("plain", "sleep 30");
    await new Promise((r) => setTimeout(r, 150));
    executor.stop("graceful", 1, 5000);
    executor.stop("plain", 1, 5000);
    await until(() => executor.list().every((j) => j.state === "exited"));
    expect([executor.get("graceful", 1)?.exitCode, executor.get("graceful", 1)?.signal]).toEqual([0, ""]);
    expect(executor.get("plain", 1)?.signal).toBe("SIGTERM");
  });

  it("adopts a running job after a restart and learns its exit status from the wrapper", async () => {
    const first = newExecutor();
    const env = { PATH: process.env.PATH ?? "" };
    first.executor.start({
      jobId: "j",
      attempt: 2,
      command: ["sh", "-c", "sleep 0.4; exit 7"],
      env,
      workdir: "",
      visibleDevices: "",
    });
    first.executor.close();
    const second = newExecutor(first.dataDir);
    expect(second.executor.get("j", 2)?.state).toBe("running");
    await until(() => second.executor.get("j", 2)?.state === "exited");
    expect(second.executor.get("j", 2)?.exitCode).toBe(7);
  });
});

describe.runIf(process.getuid?.() === 0)("Executor as root", () => {
  it("runs the job as the unprivileged user and still records its exit status in a private directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-exec-"));
    dirs.push(dir);
    const executor = new Executor({
      dataDir: dir,
      onChange: () => {},
      pollMs: 50,
      runAs: { user: "nobody", uid: 65534, gid: 65534 },
    });
    executors.push(executor);
    const env = { PATH: process.env.PATH ?? "" };
    executor.start({
      jobId: "j",
      attempt: 1,
      command: ["sh", "-c", "id -u; exit 4"],
      env,
      workdir: "",
      visibleDevices: "",
    });
    await until(() => executor.get("j", 1)?.state === "exited");
    expect(executor.get("j", 1)?.exitCode).toBe(4);
    expect(readFileSync(executor.get("j", 1)!.logPath, "utf8")).toBe("65534\n");
    expect(readFileSync(executor.get("j", 1)!.exitPath, "utf8").trim()).toBe("4");
  });
  it("records why the agent stopped a job: the interruption, and a message that is not a failure by signal", async () => {
    const { executor, dataDir } = newExecutor();
    const launch = { env: { PATH: process.env.PATH ?? "" }, workdir: "", visibleDevices: "" };
    executor.start({ jobId: "a", attempt: 1, command: ["sleep", "30"], ...launch });
    executor.start({ jobId: "b", attempt: 1, command: ["sleep", "30"], ...launch });
    executor.stop("b", 1, 200, "fenced");
    await executor.stopAll("agent_shutdown");
    const a = executor.get("a", 1)!;
    const b = executor.get("b", 1)!;
    expect(a).toMatchObject({ state: "exited", interruption: "agent_shutdown" });
    expect(a.message).toMatch(/agent was shut down/);
    expect(b).toMatchObject({ state: "exited", interruption: "fenced" });
    expect(b.message).toMatch(/fencing timeout/);
    // A restarted agent reports them the same way.
    const again = newExecutor(dataDir).executor;
    expect(again.get("a", 1)?.interruption).toBe("agent_shutdown");
  });

  it("records a job it refuses to start as failed_to_start, once, without running it", () => {
    const { executor, changes } = newExecutor();
    const launch = { jobId: "r", attempt: 2, command: ["true"], env: {}, workdir: "", visibleDevices: "" };
    executor.refuse(launch, "GPU X could not be given the layout this job needs");
    executor.refuse(launch, "again");
    expect(executor.get("r", 2)).toMatchObject({
      state: "failed_to_start",
      pid: 0,
      message: "GPU X could not be given the layout this job needs",
    });
    expect(changes()).toBe(1);
    expect(executor.start(launch).state).toBe("failed_to_start");
  });
});
