import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { jobSpecFromInput, memoryMiB } from "./JobSpecInput.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function jobFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "tessera-jobfile-"));
  dirs.push(dir);
  const path = join(dir, "job.yaml");
  writeFileSync(path, text);
  return path;
}

describe("tessera submit input", () => {
  it("turns the issue's example flags into a JobSpec", () => {
    expect(jobSpecFromInput({ name: "serve", mig: "3g.40gb" }, ["python", "serve.py"])).toEqual({
      name: "serve",
      env: {},
      command: ["python", "serve.py"],
      request: { models: [], mig: { profile: "3g.40gb" } },
    });
    const share = jobSpecFromInput(
      { name: "s", share: "0.25", gpuMemory: "12GiB", tenant: "ml", priority: "5" },
      ["x"],
    );
    expect(share.request?.share).toEqual({ gpuMilli: 250, memoryMib: 12288 });
    expect(share).toMatchObject({ tenant: "ml", priority: 5 });
    const gang = jobSpecFromInput({ name: "g", gpus: "8", nodes: "2", model: ["H100-SXM5-80GB"] }, ["x"]);
    expect(gang.request).toMatchObject({ gang: { nodes: 2, gpusPerNode: 8 }, models: ["H100-SXM5-80GB"] });
    const mixed = jobSpecFromInput({ name: "g", gpus: "1", nodes: "2", mixedModels: true }, ["x"]);
    expect(mixed.request?.gang).toEqual({ nodes: 2, gpusPerNode: 1, mixedModels: true });
    expect(jobSpecFromInput({ name: "w", gpus: "2", nvlink: true }, ["x"]).request?.whole).toEqual({
      gpus: 2,
      requireNvlink: true,
    });
  });

  it("reads a job file and lets flags override it", () => {
    const file = jobFile(
      [
        "name: train",
        "tenant: research",
        "priority: 10",
        "kind: training",
        "request:",
        "  slice: {memory: 20GiB, computeSevenths: 3}",
        "  models: [H100-SXM5-80GB, A100-80GB]",
        "  cpu: 500m",
        "command: [python, train.py]",
        "env: {EPOCHS: 3}",
      ].join("\n"),
    );
    const spec = jobSpecFromInput({ file, priority: "20" }, []);
    expect(spec).toMatchObject({
      name: "train",
      tenant: "research",
      priority: 20,
      kind: "training",
      command: ["python", "train.py"],
      env: { EPOCHS: "3" },
      request: {
        slice: { memoryMib: 20480, computeSevenths: 3 },
        models: ["H100-SXM5-80GB", "A100-80GB"],
        cpuMillis: 500,
      },
    });
  });

  it.each([
    [{ name: "x", mig: "1g.10gb" }, [], /needs a command/],
    [{ name: "x" }, ["x"], /say what the job needs/],
    [{ name: "x", mig: "1g.10gb", gpus: "1" }, ["x"], /not --mig and --gpus/],
    [{ name: "x", share: "0.25" }, ["x"], /also give --gpu-memory/],
    [{ name: "x", share: "1.5", gpuMemory: "1GiB" }, ["x"], /fraction of one GPU/],
    [{ name: "x", nodes: "2" }, ["x"], /needs --gpus/],
    [
      { name: "x", gpus: "2", mixedModels: true },
      ["x"],
      /--mixed-models: is for gangs: give --nodes M --gpus N too/,
    ],
    [{ name: "x", gpus: "two" }, ["x"], /--gpus: expected an integer/],
    [{ name: "x", mig: "1g.10gb", env: ["NOEQUALS"] }, ["x"], /NAME=VALUE/],
  ])("refuses %j %j with a message that says what to fix", (flags, command, message) => {
    expect(() => jobSpecFromInput(flags, command)).toThrow(message);
  });

  it("checks the request before the name, and names an unnamed job after its program", () => {
    expect(() => jobSpecFromInput({}, ["echo", "hi"])).toThrow(/say what the job needs/);
    expect(jobSpecFromInput({ mig: "1g.10gb" }, ["/usr/bin/python3", "train.py"]).name).toBe("python3");
  });

  it("a job without GPUs: CPU/memory only, and --vm without --gpus (a MicroVM)", () => {
    expect(jobSpecFromInput({ cpu: "1" }, ["echo", "hi"])).toMatchObject({
      name: "cpu-echo",
      request: { noGpu: {}, cpuMillis: 1000 },
    });
    expect(jobSpecFromInput({ file: jobFile("name: x\nrequest: {memory: 1GiB}\n") }, ["x"])).toMatchObject({
      request: { noGpu: {}, memoryMib: 1024 },
    });
    expect(jobSpecFromInput({ vm: true, vcpus: "2", memory: "1GiB" }, ["echo", "hello"])).toMatchObject({
      name: "vm-echo",
      kind: "vm",
      request: { noGpu: {}, cpuMillis: 2000, memoryMib: 1024 },
    });
    expect(jobSpecFromInput({ vm: true, gpus: "2" }, ["x"]).request).toMatchObject({
      whole: { gpus: 2 },
      noGpu: undefined,
    });
  });

  it("takes a container image and mounts from flags or a job file, and --image with --vm as a VM archive", () => {
    const flags = { mig: "1g.10gb", image: "localhost/train:1", mount: ["/data:/data:ro", "/scratch:/out"] };
    expect(jobSpecFromInput(flags, ["python", "train.py"])).toMatchObject({
      image: "localhost/train:1",
      mounts: [
        { source: "/data", target: "/data", readOnly: true },
        { source: "/scratch", target: "/out", readOnly: false },
      ],
      request: { mig: { profile: "1g.10gb" } },
    });
    const file = jobFile('name: x\nimage: busybox\nmounts: ["/a:/b:ro"]\nrequest: {gpus: 1}\ncommand: [x]\n');
    expect(jobSpecFromInput({ file }, [])).toMatchObject({
      image: "busybox",
      mounts: [{ source: "/a", target: "/b", readOnly: true }],
    });
    expect(() => jobSpecFromInput({ mig: "1g.10gb", image: "x", mount: ["/data"] }, ["x"])).toThrow(
      /^--mount: expected SRC:DST or SRC:DST:ro/,
    );
    expect(() => jobSpecFromInput({ mig: "1g.10gb", image: "x", mount: ["/a:/b:rx"] }, ["x"])).toThrow(
      /got "\/a:\/b:rx"/,
    );
    expect(() => jobSpecFromInput({ vm: true, mount: ["/a:/b"] }, ["x"])).toThrow(
      /--mount: is for container/,
    );
    expect(() => jobSpecFromInput({ mig: "1g.10gb", vcpus: "2" }, ["x"])).toThrow(/--vcpus: needs --vm/);
  });

  it("refuses unknown keys in a job file, naming them", () => {
    expect(() => jobSpecFromInput({ file: jobFile("name: x\ncontainer: foo\n") }, [])).toThrow(
      /container: unknown key/,
    );
    expect(() =>
      jobSpecFromInput({ file: jobFile("name: x\nrequest: {mig: 1g.10gb, gpus: 1}\n") }, ["x"]),
    ).toThrow(/not mig and gpus/);
  });

  it("reads memory sizes in MiB, GiB and plain numbers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4096 }), (n) => {
        expect(memoryMiB(`${n}GiB`, "m")).toBe(n * 1024);
        expect(memoryMiB(`${n}Gi`, "m")).toBe(n * 1024);
        expect(memoryMiB(`${n}MiB`, "m")).toBe(n);
        expect(memoryMiB(String(n), "m")).toBe(n);
      }),
    );
    expect(() => memoryMiB("12 gigs", "--gpu-memory")).toThrow(/--gpu-memory/);
  });
});
