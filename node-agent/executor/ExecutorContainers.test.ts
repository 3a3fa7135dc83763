import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ContainerRun, ContainerRuntime } from "../container/ContainerRuntime.ts";
import { PodmanRuntime } from "../container/PodmanRuntime.ts";
import { Executor } from "./Executor.ts";
import { jobEnvironment } from "./JobEnvironment.ts";
import type { JobLaunch } from "./JobProcess.ts";

const dirs: string[] = [];
const executors: Executor[] = [];
afterEach(() => {
  for (const e of executors.splice(0)) e.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * A runtime whose "containers" are shell processes: a run prints what it was given and waits, a stop records its
 * grace and ends the run. Podman's own failure output and failure detection are the real ones.
 */
class ShellRuntime implements ContainerRuntime {
  readonly name = "shell";
  private readonly podman = new PodmanRuntime();
  constructor(private readonly dir: string) {}
  probe() {
    return Promise.resolve({ ok: true, detail: "shell" });
  }
  runArgs(c: ContainerRun): string[] {
    if (c.image === "localhost/missing:1")
      return ["sh", "-c", 'echo "Error: $0: image not known" >&2; exit 125', c.image];
    const script =
      'echo $$ > "$0.pid"; . "$4"; echo "image=$1 devices=$2 user=$3 greeting=$GREETING ids=$CUDA_VISIBLE_DEVICES"; ' +
      'trap "echo stopped; exit 143" TERM; while true; do sleep 0.05; done';
    const user = c.user ? `${c.user.uid}` : "image";
    return ["sh", "-c", script, join(this.dir, c.name), c.image, c.cdiDevices.join(","), user, c.envFile];
  }
  stopArgs(name: string, graceSeconds: number): string[] {
    const pidFile = join(this.dir, `${name}.pid`);
    return ["sh", "-c", `echo ${graceSeconds} > "${pidFile}.grace"; kill -TERM "$(cat "${pidFile}")"`];
  }
  removeArgs(name: string): string[] {
    return ["rm", "-f", join(this.dir, `${name}.pid`)];
  }
  list(): Promise<string[]> {
    return Promise.resolve(["tessera-old-1", "tessera-live-1"]);
  }
  failureOf(exitCode: number, tail: string) {
    return this.podman.failureOf(exitCode, tail);
  }
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

function setup() {
  const dir = mkdtempSync(join(tmpdir(), "tessera-exec-ctr-"));
  dirs.push(dir);
  const executor = new Executor({
    dataDir: dir,
    onChange: () => {},
    pollMs: 50,
    stopGraceMs: 200,
    containers: new ShellRuntime(dir),
    node: "node-a",
  });
  executors.push(executor);
  return { executor, dir };
}

function launch(jobId: string, image: string): JobLaunch {
  return {
    jobId,
    attempt: 1,
    command: ["python", "train.py"],
    env: jobEnvironment(jobId, [{ uuid: "MIG-a" }], { GREETING: "hello" }, "/agent/bin"),
    workdir: "",
    visibleDevices: "MIG-a",
    container: {
      image,
      mounts: [],
      cdiDevices: ["nvidia.com/gpu=MIG-a"],
      hostNetwork: false,
      hostIpc: false,
    },
  };
}

describe("Executor with a container runtime", () => {
  it("runs the container as the job's process, its variables and devices passed, and stops it through the runtime", async () => {
    const { executor, dir } = setup();
    const job = executor.start(launch("ctr", "localhost/train:1"));
    expect(job.container).toEqual({ name: "tessera-ctr-1", image: "localhost/train:1" });
    await until(() => readFileSync(job.logPath, "utf8").includes("greeting"));
    expect(readFileSync(job.logPath, "utf8")).toContain(
      "image=localhost/train:1 devices=nvidia.com/gpu=MIG-a user=image greeting=hello ids=MIG-a",
    );
    executor.stop("ctr", 1, 7000);
    await until(() => executor.get("ctr", 1)?.state === "exited");
    expect(readFileSync(join(dir, "tessera-ctr-1.pid.grace"), "utf8").trim()).toBe("7");
    expect(executor.get("ctr", 1)).toMatchObject({ exitCode: 143, message: "" });
  });

  it("a restarted agent's executor adopts a running container job and still stops it through the runtime", async () => {
    const { executor, dir } = setup();
    executor.start(launch("kept", "localhost/train:1"));
    await until(() => existsSync(join(dir, "tessera-kept-1.pid")));
    executor.close();
    const restarted = new Executor({
      dataDir: dir,
      onChange: () => {},
      pollMs: 50,
      containers: new ShellRuntime(dir),
      node: "node-a",
    });
    executors.push(restarted);
    expect(restarted.get("kept", 1)).toMatchObject({
      state: "running",
      container: { name: "tessera-kept-1", image: "localhost/train:1" },
    });
    expect(await restarted.removeLeftoverContainers()).toEqual(["tessera-old-1", "tessera-live-1"]);
    restarted.stop("kept", 1, 1000);
    await until(() => restarted.get("kept", 1)?.state === "exited");
    expect(readFileSync(join(dir, "tessera-kept-1.pid.grace"), "utf8").trim()).toBe("1");
  });

  it("reports a missing image as a failure to start that names the image and the node", async () => {
    const { executor } = setup();
    executor.start(launch("gone", "localhost/missing:1"));
    await until(() => executor.get("gone", 1)?.state !== "running");
    expect(executor.get("gone", 1)).toMatchObject({
      state: "failed_to_start",
      message:
        "image localhost/missing:1 not found on node node-a: Error: localhost/missing:1: image not known",
    });
  });

  it("removes the runtime's tessera containers that no running job owns", async () => {
    const { executor, dir } = setup();
    const live = executor.start({ ...launch("live", "localhost/train:1") });
    await until(() => existsSync(join(dir, "tessera-live-1.pid")));
    expect(await executor.removeLeftoverContainers()).toEqual(["tessera-old-1"]);
    expect(live.state).toBe("running");
    executor.stop("live", 1);
    await until(() => executor.get("live", 1)?.state === "exited");
  });

  it("refuses a container job when the node has no runtime", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-exec-ctr-"));
    dirs.push(dir);
    const executor = new Executor({ dataDir: dir, onChange: () => {}, pollMs: 50 });
    executors.push(executor);
    expect(executor.start(launch("no-rt", "x")).message).toMatch(/no container runtime/);
  });
});
