import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { JobSpec } from "../proto/generated/tessera/v1/JobSpec.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { eventually } from "./support/Eventually.ts";
import { runTessera, type TesseraProcess } from "./support/TesseraProcesses.ts";

// Ctrl-C of `tessera up` during a submit burst, then `tessera up` again on the same data directory: what was
// running is requeued as an operator's shutdown, and no job ever has two live processes.
const dir = mkdtempSync(join(tmpdir(), "tessera-up-shutdown-"));
/** Each job process appends "JOB_ID PID" here as it starts (as `nobody` when the agent runs as root). */
const shared = join(dir, "shared");
mkdirSync(shared);
chmodSync(dir, 0o755);
chmodSync(shared, 0o777);
const starts = join(shared, "starts.txt");
const ups: TesseraProcess[] = [];

afterAll(async () => {
  for (const up of ups) up.interruptGroup();
  await Promise.all(ups.map((up) => up.kill("SIGKILL")));
  for (const [, pid] of startedProcesses()) if (alive(pid)) process.kill(pid, "SIGKILL");
  rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function startedProcesses(): Array<[string, number]> {
  if (!existsSync(starts)) return [];
  return readFileSync(starts, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [job, pid] = line.split(" ");
      return [job!, Number(pid)];
    });
}

/** Jobs with more than one live process right now. */
function runningTwice(): string[] {
  const live = new Map<string, number>();
  for (const [job, pid] of startedProcesses()) if (alive(pid)) live.set(job, (live.get(job) ?? 0) + 1);
  return [...live].filter(([, n]) => n > 1).map(([job]) => job);
}

function up(): TesseraProcess {
  const proc = runTessera(
    "tessera up",
    ["up", "--data-dir", dir, "--listen", "127.0.0.1:0", "--http", "127.0.0.1:0", "--fleet", "l4:1"],
    {},
    { processGroup: true },
  );
  ups.push(proc);
  return proc;
}

async function connect(proc: TesseraProcess): Promise<SchedulerClient> {
  const address = (await proc.waitFor(/gRPC API:\s+(127\.0\.0\.1:\d+)/, 45_000))[1]!;
  const client = new SchedulerClient(address);
  await eventually(
    "the L4 node Ready",
    async () => (await client.nodes()).some((n) => n.state === "Ready") || undefined,
    30_000,
  );
  return client;
}

function longJob(name: string, request: JobSpec["request"]): JobSpec {
  return {
    name,
    request,
    command: ["sh", "-c", `echo "$TESSERA_JOB_ID $$" >> ${starts}; exec sleep 45`],
  };
}

describe("Ctrl-C of tessera up", () => {
  it("stops placing first, requeues what its agents stopped as an operator's shutdown, and runs no job twice", async () => {
    const violations = new Set<string>();
    const monitor = setInterval(() => {
      for (const job of runningTwice()) violations.add(job);
    }, 50);
    try {
      const first = up();
      const client = await connect(first);
      const acknowledged: string[] = [];
      for (const name of ["long-a", "long-b"]) {
        const { job } = await client.submit(longJob(name, { whole: { gpus: 1 } }), name);
        acknowledged.push(job!.id);
      }
      await eventually(
        "both long jobs Running",
        async () => (await client.list()).filter((j) => j.state === "Running").length === 2 || undefined,
        30_000,
      );

      // A burst of share jobs (at most 6; 8 fit on the 2 free GPUs) from 3 clients; Ctrl-C lands after the third answer.
      let answered = 0;
      let interrupted = false;
      const burst = [0, 1, 2].map(async (loop) => {
        const c = new SchedulerClient(client.address);
        try {
          for (let n = 0; n < 2; n++) {
            const name = `burst-${loop}-${n}`;
            try {
              const { job } = await c.submit(
                longJob(name, { share: { gpuMilli: 250, memoryMib: 1024 } }),
                name,
              );
              acknowledged.push(job!.id);
            } catch {
              // Refused or cut off by the shutdown: not acknowledged, so nothing is owed.
              return;
            }
            if (++answered === 3 && !interrupted) {
              interrupted = true;
              first.interruptGroup();
            }
          }
        } finally {
          c.close();
        }
      });
      await Promise.all(burst);
      if (!interrupted) first.interruptGroup();
      client.close();
      const stoppedAtMs = Date.parse((await first.waitFor(/placement stopped at (\S+);/, 30_000))[1]!);
      await first.waitFor(/^stopped$/m, 30_000);
      await first.exit();
      expect(first.child.exitCode).toBe(0);
      // Its agent stopped every job it ran (tessera up's agents run with --stop-jobs-on-exit).
      await eventually(
        "every job process of the first run gone",
        () => startedProcesses().every(([, pid]) => !alive(pid)) || undefined,
        10_000,
      );
      const ranBefore = new Set(startedProcesses().map(([job]) => job));
      expect(ranBefore.size).toBeGreaterThanOrEqual(2);

      const secondStartedMs = Date.now();
      const second = up();
      const again = await connect(second);
      // Every acknowledged job is back, and all of them fit: each runs (again) once.
      let seen = "";
      const jobs = await eventually(
        "every acknowledged job Running",
        async () => {
          const all = await Promise.all(acknowledged.map((id) => again.get(id)));
          seen = all.map((j) => `${j.spec?.name} ${j.state} ${j.attempt}: ${j.reason}`).join("\n");
          return all.every((j) => j.state === "Running") ? all : undefined;
        },
        30_000,
      ).catch((err: Error) => {
        throw new Error(
          `${err.message}\n${seen}\n--- first up:\n${first.output}\n--- second up:\n${second.output}`,
        );
      });
      for (const job of jobs) {
        // Between the first scheduler's stop of placing and the second one's start, nothing was placed.
        const placedMeanwhile = job.transitions.filter((t) => {
          const atMs = Number(t.atUnixMs);
          return t.to === "Scheduled" && atMs > stoppedAtMs && atMs < secondStartedMs;
        });
        expect(placedMeanwhile).toEqual([]);
        const history = job.transitions.map((t) => `${t.to}: ${t.reason}`).join("\n");
        expect(history).not.toMatch(/Failed|Lost|killed by SIGTERM|lease expired/);
        if (ranBefore.has(job.id)) {
          // Interrupted by the shutdown: requeued with a reason that says so, then started as a new attempt.
          expect(history).toMatch(/Pending: requeued: its agent was shut down by an operator/);
          expect(job.attempt).toBe(2);
          // The first scheduler had stopped placing: the requeued job was placed only by the second one.
          const requeued = job.transitions.findIndex((t) => /shut down by an operator/.test(t.reason));
          const placedAgain = job.transitions.slice(requeued).find((t) => t.to === "Scheduled");
          expect(Number(placedAgain?.atUnixMs)).toBeGreaterThanOrEqual(secondStartedMs);
        } else if (job.attempt !== 1) {
          // Placed before the stop, but stopped before its process ran (or wrote its line): requeued once, so it
          // still runs only once.
          expect(job.attempt).toBe(2);
          expect(history).toMatch(/Pending: requeued/);
        }
      }
      again.close();
      second.interruptGroup();
      await second.waitFor(/^stopped$/m, 30_000);
      await second.exit();
      await eventually(
        "every job process gone",
        () => startedProcesses().every(([, pid]) => !alive(pid)) || undefined,
        10_000,
      );
    } finally {
      clearInterval(monitor);
    }
    expect([...violations]).toEqual([]);
  }, 150_000);
});

/** PIDs of live processes whose command line holds `text`. */
function processesWith(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").includes(text))
        pids.push(Number(entry));
    } catch {
      // Ended while listed.
    }
  }
  return pids.filter(alive);
}

describe("kill -9 of tessera up", () => {
  it("stops its agents and their jobs all the same: each agent's stdin from up closes", async () => {
    const killedDir = mkdtempSync(join(tmpdir(), "tessera-up-killed-"));
    chmodSync(killedDir, 0o755);
    const proc = runTessera("tessera up", [
      "up",
      "--data-dir",
      killedDir,
      "--listen",
      "127.0.0.1:0",
      "--http",
      "127.0.0.1:0",
      "--fleet",
      "l4:1",
    ]);
    ups.push(proc);
    let mpsRoot: string | undefined;
    try {
      const client = await connect(proc);
      const { job } = await client.submit(
        longJob("orphan", { share: { gpuMilli: 250, memoryMib: 2048 } }),
        "orphan",
      );
      await eventually(
        "the job Running",
        async () => (await client.get(job!.id)).state === "Running",
        30_000,
      );
      client.close();
      const agentDir = join(killedDir, "nodes", "l4-0", "agent");
      const [agent] = processesWith(agentDir);
      expect(agent).toBeDefined();
      mpsRoot = /--mps-root\0([^\0]+)/.exec(readFileSync(`/proc/${agent}/cmdline`, "utf8"))?.[1];
      // Running once its agent started it: its first line (its PID) comes a moment later.
      const jobPid = await eventually(
        "the job's PID written",
        () => startedProcesses().find(([id]) => id === job!.id)?.[1],
      );
      // A share job runs under an MPS daemon of the agent's.
      expect(processesWith(mpsRoot!).length).toBeGreaterThan(0);

      proc.child.kill("SIGKILL");
      await eventually("the agent gone", () => !alive(agent!) || undefined, 20_000);
      await eventually("its job gone", () => !alive(jobPid!) || undefined, 10_000);
      await eventually(
        "its MPS daemon gone",
        () => processesWith(mpsRoot!).length === 0 || undefined,
        10_000,
      );
    } finally {
      if (mpsRoot) rmSync(join(mpsRoot, ".."), { recursive: true, force: true });
      rmSync(killedDir, { recursive: true, force: true, maxRetries: 5 });
    }
  }, 90_000);
});
