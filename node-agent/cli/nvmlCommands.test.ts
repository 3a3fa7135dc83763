import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { StandinFleet } from "../standin/StandinFleet.ts";
import { registerNvmlCommands } from "./nvmlCommands.ts";

const tessera = fileURLToPath(new URL("../../bin/tessera.js", import.meta.url));

/** Through the real `tessera` entry point (slow: a whole CLI process). */
function spawnTessera(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tessera, ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d;
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, out }));
  });
}

/** The same commands in this process, with console output captured. */
async function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; out: string; err: string }> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  const error = vi
    .spyOn(console, "error")
    .mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  process.exitCode = 0;
  try {
    const program = new Command().exitOverride();
    registerNvmlCommands(program);
    await program.parseAsync(["node", "tessera", ...args]);
    return { code: Number(process.exitCode ?? 0), out: out.join("\n"), err: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
    process.exitCode = 0;
    for (const key of Object.keys(env)) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
}

const config = `
version: v1
mig-configs:
  balanced:
    - devices: all
      device-filter: "0x233010DE"
      mig-enabled: true
      mig-devices:
        "3g.40gb": 1
        "1g.10gb": 2
        "2g.20gb": 1
  too-big:
    - devices: [0]
      mig-enabled: true
      mig-devices:
        "4g.40gb": 2
  big:
    - devices: [0]
      mig-enabled: true
      mig-devices:
        "7g.80gb": 1
`;

describe("tessera discover / mig / standin", () => {
  let fleet: StandinFleet;
  let configPath: string;

  beforeAll(() => {
    fleet = StandinFleet.create({
      gpus: [
        { model: "H100-SXM5-80GB", mig: true, nvlinkPeers: [1] },
        { model: "A100-SXM4-40GB", mig: true, nvlinkPeers: [0] },
      ],
    });
    configPath = join(fleet.dir, "mig.yaml");
    writeFileSync(configPath, config);
  });
  afterAll(() => fleet.remove());

  it("standin --path prints the built library, through the tessera entry point", async () => {
    const { code, out } = await spawnTessera(["standin", "--path"], {});
    expect(code).toBe(0);
    expect(out.trim()).toBe(fleet.libraryPath);
  });

  it("discover --json shows the GPUs with profiles and placements, through the tessera entry point", async () => {
    const { code, out } = await spawnTessera(["discover", "--json"], fleet.env);
    expect(code).toBe(0);
    const host = JSON.parse(out);
    expect(host.gpus.map((g: { name: string }) => g.name)).toEqual([
      "NVIDIA H100 80GB HBM3",
      "NVIDIA A100-SXM4-40GB",
    ]);
    const threeG = host.gpus[0].mig.profiles.find((p: { name: string }) => p.name === "3g.40gb");
    expect(threeG).toMatchObject({
      id: 9,
      memoryMiB: 40448,
      maxInstances: 2,
      placements: [
        { start: 0, size: 4 },
        { start: 4, size: 4 },
      ],
    });
    expect(host.gpus[0].nvlinkPeers[0].gpuIndex).toBe(1);
  });

  it("mig apply is idempotent, refuses what cannot fit, and mig show / clear work", async () => {
    const first = await run(["mig", "apply", "-f", configPath, "-c", "balanced"], fleet.env);
    expect(first.code).toBe(0);
    expect(first.out.match(/created/g)).toHaveLength(4);
    const second = await run(["mig", "apply", "-f", configPath, "-c", "balanced"], fleet.env);
    expect(second.out.trim()).toBe("GPU 0 (NVIDIA H100 80GB HBM3): already as configured, nothing changed");

    const refused = await run(["mig", "apply", "-f", configPath, "-c", "too-big"], fleet.env);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /GPU 0 \(NVIDIA H100 80GB HBM3, GPU-.*\): layout \[4g.40gb, 4g.40gb\] does not fit/,
    );

    fleet.write({
      gpus: [
        { model: "H100-SXM5-80GB", mig: true, nvlinkPeers: [1], processes: [{ pid: 999, gpuInstanceId: 1 }] },
        { model: "A100-SXM4-40GB", mig: true, nvlinkPeers: [0] },
      ],
    });
    const busy = await run(["mig", "apply", "-f", configPath, "-c", "big"], fleet.env);
    expect(busy.code).toBe(1);
    expect(busy.err).toMatch(
      /cannot destroy 3g.40gb instance at slot 4 \(GPU instance 1\): 1 process is running \(PID 999\)/,
    );
    const show = await run(["mig", "show", "--json"], fleet.env);
    expect(JSON.parse(show.out).gpus[0].mig.instances).toHaveLength(4);

    const cleared = await run(["mig", "clear", "--gpu", "1"], fleet.env);
    expect(cleared.out.trim()).toBe("GPU 1 (NVIDIA A100-SXM4-40GB): already as configured, nothing changed");
    const badGpu = await run(["mig", "clear", "--gpu", "x"], fleet.env);
    expect(badGpu.err).toMatch(/--gpu "x" must be GPU indices/);
    fleet.write({
      gpus: [
        { model: "H100-SXM5-80GB", mig: true, nvlinkPeers: [1] },
        { model: "A100-SXM4-40GB", mig: true, nvlinkPeers: [0] },
      ],
    });
    const clear = await run(["mig", "clear"], fleet.env);
    expect(clear.out.match(/destroyed/g)).toHaveLength(4);
    const text = await run(["mig", "show"], fleet.env);
    expect(text.out).toContain("MIG instances: none");
  }, 30_000);

  it("discover prints a readable summary, and apply says which file it cannot read", async () => {
    const { code, out } = await run(["discover"], fleet.env);
    expect(code).toBe(0);
    expect(out).toMatch(/GPU 0 {2}NVIDIA H100 80GB HBM3 {2}GPU-/);
    expect(out).toMatch(/NVLink: GPU 1 \(1 link\)/);
    expect(out).toMatch(/3g\.40gb +id {2}9 +40448 MiB {2}max 2 {2}placements \{0,4\}:4/);
    const missing = await run(["mig", "apply", "-f", join(fleet.dir, "none.yaml"), "-c", "x"], fleet.env);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/tessera mig apply: cannot read .*none\.yaml/);
    const bad = join(fleet.dir, "bad.yaml");
    writeFileSync(bad, "version: v1\nmig-configs:\n  a:\n    - devices: all\n      mig-enabled: maybe\n");
    expect((await run(["mig", "apply", "-f", bad, "-c", "a"], fleet.env)).err).toMatch(
      /bad\.yaml:5: .*mig-enabled: required: true or false/,
    );
  });

  it("explains a missing library or fleet", async () => {
    const noFleet = await run(["discover"], {
      TESSERA_NVML_LIBRARY: fleet.libraryPath,
      TESSERA_NVML_STANDIN_FLEET: "",
    });
    expect(noFleet.code).toBe(1);
    expect(noFleet.err).toMatch(/NVML_ERROR_DRIVER_NOT_LOADED.*TESSERA_NVML_STANDIN_FLEET is not set/);
    const noLib = await run(["mig", "show"], { TESSERA_NVML_LIBRARY: "/nonexistent/libnvidia-ml.so.1" });
    expect(noLib.code).toBe(1);
    expect(noLib.err).toMatch(/cannot load NVML/);
  });
});
