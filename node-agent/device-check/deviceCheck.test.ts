import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Nvml } from "../nvml/Nvml.ts";
import { ensureStandinMpsControl } from "../standin/StandinBuild.ts";
import { StandinFleet } from "../standin/StandinFleet.ts";
import { bindingView } from "./bindingView.ts";
import { compareViews } from "./compareViews.ts";
import { runDeviceCheck } from "./deviceCheck.ts";
import type { HostView } from "./hostView.ts";
import { parseNvidiaSmiList, parseNvidiaSmiQuery } from "./nvidiaSmiView.ts";
import { readOnlyNvml } from "./readOnlyNvml.ts";

const pynvmlScript = fileURLToPath(new URL("./pynvml_view.py", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures", import.meta.url));

/** What a real nvidia-smi would print for this view (query CSV and -L). */
function nvidiaSmiOutputs(view: HostView): { csv: string; list: string } {
  const csv = view.gpus
    .map((g) =>
      [
        g.index,
        g.uuid,
        g.name,
        g.serial ?? "[N/A]",
        g.pciBusId,
        g.memoryTotalMiB,
        g.computeCapability,
        g.migCurrent === null ? "[N/A]" : g.migCurrent ? "Enabled" : "Disabled",
        g.migPending === null ? "[N/A]" : g.migPending ? "Enabled" : "Disabled",
        g.temperatureC,
        g.powerW?.toFixed(2),
        g.computeMode ?? "[N/A]",
        view.driverVersion,
      ].join(", "),
    )
    .join("\n");
  const list = view.gpus
    .map((g) =>
      [
        `GPU ${g.index}: ${g.name} (UUID: ${g.uuid})`,
        ...(g.migDevices ?? []).map((d, i) => {
          const [profile, uuid] = d.split("=");
          return `  MIG ${profile}     Device  ${i}: (UUID: ${uuid})`;
        }),
      ].join("\n"),
    )
    .join("\n");
  return { csv, list };
}

describe("device check (against the stand-in, with stand-ins for nvidia-smi and pynvml)", () => {
  let fleet: StandinFleet;
  let truth: HostView;

  beforeAll(() => {
    fleet = StandinFleet.create({
      gpus: [
        { model: "H100-SXM5-80GB", mig: true, temperatureC: 41, powerW: 88 },
        { model: "A100-SXM4-40GB", temperatureC: 50, powerW: 120 },
      ],
    });
    const nvml = fleet.open();
    const gpu = nvml.deviceByIndex(0);
    const gi = nvml.createGpuInstanceWithPlacement(gpu, 9, { start: 4, size: 4 });
    nvml.createComputeInstance(gi, 2);
    nvml.close();
    truth = bindingView(fleet.libraryPath);
  });
  afterAll(() => fleet.remove());

  function fakeTools(
    smi: { csv: string; list: string },
    pynvml: HostView | null,
  ): { nvidiaSmi: string; python: string } {
    writeFileSync(join(fleet.dir, "smi.csv"), smi.csv);
    writeFileSync(join(fleet.dir, "smi.list"), smi.list);
    const nvidiaSmi = join(fleet.dir, "nvidia-smi");
    writeFileSync(
      nvidiaSmi,
      `#!/bin/sh\ncase "$1" in\n  --query-gpu=*) cat "${fleet.dir}/smi.csv" ;;\n  -L) cat "${fleet.dir}/smi.list" ;;\n` +
        `  -q) echo "==============NVSMI LOG==============" ;;\n  *) exit 9 ;;\nesac\n`,
    );
    chmodSync(nvidiaSmi, 0o755);
    const python = join(fleet.dir, "python");
    writeFileSync(join(fleet.dir, "pynvml.json"), JSON.stringify(pynvml));
    writeFileSync(python, pynvml ? `#!/bin/sh\ncat "${fleet.dir}/pynvml.json"\n` : "#!/bin/sh\nexit 3\n");
    chmodSync(python, 0o755);
    return { nvidiaSmi, python };
  }

  it("passes when all three sources agree, and keeps the raw outputs", () => {
    const tools = fakeTools(nvidiaSmiOutputs(truth), {
      ...truth,
      source: "pynvml",
      gpus: truth.gpus.map((g) => ({ ...g, temperatureC: (g.temperatureC ?? 0) + 2 })),
    });
    const reportDir = join(fleet.dir, "report");
    const result = runDeviceCheck({
      ...tools,
      pynvmlScript,
      reportDir,
      libraryPath: fleet.libraryPath,
      mpsControl: ensureStandinMpsControl(),
    });
    expect(result.output).toContain("device check passed");
    expect(result.output).toMatch(
      /mps: daemon PID \d+, .*active thread percentage 25, pinned memory limit of device 0 "4G"/,
    );
    expect(result.output).toMatch(/mps: after SIGKILL: restarted as PID \d+, limits 25 and "4G"/);
    expect(result.output).toContain("mps: passed");
    expect(result.exitCode).toBe(0);
    expect(result.output).toMatch(/GPU 0\s+migDevices\s+3g\.40gb=MIG-/);
    expect(readFileSync(join(reportDir, "nvidia-smi-q.txt"), "utf8")).toContain("NVSMI LOG");
    expect(JSON.parse(readFileSync(join(reportDir, "views.json"), "utf8")).views).toHaveLength(3);
  });

  it("runs pynvml_view.py for real (over a pynvml-shaped ctypes fixture on the stand-in) and agrees", () => {
    const tools = fakeTools(nvidiaSmiOutputs(truth), null);
    process.env.PYTHONPATH = fixtures;
    process.env.PYTHONDONTWRITEBYTECODE = "1"; // no __pycache__ in the source tree
    try {
      const result = runDeviceCheck({
        nvidiaSmi: tools.nvidiaSmi,
        python: "python3",
        pynvmlScript,
        reportDir: join(fleet.dir, "r-py"),
        libraryPath: fleet.libraryPath,
      });
      expect(result.output).not.toContain("warning: pynvml");
      expect(result.output).toContain("device check passed");
      expect(result.output).toMatch(
        /GPU 0\s+gpuInstances\s+gi1:profile9@4\/4\s+-\s+gi1:profile9@4\/4\s+same/,
      );
      expect(result.exitCode).toBe(0);
    } finally {
      delete process.env.PYTHONPATH;
    }
  });

  it("fails on any difference and names it", () => {
    const smi = nvidiaSmiOutputs({
      ...truth,
      gpus: truth.gpus.map((g) => (g.index === 1 ? { ...g, memoryTotalMiB: 40000 } : g)),
    });
    const pynvml = {
      ...truth,
      source: "pynvml",
      gpus: truth.gpus.map((g) => (g.index === 0 ? { ...g, gpuInstances: [] } : g)),
    };
    const result = runDeviceCheck({
      ...fakeTools(smi, pynvml),
      pynvmlScript,
      reportDir: join(fleet.dir, "r2"),
      libraryPath: fleet.libraryPath,
    });
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/DIFFERENT: GPU 1 memoryTotalMiB: 40960 \| 40000 \| 40960/);
    expect(result.output).toMatch(/DIFFERENT: GPU 0 gpuInstances: gi1:profile9@4\/4 \| - \| \(none\)/);
  });

  it("compares with nvidia-smi alone when pynvml is missing, and fails when nvidia-smi is", () => {
    const tools = fakeTools(nvidiaSmiOutputs(truth), null);
    const alone = runDeviceCheck({
      ...tools,
      pynvmlScript,
      reportDir: join(fleet.dir, "r3"),
      libraryPath: fleet.libraryPath,
    });
    expect(alone.output).toContain("warning: pynvml is not installed");
    expect(alone.exitCode).toBe(0);
    const noSmi = runDeviceCheck({
      ...tools,
      nvidiaSmi: "/nonexistent/nvidia-smi",
      pynvmlScript,
      reportDir: join(fleet.dir, "r4"),
      libraryPath: fleet.libraryPath,
    });
    expect(noSmi.exitCode).toBe(1);
    expect(noSmi.output).toMatch(/error: nvidia-smi: \/nonexistent\/nvidia-smi/);
  });

  it("tolerates telemetry drift but not identity drift", () => {
    const base = truth.gpus[0];
    if (!base) throw new Error("no GPU");
    const rows = compareViews([
      { source: "a", gpus: [base] },
      {
        source: "b",
        gpus: [{ ...base, temperatureC: (base.temperatureC ?? 0) + 4, powerW: (base.powerW ?? 0) * 1.1 }],
      },
    ]);
    expect(rows.filter((r) => r.status === "DIFF")).toEqual([]);
    const moved = compareViews([
      { source: "a", gpus: [base] },
      { source: "b", gpus: [{ ...base, pciBusId: "00000000:11:00.0" }] },
    ]);
    expect(moved.filter((r) => r.status === "DIFF").map((r) => r.field)).toEqual(["pciBusId"]);
  });

  it("parses nvidia-smi's query CSV and -L listing", () => {
    const view = parseNvidiaSmiQuery(
      "0, GPU-1, NVIDIA H100 80GB HBM3, 1650923012345, 00000000:07:00.0, 81559, 9.0, Enabled, Enabled, 33, 71.48, [N/A], 580.65.06\n",
      parseNvidiaSmiList(
        "GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-1)\n  MIG 3g.40gb     Device  0: (UUID: MIG-abc)\n",
      ),
    );
    expect(view).toMatchObject({
      driverVersion: "580.65.06",
      gpus: [
        {
          index: 0,
          pciBusId: "00000000:07:00.0",
          memoryTotalMiB: 81559,
          migCurrent: true,
          powerW: 71.48,
          computeMode: null,
          migDevices: ["3g.40gb=MIG-abc"],
        },
      ],
    });
  });

  it("never lets the check change a GPU", () => {
    const nvml = readOnlyNvml(fleet.open());
    try {
      const gpu = nvml.deviceByIndex(0);
      expect(() => nvml.setMigMode(gpu, false)).toThrow(/read-only: refusing to call setMigMode/);
      expect(() => nvml.createGpuInstance(gpu, 19)).toThrow(/read-only/);
      expect(() => nvml.destroyGpuInstance(nvml.gpuInstanceById(gpu, 1))).toThrow(/read-only/);
      expect(() => nvml.setComputeMode(gpu, 0)).toThrow(/read-only/);
      expect(nvml.migMode(gpu).current).toBe(true);
    } finally {
      (nvml as Nvml).close();
    }
  });
});
