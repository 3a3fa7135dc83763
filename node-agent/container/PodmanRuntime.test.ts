import { describe, expect, it } from "vitest";
import { PodmanRuntime } from "./PodmanRuntime.ts";

const podman = new PodmanRuntime();
const run = {
  name: "tessera-j1-1",
  image: "localhost/train:1",
  command: ["python", "train.py", "--lr", "0.1"],
  envFile: "/agent/run/j1-1.env",
  cdiDevices: ["nvidia.com/gpu=MIG-a"],
  mounts: [
    { source: "/data", target: "/data", readOnly: true },
    { source: "/scratch", target: "/out", readOnly: false },
  ],
  workdir: "/work",
  hostNetwork: false,
  hostIpc: false,
};

describe("PodmanRuntime", () => {
  it("runs a job's container in the foreground, removed at the end, its variables from a file", () => {
    expect(podman.runArgs(run)).toEqual([
      "podman",
      "run",
      "--rm",
      "--name",
      "tessera-j1-1",
      "--device",
      "nvidia.com/gpu=MIG-a",
      "--env-file",
      "/agent/run/j1-1.env",
      "--volume",
      "/data:/data:ro",
      "--volume",
      "/scratch:/out",
      "--workdir",
      "/work",
      "--",
      "localhost/train:1",
      "python",
      "train.py",
      "--lr",
      "0.1",
    ]);
  });

  it("runs a job's user without capabilities or setuid escalation, and gang members on the host network", () => {
    const args = podman.runArgs({
      ...run,
      user: { uid: 20001, gid: 20001 },
      hostNetwork: true,
      hostIpc: true,
    });
    expect(args.join(" ")).toContain(
      "--network host --ipc host --user 20001:20001 --cap-drop all --security-opt no-new-privileges --",
    );
  });

  it("stops with the grace period and removes whatever is left", () => {
    expect(podman.stopArgs("tessera-j1-1", 30)).toEqual(["podman", "stop", "--time", "30", "tessera-j1-1"]);
    expect(podman.removeArgs("tessera-j1-1")).toEqual([
      "podman",
      "rm",
      "--force",
      "--ignore",
      "tessera-j1-1",
    ]);
  });

  it("tells a missing image and other runtime failures from the job's own exit codes", () => {
    expect(podman.failureOf(125, "Error: localhost/nope:1: image not known\n")).toEqual({
      imageMissing: true,
      detail: "Error: localhost/nope:1: image not known",
    });
    expect(
      podman.failureOf(126, "Error: setting up CDI devices: unresolvable CDI devices nvidia.com/gpu=9\n"),
    ).toEqual({
      imageMissing: false,
      detail: "Error: setting up CDI devices: unresolvable CDI devices nvidia.com/gpu=9",
    });
    // The job's own exit codes, even 125 when the job printed no runtime error, are the job's.
    expect(podman.failureOf(1, "Error: in my program\n")).toBeUndefined();
    expect(podman.failureOf(125, "training diverged\n")).toBeUndefined();
  });
});
