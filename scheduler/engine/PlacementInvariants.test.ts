import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GpuSpec, NodeSpec } from "./ClusterSpec.ts";
import { memorySliceMask } from "./MigLayout.ts";
import { packedGpuStride, packGpuStates } from "./PackedGpuStates.ts";
import type { Placement } from "./Placement.ts";
import { PlacementEngine } from "./PlacementEngine.ts";
import type { GpuDemand, PlacementRequest } from "./PlacementRequest.ts";
import { createPolicy, policyNames } from "./PolicyRegistry.ts";
import { TargetWorkload } from "./TargetWorkload.ts";

const gpuArb = fc.record({
  model: fc.constantFrom("H100-SXM5-80GB", "A100-SXM4-40GB", "T4"),
  mode: fc.constantFrom("whole", "shared", "mig"),
});

const nodeArb = fc.record({
  cpuMilli: fc.integer({ min: 0, max: 16000 }),
  memoryMiB: fc.integer({ min: 0, max: 64000 }),
  gpus: fc.array(gpuArb, { maxLength: 4 }),
  nvlink: fc.boolean(),
  zone: fc.constantFrom("a", "b"),
});

type NodeShape = typeof nodeArb extends fc.Arbitrary<infer T> ? T : never;

function toNodeSpec(n: NodeShape, i: number): NodeSpec {
  const gpus = n.gpus.map((g, j): GpuSpec => {
    const migCapable = g.model !== "T4";
    const spec: GpuSpec = {
      uuid: `GPU-${i}-${j}`,
      index: j,
      model: g.model,
      memoryMiB: g.model === "T4" ? 15360 : 40960,
      mode: g.mode === "mig" && !migCapable ? "shared" : (g.mode as GpuSpec["mode"]),
    };
    if (n.nvlink) spec.nvlinkPeers = n.gpus.map((_, k) => k).filter((k) => k !== j);
    return spec;
  });
  return { name: `n${i}`, cpuMilli: n.cpuMilli, memoryMiB: n.memoryMiB, labels: { zone: n.zone }, gpus };
}

const demandArb: fc.Arbitrary<GpuDemand> = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.record({
    kind: fc.constant("share" as const),
    milli: fc.integer({ min: 1, max: 1000 }),
    memoryMiB: fc.integer({ min: 0, max: 20000 }),
  }),
  fc.record({
    kind: fc.constant("mig" as const),
    profile: fc.constantFrom("1g.10gb", "2g.20gb", "3g.40gb", "1g.5gb", "7g.40gb"),
  }),
  fc.record({
    kind: fc.constant("slice" as const),
    memoryMiB: fc.integer({ min: 0, max: 40000 }),
    computeSevenths: fc.integer({ min: 1, max: 7 }),
  }),
  fc.record({
    kind: fc.constant("whole" as const),
    count: fc.integer({ min: 1, max: 3 }),
    nvlink: fc.constantFrom("none" as const, "preferred" as const, "required" as const),
  }),
);

const shapeArb = fc.record({
  cpuMilli: fc.integer({ min: 0, max: 6000 }),
  memoryMiB: fc.integer({ min: 0, max: 20000 }),
  gpu: demandArb,
  models: fc.option(fc.subarray(["H100-SXM5-80GB", "A100-SXM4-40GB", "T4"], { minLength: 1 }), {
    nil: undefined,
  }),
  zone: fc.option(fc.constantFrom("a", "b"), { nil: undefined }),
});

const opArb = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant("place" as const), shape: shapeArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("gang" as const),
      shape: shapeArb,
      size: fc.integer({ min: 2, max: 3 }),
      mixedModels: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("release" as const), pick: fc.nat() }) },
);

type Shape = typeof shapeArb extends fc.Arbitrary<infer T> ? T : never;

function requestOf(shape: Shape, id: string): PlacementRequest {
  const r: PlacementRequest = { id, cpuMilli: shape.cpuMilli, memoryMiB: shape.memoryMiB, gpu: shape.gpu };
  if (shape.models) r.allowedModels = shape.models;
  if (shape.zone) r.nodeSelector = { zone: shape.zone };
  return r;
}

/** Everything about free capacity and layouts, to compare before and after. */
function freeState(engine: PlacementEngine): string {
  return JSON.stringify(
    [...engine.nodes()].map((n) => ({
      cpu: n.cpuFree,
      mem: n.memFree,
      gpus: n.gpus.map((g) => ({
        mode: g.mode,
        free: g.freeMilli,
        mem: g.memFreeMiB,
        mig: g.mig.map((i) => `${i.profile.name}@${i.start}:${i.allocationId ?? "-"}`),
      })),
    })),
  );
}

/** No GPU, MIG memory slice, share, CPU or memory is over-committed; allocations agree with free capacity. */
function checkInvariants(engine: PlacementEngine): void {
  const byNode = new Map<
    string,
    { cpu: number; mem: number; shares: Map<number, number>; whole: Map<number, number> }
  >();
  for (const id of engine.allocationIds()) {
    const p = engine.allocation(id)!;
    const acc = byNode.get(p.node) ?? { cpu: 0, mem: 0, shares: new Map(), whole: new Map() };
    acc.cpu += p.cpuMilli;
    acc.mem += p.memoryMiB;
    for (const a of p.gpus) {
      if (a.kind === "share") acc.shares.set(a.gpuIndex, (acc.shares.get(a.gpuIndex) ?? 0) + a.milli);
      if (a.kind === "whole") acc.whole.set(a.gpuIndex, (acc.whole.get(a.gpuIndex) ?? 0) + 1);
    }
    byNode.set(p.node, acc);
  }
  for (const n of engine.nodes()) {
    const acc = byNode.get(n.name);
    expect(n.cpuFree).toBeGreaterThanOrEqual(0);
    expect(n.memFree).toBeGreaterThanOrEqual(0);
    expect(n.cpuFree).toBe(n.cpuTotal - (acc?.cpu ?? 0));
    expect(n.memFree).toBe(n.memTotal - (acc?.mem ?? 0));
    // Option building reads the packed GPU states: they must be those of the GPUs, in canonical order.
    const packed: number[] = new Array(n.ordered.length * packedGpuStride).fill(-1);
    packGpuStates(n.ordered, packed);
    expect(n.packedGpus).toEqual(packed);
    for (const g of n.gpus) {
      expect(g.freeMilli).toBeGreaterThanOrEqual(0);
      expect(g.freeMilli).toBeLessThanOrEqual(1000);
      expect(g.memFreeMiB).toBeGreaterThanOrEqual(0);
      const whole = acc?.whole.get(g.index) ?? 0;
      expect(whole).toBeLessThanOrEqual(1);
      if (whole === 1) expect(g.allocations).toBe(1);
      if (g.mode === "shared") expect(g.freeMilli).toBe(whole ? 0 : 1000 - (acc?.shares.get(g.index) ?? 0));
      if (g.mode === "mig") {
        const geometry = g.catalog!.mig!;
        let mask = 0;
        let compute = 0;
        for (const inst of g.mig) {
          const span = memorySliceMask([inst]);
          expect(mask & span).toBe(0);
          mask |= span;
          compute += inst.profile.computeSlices;
          expect(inst.profile.placementStarts).toContain(inst.start);
          expect(inst.start + inst.profile.memorySlices).toBeLessThanOrEqual(geometry.memorySlices);
          if (inst.allocationId) expect(engine.allocation(inst.allocationId)?.node).toBe(n.name);
        }
        expect(compute).toBeLessThanOrEqual(geometry.computeSlices);
      }
    }
  }
}

/** The GPU models a gang's placements use. */
function gangModels(engine: PlacementEngine, placements: readonly Placement[]): Set<string> {
  const models = new Set<string>();
  for (const p of placements)
    for (const a of p.gpus) models.add(engine.node(p.node)!.gpus.find((g) => g.index === a.gpuIndex)!.model);
  return models;
}

describe("placement invariants (property)", () => {
  it("never over-commits, places gangs whole or not at all (on one GPU model unless mixed), and release undoes a commit exactly", () => {
    fc.assert(
      fc.property(
        fc.array(nodeArb, { minLength: 1, maxLength: 4 }),
        fc.array(opArb, { minLength: 1, maxLength: 25 }),
        fc.constantFrom(...policyNames),
        fc.integer(),
        (nodes, ops, policy, seed) => {
          const engine = new PlacementEngine(
            { nodes: nodes.map(toNodeSpec) },
            { policy: createPolicy(policy, new TargetWorkload([])), seed },
          );
          const live: string[] = [];
          ops.forEach((op, k) => {
            if (op.op === "release") {
              if (live.length === 0) return;
              const [id] = live.splice(op.pick % live.length, 1);
              engine.release(id!);
            } else if (op.op === "place") {
              const r = engine.place(requestOf(op.shape, `r${k}`));
              if (!r.ok) {
                expect(r.unschedulable.message).toMatch(/^0\/\d+ nodes are available/);
                return;
              }
              const before = freeState(engine);
              engine.commit(r.placement);
              // Release restores exactly the previous free capacity; then commit again to go on.
              engine.release(r.placement.requestId);
              expect(freeState(engine)).toBe(before);
              engine.commit(r.placement);
              live.push(r.placement.requestId);
            } else {
              const members = Array.from({ length: op.size }, (_, m) => requestOf(op.shape, `g${k}/${m}`));
              const before = freeState(engine);
              const r = engine.placeGang({ id: `g${k}`, members, mixedModels: op.mixedModels });
              expect(freeState(engine)).toBe(before);
              if (r.ok) {
                expect(r.placements).toHaveLength(op.size);
                expect(new Set(r.placements.map((p) => p.node)).size).toBe(op.size);
                // A gang that does not allow mixed models has the GPUs of one model only.
                if (!op.mixedModels) expect(gangModels(engine, r.placements).size).toBeLessThanOrEqual(1);
                engine.commitGang(r.placements);
                for (const p of r.placements) live.push(p.requestId);
              } else {
                for (const m of members) expect(engine.allocation(m.id)).toBeUndefined();
              }
            }
            checkInvariants(engine);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
