import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureStandinMpsControl } from "../standin/StandinBuild.ts";
import { MpsControlDaemon, processAlive } from "./MpsControlDaemon.ts";
import { MpsSupervisor } from "./MpsSupervisor.ts";

const binary = ensureStandinMpsControl();
const dirs: string[] = [];
const supervisors: MpsSupervisor[] = [];

afterEach(() => {
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
  };
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
});
