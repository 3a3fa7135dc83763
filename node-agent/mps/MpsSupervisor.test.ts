import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureStandinMpsControl } from "../standin/StandinBuild.ts";
import { MpsControlDaemon, processAlive } from "./MpsControlDaemon.ts";
import { MpsSupervisor } from "./MpsSupervisor.ts";

const binary = ensureStandinMpsControl();
const dirs: string[] = [];
const supervisors: MpsSupervisor[] = [];
const clients: ChildProcess[] = [];

afterEach(() => {
  for (const c of clients.splice(0)) c.kill("SIGKILL");
  for (const s of supervisors.splice(0)) s.stopAll();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function supervisor(root?: string): { mps: MpsSupervisor; root: string; lines: string[] } {
  const dir = root ?? mkdtempSync(join(tmpdir(), "tessera-mps-"));
  if (!root) dirs.push(dir);
  const lines: string[] = [];
  const mps = new MpsSupervisor({ binary, root: dir, log: (l) => lines.push(l) });
  supervisors.push(mps);
  return { mps, root: dir, lines };
}

function state(root: string, device: string) {
  return JSON.parse(readFileSync(join(root, device, "log", "standin-state.json"), "utf8")) as {
    pid: number;
    visibleDevices: string;
    defaultActiveThreadPercentage: number;
    defaultDevicePinnedMemLimits: Record<string, string>;
    servers: { pid: number; uid: number; activeThreadPercentage: number; devicePinnedMemLimit: string }[];
  };
}

/** A stand-in CUDA client of a device's daemon, run as `uid` when this test may switch users; its first line. */
function client(pipe: string, uid: number, env: Record<string, string> = {}): Promise<string> {
  const child = spawn(binary, ["standin-client"], {
    env: { PATH: process.env.PATH ?? "", CUDA_MPS_PIPE_DIRECTORY: pipe, ...env },
    ...(process.getuid?.() === 0 ? { uid, gid: uid } : {}),
    stdio: ["ignore", "pipe", "pipe"],
  });
  clients.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) resolve(out.trim());
    });
    child.once("exit", (code) => reject(new Error(`stand-in client exited ${code}: ${out}`)));
  });
}

/** Ends a client and waits until its daemon has ended that client's server. */
async function endClients(root: string, device: string): Promise<void> {
  for (const c of clients.splice(0)) c.kill("SIGKILL");
  while (state(root, device).servers.length > 0) await new Promise((r) => setTimeout(r, 20));
}

const alive = processAlive;

describe("MpsSupervisor", () => {
  it("runs one daemon per device with its own pipe directory and limits, and stops those no longer wanted", () => {
    const { mps, root } = supervisor();
    const problems = mps.converge(
      new Map([
        ["GPU-a", { activeThreadPercentage: 25, pinnedMemoryMiB: 8192 }],
        ["GPU-b", { activeThreadPercentage: 50, pinnedMemoryMiB: 0 }],
      ]),
    );
    expect(problems).toEqual([]);
    expect(mps.pipeDirectory("GPU-a")).toBe(join(root, "GPU-a", "pipe"));
    const a = state(root, "GPU-a");
    const b = state(root, "GPU-b");
    expect(a).toMatchObject({
      visibleDevices: "GPU-a",
      defaultActiveThreadPercentage: 25,
      defaultDevicePinnedMemLimits: { "0": "8G" },
    });
    expect(b).toMatchObject({ visibleDevices: "GPU-b", defaultActiveThreadPercentage: 50 });
    expect(a.pid).not.toBe(b.pid);
    // Read back through the daemon's own commands, as the device check does on a real GPU.
    expect(new MpsControlDaemon("GPU-a", join(root, "GPU-a"), binary).readLimits()).toEqual({
      activeThreadPercentage: 25,
      pinnedMemoryLimit: "8G",
    });

    expect(mps.converge(new Map([["GPU-a", { activeThreadPercentage: 40, pinnedMemoryMiB: 8192 }]]))).toEqual(
      [],
    );
    expect(state(root, "GPU-a").defaultActiveThreadPercentage).toBe(40);
    expect(alive(b.pid)).toBe(false);
    expect(mps.pipeDirectory("GPU-b")).toBeUndefined();
    expect(mps.devices()).toEqual(["GPU-a"]);

    mps.stopAll();
    expect(alive(a.pid)).toBe(false);
  });

  it("keeps a daemon whose clients still run, and restarts a dead one with its limits", () => {
    const { mps, root, lines } = supervisor();
    mps.converge(new Map([["GPU-a", { activeThreadPercentage: 30, pinnedMemoryMiB: 4096 }]]));
    const first = state(root, "GPU-a").pid;
    mps.converge(new Map(), new Set(["GPU-a"]));
    expect(alive(first)).toBe(true);
    expect(mps.restartDead()).toEqual([]);

    process.kill(first, "SIGKILL");
    // SIGKILL is delivered asynchronously: wait until the process is gone, as the agent's next check would.
    while (alive(first)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    const dead = mps.restartDead();
    expect(dead.map((d) => d.device)).toEqual(["GPU-a"]);
    const second = state(root, "GPU-a");
    expect(second.pid).not.toBe(first);
    expect(alive(second.pid)).toBe(true);
    expect(second).toMatchObject({
      defaultActiveThreadPercentage: 30,
      defaultDevicePinnedMemLimits: { "0": "4G" },
    });
    expect(lines.join("\n")).toContain("the MPS control daemon of GPU-a died");
  });

  it("gives each MPS server the limits of its user, for the clients it takes from then on", async () => {
    const { mps, root, lines } = supervisor();
    // Jobs run as other users: they must reach the pipe directory under the test's temporary folder.
    chmodSync(root, 0o755);
    mps.converge(new Map([["GPU-a", { activeThreadPercentage: 50, pinnedMemoryMiB: 8192 }]]));
    const pipe = mps.pipeDirectory("GPU-a")!;
    const root0 = process.getuid?.() === 0;
    const [tenantA, tenantB] = root0 ? [20001, 20002] : [process.getuid!(), process.getuid!()];
    const limits = new Map([
      [
        "GPU-a",
        new Map([
          [tenantA, { activeThreadPercentage: 25, pinnedMemoryMiB: 4096 }],
          ...(root0 ? [[tenantB, { activeThreadPercentage: 40, pinnedMemoryMiB: 2048 }] as const] : []),
        ]),
      ],
    ]);

    // The first client starts its user's server with the daemon's defaults, lowered by its own variables.
    expect(await client(pipe, tenantA, { CUDA_MPS_ACTIVE_THREAD_PERCENTAGE: "30" })).toMatch(
      /^server \d+ active_thread_percentage 30\.0 device_pinned_mem_limit 8G$/,
    );
    expect(mps.limitServers(limits)).toEqual([]);
    const [server] = state(root, "GPU-a").servers;
    expect(server).toMatchObject({ uid: tenantA, activeThreadPercentage: 25, devicePinnedMemLimit: "4G" });
    // A later client of that user without variables of its own gets its user's limits, not the daemon's.
    expect(await client(pipe, tenantA)).toBe(
      `server ${server!.pid} active_thread_percentage 25.0 device_pinned_mem_limit 4G`,
    );
    // Sent once per server: a second look changes nothing.
    mps.limitServers(limits);
    expect(lines.filter((l) => l.startsWith(`MPS server ${server!.pid}`))).toHaveLength(1);
    // A user without limits of its own (jobs sharing one uid) follows the daemon's defaults, as they change.
    mps.converge(new Map([["GPU-a", { activeThreadPercentage: 60, pinnedMemoryMiB: 12288 }]]));
    expect(mps.limitServers(new Map())).toEqual([]);
    expect(state(root, "GPU-a").servers[0]).toMatchObject({
      activeThreadPercentage: 60,
      devicePinnedMemLimit: "12G",
    });

    if (root0) {
      // The other tenant's server starts once the first one's clients are done, and gets that tenant's limits.
      await endClients(root, "GPU-a");
      await client(pipe, tenantB);
      expect(mps.limitServers(limits)).toEqual([]);
      expect(state(root, "GPU-a").servers).toEqual([
        expect.objectContaining({ uid: tenantB, activeThreadPercentage: 40, devicePinnedMemLimit: "2G" }),
      ]);
    }
  });

  it("runs one daemon per MIG instance, each seeing only its MIG device", () => {
    const { mps, root } = supervisor();
    const migA = "MIG-3a6e8f1c-0b1d-5c2e-9f4a-1d2c3b4a5e6f";
    const migB = "MIG-7c1d2e3f-4a5b-5c6d-8e9f-0a1b2c3d4e5f";
    expect(
      mps.converge(
        new Map([
          [migA, { activeThreadPercentage: 50, pinnedMemoryMiB: 4096 }],
          [migB, { activeThreadPercentage: 25, pinnedMemoryMiB: 2048 }],
        ]),
      ),
    ).toEqual([]);
    expect(state(root, migA)).toMatchObject({ visibleDevices: migA, defaultActiveThreadPercentage: 50 });
    expect(state(root, migB)).toMatchObject({ visibleDevices: migB, defaultActiveThreadPercentage: 25 });
    expect(mps.pipeDirectory(migA)).toBe(join(root, migA, "pipe"));
    expect(mps.pipeDirectory(migB)).toBe(join(root, migB, "pipe"));
  });

  it("adopts the daemons a previous agent left running", () => {
    const { mps, root } = supervisor();
    mps.converge(new Map([["GPU-a", { activeThreadPercentage: 30, pinnedMemoryMiB: 0 }]]));
    const pid = state(root, "GPU-a").pid;
    const again = supervisor(root);
    expect(again.mps.devices()).toEqual(["GPU-a"]);
    expect(again.lines.join("\n")).toContain(`adopted the running MPS control daemon of GPU-a (PID ${pid})`);
    again.mps.stopAll();
    expect(alive(pid)).toBe(false);
  });

  it("says which device's daemon failed to start, and why", () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-mps-bad-"));
    dirs.push(dir);
    const broken = join(dir, "broken-mps-control");
    writeFileSync(broken, "#!/bin/sh\necho 'cannot open the GPU' >&2\nexit 3\n", { mode: 0o755 });
    const mps = new MpsSupervisor({ binary: broken, root: join(dir, "mps") });
    const problems = mps.converge(new Map([["GPU-x", { activeThreadPercentage: 50, pinnedMemoryMiB: 0 }]]));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.device).toBe("GPU-x");
    expect(problems[0]!.message).toContain("cannot start the MPS control daemon for GPU-x");
    expect(problems[0]!.message).toContain("cannot open the GPU");
    expect(mps.pipeDirectory("GPU-x")).toBeUndefined();
  });

  it("leaves no daemon behind whose start was taken for failed, and stops no other process that has its PID", () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-mps-slow-"));
    dirs.push(dir);
    // A control binary whose first `-d` starts the daemon but then fails, as one cut off by a timeout under load.
    const failsOnce = join(dir, "nvidia-cuda-mps-control");
    writeFileSync(
      failsOnce,
      `#!/bin/sh\n"${binary}" "$@"\nrc=$?\n` +
        `if [ "$1" = -d ] && [ ! -e "${dir}/failed" ]; then touch "${dir}/failed"; exit 1; fi\nexit $rc\n`,
      { mode: 0o755 },
    );
    const root = join(dir, "mps");
    const mps = new MpsSupervisor({ binary: failsOnce, root });
    supervisors.push(mps);
    const wanted = new Map([["GPU-x", { activeThreadPercentage: 50, pinnedMemoryMiB: 0 }]]);
    expect(mps.converge(wanted)[0]?.message).toContain("cannot start the MPS control daemon for GPU-x");
    const first = state(root, "GPU-x").pid;
    expect(alive(first)).toBe(false);
    expect(mps.converge(wanted)).toEqual([]);
    const second = state(root, "GPU-x").pid;
    expect(second).not.toBe(first);
    expect(alive(second)).toBe(true);

    // A PID file older than a reboot names whoever has that PID now: not stopped.
    const other = spawn("sleep", ["30"]);
    clients.push(other);
    const gone = new MpsSupervisor({ binary, root: join(dir, "other") });
    supervisors.push(gone);
    mkdirSync(join(dir, "other", "GPU-y", "pipe"), { recursive: true });
    writeFileSync(join(dir, "other", "GPU-y", "pipe", "nvidia-cuda-mps-control.pid"), `${other.pid}\n`);
    expect(gone.converge(new Map([["GPU-y", { activeThreadPercentage: 50, pinnedMemoryMiB: 0 }]]))).toEqual(
      [],
    );
    expect(alive(other.pid!)).toBe(true);
    expect(state(join(dir, "other"), "GPU-y").pid).not.toBe(other.pid);
  });

  it("refuses at start a root whose control socket paths would not fit a unix socket, saying what to shorten", () => {
    const { root } = supervisor();
    const deep = join(root, "a".repeat(80));
    const socket = join(deep, "X".repeat(40), "pipe", "control");
    expect(() => new MpsSupervisor({ binary, root: deep })).toThrow(
      `MPS: the control socket of a GPU's daemon would be ${join(deep, "<GPU UUID>", "pipe", "control")} (${Buffer.byteLength(socket)} bytes), longer than a unix socket path may be (107 bytes); use a shorter --data-dir or --mps-root`,
    );
    // A root that holds a UUID's socket still refuses a longer device name, with the same words.
    const fits = join(root, "b".repeat(Math.max(1, 107 - Buffer.byteLength(socket) + 80 - 1)));
    const mps = new MpsSupervisor({ binary, root: fits });
    const long = `GPU-${"c".repeat(60)}`;
    const problems = mps.converge(new Map([[long, { activeThreadPercentage: 50, pinnedMemoryMiB: 0 }]]));
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining(
        `MPS: the control socket of ${long}'s daemon would be ${join(fits, long, "pipe", "control")}`,
      ),
    ]);
  });
});
