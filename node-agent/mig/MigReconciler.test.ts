import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gpuModels } from "../../proto/catalog/GpuCatalog.ts";
import { discoverWith } from "../nvml/discoverHost.ts";
import { readMigInstances, readMigProfiles } from "../nvml/MigInventory.ts";
import type { Nvml } from "../nvml/Nvml.ts";
import { NvmlError, NvmlReturn } from "../nvml/NvmlError.ts";
import { StandinFleet, type StandinGpu } from "../standin/StandinFleet.ts";
import { MigReconcileError, reconcileMig } from "./MigReconciler.ts";
import { arbitraryLayout, layoutFits } from "./migLayoutOracle.testkit.ts";

const migModels = gpuModels.filter((m) => m.mig !== null);

function layoutOf(nvml: Nvml, gpuIndex: number): string[] {
  const device = nvml.deviceByIndex(gpuIndex);
  return readMigInstances(nvml, device, readMigProfiles(nvml, device)).map(
    (i) => `${i.profile}@${i.start}/${i.gpuInstanceId}.${i.computeInstanceId}`,
  );
}

function refusal(run: () => unknown): MigReconcileError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MigReconcileError);
    return error as MigReconcileError;
  }
  throw new Error("expected a MigReconcileError");
}

describe("MIG reconciler on every MIG model (property)", () => {
  let fleet: StandinFleet;
  let nvml: Nvml;

  beforeAll(() => {
    fleet = StandinFleet.create({ gpus: migModels.map((m) => ({ model: m.id, mig: true })) });
    nvml = fleet.open();
  });
  afterAll(() => {
    nvml.close();
    fleet.remove();
  });

  it("applies each valid random layout and reads it back exactly; refuses each invalid one unchanged", () => {
    migModels.forEach((model, gpuIndex) => {
      const profiles = readMigProfiles(nvml, nvml.deviceByIndex(gpuIndex));
      fc.assert(
        fc.property(arbitraryLayout(profiles), (wanted) => {
          const names = wanted.map((p) => p.name);
          const before = layoutOf(nvml, gpuIndex);
          if (!layoutFits(profiles, wanted)) {
            const error = refusal(() => reconcileMig(nvml, [{ gpuIndex, instances: names }]));
            expect(error.message).toContain(`GPU ${gpuIndex} (${model.name}`);
            expect(error.message).toContain("does not fit");
            expect(error.rolledBack).toBeNull();
            expect(layoutOf(nvml, gpuIndex)).toEqual(before);
            return;
          }
          const result = reconcileMig(nvml, [{ gpuIndex, instances: names }]);
          const got = result.gpus[0]?.instances.map((i) => i.profile).sort();
          expect(got).toEqual([...names].sort());
          const read = discoverWith(nvml)
            .gpus[gpuIndex]?.mig.instances.map((i) => i.profile)
            .sort();
          expect(read).toEqual([...names].sort());
          const after = layoutOf(nvml, gpuIndex);
          const again = reconcileMig(nvml, [{ gpuIndex, instances: [...names].reverse() }]);
          expect(again.changed).toBe(false);
          expect(layoutOf(nvml, gpuIndex)).toEqual(after);
        }),
        { numRuns: 12 },
      );
    });
  });
});

describe("MIG reconciler refusals and rollback", () => {
  const gpus: StandinGpu[] = [
    { model: "H100-SXM5-80GB", mig: true },
    { model: "A100-SXM4-40GB", mig: true },
    { model: "A30-24GB" },
    { model: "L4-24GB" },
  ];
  let fleet: StandinFleet;
  let nvml: Nvml;

  beforeAll(() => {
    fleet = StandinFleet.create({ gpus });
    nvml = fleet.open();
  });
  afterAll(() => {
    nvml.close();
    fleet.remove();
  });

  it("enables MIG, applies pinned starts, keeps matching instances, then disables MIG", () => {
    const first = reconcileMig(nvml, [
      { gpuIndex: 2, instances: [{ profile: "2g.12gb", start: 0 }, "1g.6gb"] },
    ]);
    expect(first.gpus[0]?.actions.map((a) => [a.kind, a.profile, a.start])).toEqual([
      ["enable-mig", undefined, undefined],
      ["create", "2g.12gb", 0],
      ["create", "1g.6gb", 2],
    ]);
    const create = first.gpus[0]?.actions[1];
    expect(create?.devices?.[0]?.uuid).toMatch(/^MIG-/);
    const grown = reconcileMig(nvml, [{ gpuIndex: 2, instances: ["1g.6gb", "2g.12gb", "1g.6gb"] }]);
    expect(grown.gpus[0]?.actions.map((a) => [a.kind, a.profile, a.start])).toEqual([
      ["create", "1g.6gb", 3],
    ]);
    const off = reconcileMig(nvml, [{ gpuIndex: 2, migEnabled: false, instances: [] }]);
    expect(off.gpus[0]?.actions.map((a) => a.kind)).toEqual(["destroy", "destroy", "destroy", "disable-mig"]);
    expect(nvml.migMode(nvml.deviceByIndex(2)).current).toBe(false);
    expect(reconcileMig(nvml, [{ gpuIndex: 2, migEnabled: false, instances: [] }]).changed).toBe(false);
  });

  it("puts compute instances of different sizes into one GPU instance, and keeps them", () => {
    const result = reconcileMig(nvml, [{ gpuIndex: 0, instances: ["1c.3g.40gb", "2c.3g.40gb", "1g.10gb"] }]);
    const shared = result.gpus[0]?.instances.filter((i) => i.gpuInstanceProfile === "3g.40gb") ?? [];
    expect(shared.map((i) => [i.profile, i.computeStart])).toEqual([
      ["2c.3g.40gb", 0],
      ["1c.3g.40gb", 2],
    ]);
    expect(new Set(shared.map((i) => i.gpuInstanceId)).size).toBe(1);
    expect(
      reconcileMig(nvml, [{ gpuIndex: 0, instances: ["2c.3g.40gb", "1g.10gb", "1c.3g.40gb"] }]).changed,
    ).toBe(false);
    reconcileMig(nvml, [{ gpuIndex: 0, instances: [] }]);
  });

  it("refuses GPUs without MIG, unknown GPUs and duplicate requests", () => {
    expect(refusal(() => reconcileMig(nvml, [{ gpuIndex: 3, instances: ["1g.6gb"] }])).message).toMatch(
      /GPU 3 \(NVIDIA L4, GPU-.*\) does not support MIG/,
    );
    expect(refusal(() => reconcileMig(nvml, [{ gpuIndex: 9, instances: [] }])).message).toMatch(
      /GPU 9 does not exist; this host has GPUs 0-3/,
    );
    expect(
      refusal(() =>
        reconcileMig(nvml, [
          { gpuIndex: 0, instances: [] },
          { gpuIndex: 0, instances: [] },
        ]),
      ).message,
    ).toMatch(/appears twice/);
  });

  it("never destroys an instance with running processes, and changes nothing on any GPU", () => {
    reconcileMig(nvml, [
      { gpuIndex: 0, instances: ["3g.40gb", "3g.40gb"] },
      { gpuIndex: 1, instances: ["7g.40gb"] },
    ]);
    const h100 = discoverWith(nvml).gpus[0];
    const busy = h100?.mig.instances.find((i) => i.start === 4);
    const withProcesses = structuredClone(gpus);
    (withProcesses[0] as StandinGpu).processes = [
      { pid: 1201, usedMemoryMiB: 10, gpuInstanceId: busy?.gpuInstanceId, computeInstanceId: 0 },
      { pid: 1202, usedMemoryMiB: 10, gpuInstanceId: busy?.gpuInstanceId, computeInstanceId: 0 },
    ];
    fleet.write({ gpus: withProcesses });
    const before = [layoutOf(nvml, 0), layoutOf(nvml, 1)];
    const error = refusal(() =>
      reconcileMig(nvml, [
        { gpuIndex: 1, instances: ["1g.5gb"] },
        { gpuIndex: 0, instances: ["7g.80gb"] },
      ]),
    );
    expect(error.message).toBe(
      `GPU 0 (NVIDIA H100 80GB HBM3, ${h100?.uuid}): cannot destroy 3g.40gb instance at slot 4 (GPU instance ` +
        `${busy?.gpuInstanceId}): 2 processes are running (PIDs 1201, 1202). Stop them or drain the node first.`,
    );
    expect([layoutOf(nvml, 0), layoutOf(nvml, 1)]).toEqual(before);
    // Instances without processes may still change around the busy one.
    const result = reconcileMig(nvml, [{ gpuIndex: 0, instances: ["3g.40gb", "2g.20gb", "1g.10gb"] }]);
    expect(result.gpus[0]?.actions.filter((a) => a.kind === "destroy").map((a) => a.start)).toEqual([0]);
    fleet.write({ gpus });
  });

  it("restores the previous layout of every GPU when a step fails half-way", () => {
    reconcileMig(nvml, [
      { gpuIndex: 0, instances: ["4g.40gb", "3g.40gb"] },
      { gpuIndex: 1, instances: ["3g.20gb", "3g.20gb"] },
    ]);
    const before = [layoutOf(nvml, 0), layoutOf(nvml, 1)].map((l) => l.map((s) => s.split("/")[0]));
    let creates = 0;
    const failing = new Proxy(nvml, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== "createGpuInstanceWithPlacement" || typeof value !== "function") {
          return typeof value === "function" ? value.bind(target) : value;
        }
        return (...args: unknown[]) => {
          // The first create (GPU 1) succeeds, the second (GPU 0) fails as a driver might.
          if (++creates === 3)
            throw new NvmlError("nvmlDeviceCreateGpuInstanceWithPlacement", NvmlReturn.ERROR_UNKNOWN);
          return value.apply(target, args);
        };
      },
    }) as Nvml;
    const error = refusal(() =>
      reconcileMig(failing, [
        { gpuIndex: 1, instances: ["7g.40gb"] },
        { gpuIndex: 0, instances: ["1g.10gb", "1g.10gb", "2g.20gb", "3g.40gb"] },
      ]),
    );
    expect(error.rolledBack).toBe(true);
    expect(error.message).toMatch(
      /GPU 0 .*applying the MIG layout failed: .*NVML_ERROR_UNKNOWN.*previous layout was restored/,
    );
    const after = [layoutOf(nvml, 0), layoutOf(nvml, 1)].map((l) => l.map((s) => s.split("/")[0]));
    expect(after).toEqual(before);
  });
});
