import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { VmJobSpec } from "../VmJobSpec.ts";
import { qemuArguments } from "./QemuCommandLine.ts";
import { QemuRuntime } from "./QemuRuntime.ts";

const workDir = mkdtempSync(join(tmpdir(), "tessera-qemu-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const microJob: VmJobSpec = { jobId: "j1", vcpus: 2, memoryMiB: 256, command: ["true"], env: {}, gpus: [] };
const gpuJob: VmJobSpec = {
  ...microJob,
  gpus: [
    { address: "0000:65:00.0" as never, iommuGroup: 12, groupDevices: [] },
    { address: "0000:66:00.0" as never, iommuGroup: 13, groupDevices: [] },
  ],
};

describe("qemuArguments", () => {
  it("gives a GPU-less job a MicroVM and a GPU job q35 with one vfio-pci device per GPU", () => {
    const micro = qemuArguments(microJob, {
      accelerator: "tcg",
      kernel: "K",
      initrd: "I",
      tscKhz: 2_600_000,
    });
    expect(micro.slice(micro.indexOf("-M"), micro.indexOf("-M") + 4)).toEqual([
      "-M",
      "microvm",
      "-accel",
      "tcg,thread=multi",
    ]);
    expect(micro[micro.indexOf("-append") + 1]).toBe(
      "console=ttyS0 quiet loglevel=3 panic=-1 rdinit=/init pci=off tsc_early_khz=2600000 tsc=reliable",
    );
    expect(micro).not.toContain("-device");
    const gpu = qemuArguments(gpuJob, { accelerator: "kvm", kernel: "K", initrd: "I", tscKhz: 2_600_000 });
    expect(gpu.slice(gpu.indexOf("-M"), gpu.indexOf("-M") + 6)).toEqual([
      "-M",
      "q35",
      "-accel",
      "kvm",
      "-cpu",
      "host",
    ]);
    expect(gpu.filter((_, i) => gpu[i - 1] === "-device")).toEqual([
      "vfio-pci,host=0000:65:00.0",
      "vfio-pci,host=0000:66:00.0",
    ]);
    expect(gpu[gpu.indexOf("-append") + 1]).not.toContain("tsc_early_khz");
  });
});

// Real QEMU: TCG on hosts where KVM does not work (as in CI), KVM where the probe finds it usable.
describe("QemuRuntime", () => {
  const runtime = new QemuRuntime();

  it("boots a MicroVM whose console is the job's log and whose exit status is the command's", async () => {
    const info = await runtime.probe();
    expect(info.runnable).toBe(true);
    expect(["kvm", "tcg"]).toContain(info.accelerator);
    const lines: string[] = [];
    const vm = await runtime.start(
      { ...microJob, command: ["sh", "-c", 'echo hello; echo "$NOTE"; exit 3'], env: { NOTE: "it's a VM" } },
      { workDir, onLine: (line) => lines.push(line) },
    );
    const exit = await vm.exited;
    expect(exit.exitStatus).toBe(3);
    expect(exit.bootMs).toBeGreaterThan(0);
    expect(lines.filter((line) => !line.startsWith("["))).toEqual(["hello", "it's a VM"]);
  }, 120_000);

  it("stops a running VM on cancel", async () => {
    let booted: () => void = () => {};
    const running = new Promise<void>((resolve) => {
      booted = resolve;
    });
    const lines: string[] = [];
    const vm = await runtime.start(
      { ...microJob, command: ["sh", "-c", "echo started; sleep 600"] },
      {
        workDir,
        onLine: (line) => {
          lines.push(line);
          if (line.includes("started")) booted();
        },
      },
    );
    try {
      // A boot that does not come says what the console showed, instead of only running out of time.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no "started" from the VM in 100 s; its console:\n${lines.join("\n")}`)),
          100_000,
        );
      });
      await Promise.race([running, late]).finally(() => clearTimeout(timer));
      const started = Date.now();
      await vm.stop();
      const exit = await vm.exited;
      expect(exit).toMatchObject({ exitStatus: null, reason: "the VM was stopped" });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(() => process.kill(vm.pid, 0)).toThrow();
    } finally {
      // Also when the test fails: no QEMU is left running.
      await vm.stop();
    }
  }, 120_000);

  it("refuses GPU passthrough without KVM", async () => {
    const tcg = new QemuRuntime({ accelerator: "tcg" });
    await expect(tcg.start(gpuJob, { workDir, onLine: () => {} })).rejects.toThrow(
      "GPU passthrough needs KVM, and this node has none",
    );
  });
});
