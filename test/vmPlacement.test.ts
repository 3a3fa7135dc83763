import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { VmJobLauncher } from "../node-agent/agent/VmJobLauncher.ts";
import type { GpuProcessProbe } from "../node-agent/vfio/GpuProcessProbe.ts";
import { SysfsTree } from "../node-agent/vfio/SysfsTree.ts";
import { VfioBinder } from "../node-agent/vfio/VfioBinder.ts";
import { runVmJob, type VmJobDetails, vmDetailsFile } from "../plugins/vm/VmJobRunner.ts";
import type { VmJobSpec } from "../plugins/vm/VmJobSpec.ts";
import type { RunningVm, VmExit, VmIo, VmRuntime, VmRuntimeInfo } from "../plugins/vm/VmRuntime.ts";
import type { GpuInventory__Output } from "../proto/generated/tessera/v1/GpuInventory.ts";
import type { GpuSpec, NodeSpec } from "../scheduler/engine/ClusterSpec.ts";
import { PlacementEngine } from "../scheduler/engine/PlacementEngine.ts";
import type { PlacementRequest } from "../scheduler/engine/PlacementRequest.ts";
import { createPolicy } from "../scheduler/engine/PolicyRegistry.ts";
import { engineRequest } from "../scheduler/queue/JobEngineRequest.ts";
import { nodeSpec } from "../scheduler/service/EngineBridge.ts";
import type { JobRecord } from "../scheduler/store/JobRecord.ts";
import {
  buildFakeSysfs,
  FakeSysfsKernel,
  fakeDriverOf,
  fakeGpuWithAudio,
  snapshotTree,
} from "./vmFakeSysfs.ts";

/** A stand-in node: 4 H100s; GPUs 0 and 1 share IOMMU group 5 (behind one switch), 2 and 3 have their own. */
const pci = ["0000:18:00.0", "0000:19:00.0", "0000:3b:00.0", "0000:5e:00.0"];
const groups = [5, 5, 6, 7];
function standinNode(over: Partial<GpuSpec>[] = []): NodeSpec {
  return {
    name: "standin-0",
    cpuMilli: 64_000,
    memoryMiB: 512 * 1024,
    gpus: pci.map((_, index) => ({
      uuid: `GPU-${index}`,
      index,
      model: "H100-SXM5-80GB",
      memoryMiB: 81_559,
      mode: "whole" as const,
      iommuGroup: groups[index]!,
      ...over[index],
    })),
  };
}

function vmRequest(
  id: string,
  count: number,
  nvlink: "none" | "preferred" | "required" = "none",
): PlacementRequest {
  return { id, cpuMilli: 4000, memoryMiB: 8192, gpu: { kind: "whole", count, nvlink, passthrough: true } };
}

function engineFor(node: NodeSpec): PlacementEngine {
  return new PlacementEngine({ nodes: [node] }, { policy: createPolicy("best-fit"), seed: 7 });
}

function placedIndices(engine: PlacementEngine, request: PlacementRequest): number[] {
  const result = engine.place(request);
  if (!result.ok) throw new Error(result.unschedulable.message);
  engine.commit(result.placement);
  return result.placement.gpus.map((gpu) => gpu.gpuIndex).sort();
}

describe("VM placement with IOMMU groups", () => {
  it("takes a shared IOMMU group whole, and never half of it", () => {
    const engine = engineFor(standinNode());
    expect(placedIndices(engine, vmRequest("vm-a", 2))).toEqual([0, 1]);
    engine.release("vm-a");
    expect(placedIndices(engine, { ...vmRequest("busy", 1), gpu: { kind: "whole", count: 1 } })).toEqual([0]);
    // GPU 1's group holds a busy GPU: only 2 and 3 can go to a VM now.
    expect(placedIndices(engine, vmRequest("vm-b", 2))).toEqual([2, 3]);
    const none = engine.place(vmRequest("vm-c", 1));
    expect(none.ok).toBe(false);
    if (!none.ok)
      expect(none.unschedulable.message).toContain("insufficient free GPUs with their whole IOMMU group");
  });

  it("refuses a single GPU out of a two-GPU group with a reason a user reads", () => {
    const twoInOneGroup = { ...standinNode(), gpus: standinNode().gpus.slice(0, 2) };
    const engine = engineFor(twoInOneGroup);
    const result = engine.place(vmRequest("vm-one", 1));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.unschedulable.message).toContain("no set of free GPUs that covers whole IOMMU groups");
  });

  it("prefers, or with --nvlink requires, an NVLink-connected set that keeps groups whole", () => {
    const linked = standinNode([{}, {}, { nvlinkPeers: [3] }, { nvlinkPeers: [2] }]);
    expect(placedIndices(engineFor(linked), vmRequest("vm-p", 2, "preferred"))).toEqual([2, 3]);
    const engine = engineFor(linked);
    placedIndices(engine, { ...vmRequest("busy", 1), gpu: { kind: "whole", count: 1 } }); // takes GPU 0
    expect(placedIndices(engine, vmRequest("vm-r", 2, "required"))).toEqual([2, 3]);
    const none = engine.place(vmRequest("vm-r2", 1, "required"));
    expect(none.ok).toBe(false);
  });

  it("asks the engine for passthrough GPUs exactly for jobs of kind vm", () => {
    const job = (kind: string) =>
      ({
        id: `j-${kind}`,
        spec: {
          kind,
          request: {
            shape: { kind: "whole", gpus: 2, requireNvlink: true },
            models: [],
            cpuMillis: 0,
            memoryMiB: 0,
          },
        },
      }) as unknown as JobRecord;
    expect(engineRequest(job("vm")).request).toMatchObject({
      gpu: { kind: "whole", count: 2, nvlink: "required", passthrough: true },
    });
    expect(engineRequest(job("training")).request).toMatchObject({ gpu: { passthrough: false } });
  });

  it("takes an idle MIG GPU out of MIG mode for a VM", () => {
    const engine = engineFor(
      standinNode([{}, {}, { mode: "mig", migInstances: [] }, { mode: "mig", migInstances: [] }]),
    );
    placedIndices(engine, { ...vmRequest("busy", 2), gpu: { kind: "whole", count: 2 } });
    const result = engine.place(vmRequest("vm-mig", 2));
    expect(result.ok && result.placement.gpus).toEqual([
      { kind: "whole", gpuIndex: 2, gpuUuid: "GPU-2", switchFrom: "mig" },
      { kind: "whole", gpuIndex: 3, gpuUuid: "GPU-3", switchFrom: "mig" },
    ]);
  });
});

/** A VM that runs until the test ends it: stands in for QEMU on a node whose GPUs exist only in sysfs. */
class StandinVmRuntime implements VmRuntime {
  readonly name = "standin";
  started: VmJobSpec | undefined;
  private end: ((exit: VmExit) => void) | undefined;

  async probe(): Promise<VmRuntimeInfo> {
    return { runtime: this.name, runnable: true, accelerator: "kvm", detail: "stand-in" };
  }

  render(): string {
    return "";
  }

  async start(spec: VmJobSpec, io: VmIo): Promise<RunningVm> {
    this.started = spec;
    const exited = new Promise<VmExit>((resolve) => {
      this.end = resolve;
    });
    setImmediate(() => io.onLine("guest up"));
    return {
      pid: 1,
      exited,
      stop: async () => this.finish({ exitStatus: null, reason: "the VM was stopped", bootMs: 5 }),
    };
  }

  finish(exit: VmExit = { exitStatus: 0, reason: "", bootMs: 5 }): void {
    this.end?.(exit);
  }
}

describe("a 2-GPU VM job on a stand-in node with a built sysfs tree", () => {
  let dir: string;
  let kernel: FakeSysfsKernel;
  let root: string;
  const noUsers: GpuProcessProbe = { usersOf: async () => [] };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "tessera-vm-node-"));
    root = join(dir, "sys");
    // Each GPU with its audio function; GPUs 0 and 1 share group 5 as in the engine's view of the node.
    buildFakeSysfs(
      root,
      pci.flatMap((address, i) =>
        fakeGpuWithAudio(Number.parseInt(address.slice(5, 7), 16), groups[i]!).map((fn) => ({ ...fn })),
      ),
    );
    kernel = new FakeSysfsKernel(root).install();
  });

  afterEach(() => {
    kernel.uninstall();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is placed on two whole GPUs, bound to vfio-pci while it runs and back on its drivers afterwards", async () => {
    const engine = engineFor(standinNode());
    placedIndices(engine, { ...vmRequest("busy", 1), gpu: { kind: "whole", count: 1 } }); // GPU 0: group 5 is out
    const indices = placedIndices(engine, vmRequest("vm-job", 2));
    expect(indices).toEqual([2, 3]);
    const before = snapshotTree(root);
    const runtime = new StandinVmRuntime();
    const lines: string[] = [];
    const done = runVmJob({
      spec: { jobId: "vm-job", vcpus: 4, memoryMiB: 8192, command: ["nvidia-smi"], env: {} },
      gpuAddresses: indices.map((i) => pci[i]!),
      runtime,
      binder: new VfioBinder(new SysfsTree(root), noUsers),
      workDir: dir,
      onLine: (line) => lines.push(line),
    });
    await expect.poll(() => lines).toEqual(["guest up"]);
    for (const address of ["0000:3b:00.0", "0000:3b:00.1", "0000:5e:00.0", "0000:5e:00.1"]) {
      expect(fakeDriverOf(root, address)).toBe("vfio-pci");
    }
    expect(fakeDriverOf(root, "0000:18:00.0")).toBe("nvidia");
    expect(runtime.started?.gpus.map((gpu) => [gpu.address, gpu.iommuGroup])).toEqual([
      ["0000:3b:00.0", 6],
      ["0000:5e:00.0", 7],
    ]);
    const details = () => JSON.parse(readFileSync(join(dir, vmDetailsFile), "utf8")) as VmJobDetails;
    // The runner records "running" when the first console line arrives, asynchronously.
    await expect.poll(() => details().state).toBe("running");
    expect(details()).toMatchObject({ runtime: "standin", accelerator: "kvm" });
    expect(details().gpus.map((gpu) => gpu.groupDevices)).toEqual([
      ["0000:3b:00.0", "0000:3b:00.1"],
      ["0000:5e:00.0", "0000:5e:00.1"],
    ]);

    runtime.finish();
    expect(await done).toEqual({ exitStatus: 0, reason: "", bootMs: 5 });
    expect(snapshotTree(root)).toEqual(before);
    expect(JSON.parse(readFileSync(join(dir, vmDetailsFile), "utf8"))).toMatchObject({
      state: "exited",
      bootMs: 5,
    });
  });

  it("gives the GPUs back when the VM job is cancelled", async () => {
    const before = snapshotTree(root);
    const runtime = new StandinVmRuntime();
    const abort = new AbortController();
    const lines: string[] = [];
    const done = runVmJob({
      spec: { jobId: "vm-cancel", vcpus: 1, memoryMiB: 1024, command: ["sleep", "1d"], env: {} },
      gpuAddresses: [pci[2]!, pci[3]!],
      runtime,
      binder: new VfioBinder(new SysfsTree(root), noUsers),
      workDir: dir,
      onLine: (line) => lines.push(line),
      signal: abort.signal,
    });
    await expect.poll(() => lines.length).toBe(1);
    abort.abort();
    expect((await done).reason).toBe("the VM was stopped");
    expect(snapshotTree(root)).toEqual(before);
  });

  it("the agent reports each GPU's IOMMU group and the scheduler's engine keeps shared groups whole", () => {
    const launcher = new VmJobLauncher({ runtime: "qemu", sysfsRoot: root, dataDir: dir, cli: "tessera" });
    const gpu = (i: number): GpuInventory__Output => ({
      uuid: `GPU-${i}`,
      index: i,
      name: "NVIDIA H100 80GB HBM3",
      model: "H100-SXM5-80GB",
      memoryMib: 81_559,
      // NVML's spelling: 8-digit domain, upper case.
      pciBusId: `0000${pci[i]!.toUpperCase()}`,
      migCapable: true,
      nvlinkPeers: [],
      iommuGroup: "",
    });
    const inventory = launcher.withIommuGroups([
      gpu(0),
      gpu(1),
      gpu(2),
      { ...gpu(3), pciBusId: "0000:99:00.0" },
    ]);
    expect(inventory.map((g) => g.iommuGroup)).toEqual(["5", "5", "6", ""]);
    const spec = nodeSpec("standin-0", {}, 64_000, 512 * 1024, inventory as GpuInventory__Output[], [], []);
    expect(spec.gpus.map((g) => g.iommuGroup)).toEqual([5, 5, 6, undefined]);
    const engine = engineFor(spec);
    expect(placedIndices(engine, vmRequest("vm-1", 1))).toEqual([2]);
    expect(placedIndices(engine, vmRequest("vm-2", 1))).toEqual([3]);
    expect(engine.place(vmRequest("vm-3", 1)).ok).toBe(false);
    expect(placedIndices(engine, vmRequest("vm-4", 2))).toEqual([0, 1]);
  });

  it("leaves the tree as it was when binding fails half-way, and the VM never starts", async () => {
    const before = snapshotTree(root);
    kernel.failBind.add("vfio-pci@0000:5e:00.0");
    const runtime = new StandinVmRuntime();
    const exit = await runVmJob({
      spec: { jobId: "vm-fail", vcpus: 1, memoryMiB: 1024, command: ["true"], env: {} },
      gpuAddresses: [pci[2]!, pci[3]!],
      runtime,
      binder: new VfioBinder(new SysfsTree(root), noUsers),
      workDir: dir,
      onLine: () => {},
    });
    expect(exit.exitStatus).toBeNull();
    expect(exit.reason).toMatch(/binding 0000:5e:00\.0 \(IOMMU group 7\) to vfio-pci failed: EIO.*restored/);
    expect(runtime.started).toBeUndefined();
    expect(snapshotTree(root)).toEqual(before);
  });
});
