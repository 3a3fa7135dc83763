import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { discoverWith } from "../nvml/discoverHost.ts";
import { StandinFleet } from "./StandinFleet.ts";

const worker = fileURLToPath(new URL("./standinWorker.testkit.ts", import.meta.url));

function runWorker(args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", worker, ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d;
    });
    child.stderr.on("data", (d: Buffer) => {
      err += d;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`worker exit ${code}: ${err}`)),
    );
  });
}

describe("stand-in across processes", () => {
  const cleanup: (() => void)[] = [];
  afterAll(() => {
    for (const c of cleanup) c();
  });

  it("keeps one state file consistent when two processes change it at once, and other processes see the result", async () => {
    const fleet = StandinFleet.create({ gpus: [{ model: "H100-SXM5-80GB", mig: true }] });
    cleanup.push(() => fleet.remove());
    // This process has the state loaded (and cached) before the others change it.
    const nvml = fleet.open();
    expect(discoverWith(nvml).gpus[0]?.mig.instances).toEqual([]);
    const results = await Promise.all([
      runWorker(["churn", "40"], fleet.env),
      runWorker(["churn", "40"], fleet.env),
    ]);
    expect(results).toEqual(["ok", "ok"]);

    const state = JSON.parse(readFileSync(fleet.statePath, "utf8"));
    expect(state.gpus[0].gpuInstances).toHaveLength(6);
    try {
      const instances = discoverWith(nvml).gpus[0]?.mig.instances ?? [];
      expect(instances.map((i) => i.profile)).toEqual(Array(6).fill("1g.10gb"));
      expect(new Set(instances.map((i) => i.start)).size).toBe(6);
      expect(new Set(instances.map((i) => i.gpuInstanceId)).size).toBe(6);
      expect(new Set(instances.map((i) => i.uuid)).size).toBe(6);
      // Deleting the state file resets the fleet to its initial state.
      rmSync(fleet.statePath);
      expect(discoverWith(nvml).gpus[0]?.mig.instances).toEqual([]);
    } finally {
      nvml.close();
    }
  }, 30_000);

  it("gives two processes that build into the same folder at once a working library", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-standin-build-"));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const paths = await Promise.all([runWorker(["build", dir]), runWorker(["build", dir])]);
    expect(paths).toEqual([join(dir, "libnvidia-ml.so.1"), join(dir, "libnvidia-ml.so.1")]);
    const fleet = StandinFleet.create({ gpus: [{ model: "T4-16GB" }] });
    cleanup.push(() => fleet.remove());
    const { Nvml } = await import("../nvml/Nvml.ts");
    process.env.TESSERA_NVML_STANDIN_FLEET = fleet.fleetPath;
    const nvml = Nvml.open(paths[0]);
    expect(nvml.name(nvml.deviceByIndex(0))).toBe("Tesla T4");
    nvml.close();
  }, 30_000);
});
