import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SeededRandom } from "../engine/SeededRandom.ts";
import { CurveBuckets, curvePointAt, engineSeed, replayFgd, roundHalfEven, tunedPods } from "./FgdReplay.ts";
import { runSimulate } from "./SimulateCommand.ts";
import { renderLineChart } from "./SvgLineChart.ts";
import { replayTimeline } from "./TimelineReplay.ts";
import { podGpuMilli } from "./TraceFleet.ts";
import { readTraceNodes, readTracePods } from "./TraceReader.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-sim-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const nodesCsv = file(
  "nodes.csv",
  [
    "sn,cpu_milli,memory_mib,gpu,model",
    "n0,32000,131072,4,G2",
    "n1,32000,131072,2,T4",
    "n2,16000,65536,2,P100",
  ].join("\n"),
);

const podHeader =
  "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time";
const podsCsv = file(
  "pods.csv",
  [
    podHeader,
    "p0,4000,8192,1,500,,LS,Running,0,100,0",
    "p1,4000,8192,1,500,,LS,Running,10,200,10",
    "p2,2000,4096,2,1000,,LS,Running,20,300,20",
    "p3,8000,8192,0,0,,BE,Running,30,40,30",
    "p4,4000,8192,1,1000,T4,LS,Running,40,500,40",
    "p5,4000,8192,4,1000,,LS,Running,50,90,50",
    "p6,1000,1024,1,250,G2|P100,LS,Running,60,70,60",
  ].join("\n"),
);

describe("trace reader", () => {
  it("reads nodes and pods", () => {
    expect(readTraceNodes(nodesCsv).map((n) => n.gpus)).toEqual([4, 2, 2]);
    const pods = readTracePods(podsCsv);
    expect(pods).toHaveLength(7);
    expect(pods[6]!.gpuSpec).toEqual(["G2", "P100"]);
    expect(pods[0]!.creationTime).toBe(0);
  });

  it.each([
    [
      "missing column",
      "sn,cpu_milli,gpu,model\nn0,1,1,G2",
      /nodes-bad\.csv:1: missing column\(s\) memory_mib/,
    ],
    [
      "unknown model",
      "sn,cpu_milli,memory_mib,gpu,model\nn0,1,1,1,X9",
      /nodes-bad\.csv:2: unknown GPU model "X9"/,
    ],
    [
      "negative value",
      "sn,cpu_milli,memory_mib,gpu,model\nn0,-5,1,1,G2",
      /nodes-bad\.csv:2: cpu_milli must be >= 0, got -5/,
    ],
    [
      "not a number",
      "sn,cpu_milli,memory_mib,gpu,model\nn0,x,1,1,G2",
      /nodes-bad\.csv:2: cpu_milli must be an integer/,
    ],
  ])("stops on bad node input (%s) with file and line", (_what, text, message) => {
    const path = file("nodes-bad.csv", text);
    expect(() => readTraceNodes(path)).toThrow(message);
  });

  it.each([
    ["share above 1000", "p,1,1,1,1500", /pods-bad\.csv:2: gpu_milli must be <= 1000/],
    ["multi-GPU share", "p,1,1,2,500", /pods-bad\.csv:2: a multi-GPU pod/],
    ["gpu without share", "p,1,1,1,0", /pods-bad\.csv:2: num_gpu is 1 but gpu_milli is 0/],
    ["negative memory", "p,1,-1,0,0", /pods-bad\.csv:2: memory_mib must be >= 0/],
  ])("stops on bad pod input (%s) with file and line", (_what, row, message) => {
    const path = file("pods-bad.csv", `name,cpu_milli,memory_mib,num_gpu,gpu_milli\n${row}`);
    expect(() => readTracePods(path)).toThrow(message);
  });

  it("names unknown models in gpu_spec", () => {
    const path = file("pods-spec.csv", `${podHeader}\np,1,1,1,100,Z80,LS,Running,0,1,0`);
    expect(() => readTracePods(path)).toThrow(/pods-spec\.csv:2: gpu_spec names unknown GPU model "Z80"/);
  });
});

describe("FGD-method replay", () => {
  const nodes = readTraceNodes(nodesCsv);
  const pods = readTracePods(podsCsv);

  it("appends clones until the GPU request reaches tune x capacity", () => {
    const list = tunedPods(pods, 8000, 1.3, new SeededRandom(1));
    const total = list.reduce((a, p) => a + podGpuMilli(p), 0);
    expect(total).toBeGreaterThanOrEqual(1.3 * 8000);
    expect(total - podGpuMilli(list[list.length - 1]!)).toBeLessThan(1.3 * 8000);
    expect(new Set(list.slice(0, pods.length))).toEqual(new Set(pods));
  });

  it("removes random pods when the trace asks for more than tune x capacity", () => {
    const list = tunedPods(pods, 8000, 0.5, new SeededRandom(1));
    expect(list.reduce((a, p) => a + podGpuMilli(p), 0)).toBeLessThanOrEqual(4000);
  });

  it("reports allocation at 100% and at the end, the curve and the frag rate, reproducibly", () => {
    const a = replayFgd({ nodes, pods, policy: "tessera", seed: 3, tune: 1.3, migFleet: false });
    const b = replayFgd({ nodes, pods, policy: "tessera", seed: 3, tune: 1.3, migFleet: false });
    expect(a.curve).toEqual(b.curve);
    expect(a.podsOffered).toBe(a.podsPlaced + a.podsFailed);
    // Pods of 6-50% of this small fleet: percents no event rounds to (nor its neighbours') have no point.
    expect(a.curve.length).toBeGreaterThan(3);
    expect(a.curve.length).toBeLessThan(100);
    a.curve.forEach((p, i) => {
      if (i > 0) expect(p.arrivedPercent).toBeGreaterThan(a.curve[i - 1]!.arrivedPercent);
    });
    // A point holds events that arrived up to half a percent above it, or above its right neighbour when it
    // has none of its own: nothing more can be allocated than arrived.
    for (const p of a.curve) expect(p.allocationPercent).toBeLessThanOrEqual(p.arrivedPercent + 1.5 + 1e-9);
    expect(a.allocationRatioAt100).toBe(curvePointAt(a.curve, 100)!.allocationPercent);
    expect(a.allocationRatioFinal).toBeGreaterThanOrEqual(a.allocationRatioAt100);
    expect(a.allocationRatioFinal).toBeLessThanOrEqual(100);
    // No departures in this method: allocation only grows.
    a.curve.forEach((p, i) => {
      if (i > 0) expect(p.allocationPercent).toBeGreaterThanOrEqual(a.curve[i - 1]!.allocationPercent);
    });
  });

  it("samples the curve as the FGD authors' merge script: the mean of the events rounding to each percent", () => {
    const b = new CurveBuckets();
    for (const [arrived, alloc] of [
      [0.4, 0.404],
      [0.6, 0.5],
      [1.2, 1.1],
      [1.5, 1.3],
      [2.5, 2.4],
      [4.1, 3.9],
    ] as const)
      b.add(arrived, alloc, alloc * 2, alloc * 3);
    const curve = b.curve();
    // 0.5 -> 0 and 2.5 -> 2 (halves to even), 1.5 -> 2; nothing rounds to 3, whose window holds 2's and 4's.
    expect(curve.map((p) => p.arrivedPercent)).toEqual([0, 1, 2, 3, 4]);
    // Allocation is rounded to two decimals per event (0.404 -> 0.40), then the mean to two decimals.
    expect(curve[0]!.allocationPercent).toBe(0.4);
    expect(curve[1]!.allocationPercent).toBe(0.8);
    expect(curve[1]!.fragRatePercent).toBeCloseTo(1.6);
    expect(curve[1]!.fragTotalPercent).toBeCloseTo(2.4);
    expect(curve[2]!.allocationPercent).toBe(1.85);
    expect(curve[3]!.allocationPercent).toBe(roundHalfEven((1.3 + 2.4 + 3.9) / 3, 2));
    expect(curve[4]!.allocationPercent).toBe(3.9);
  });

  it("leaves a percent empty when neither it nor its neighbours have an event", () => {
    const b = new CurveBuckets();
    b.add(0.2, 0, 0, 0);
    b.add(5, 4, 8, 12);
    const curve = b.curve();
    expect(curve.map((p) => p.arrivedPercent)).toEqual([0, 1, 4, 5]);
    expect(curvePointAt(curve, 3)!.arrivedPercent).toBe(1);
  });

  it("rounds halves to even like Python's round", () => {
    expect([0.5, 1.5, 2.5, 3.5, 2.4999, 7].map((x) => roundHalfEven(x))).toEqual([0, 2, 2, 4, 2, 7]);
    // 95.125 is exact in binary (a true half); 2.675 is stored as 2.67499999...
    expect(roundHalfEven(95.125, 2)).toBe(95.12);
    expect(roundHalfEven(95.375, 2)).toBe(95.38);
    expect(roundHalfEven(2.675, 2)).toBe(2.67);
    expect(roundHalfEven(95.1251, 2)).toBe(95.13);
  });

  it("draws the engine's node order from a seed of its own, not the pod shuffle's stream", () => {
    expect(engineSeed(42)).not.toBe(42);
    expect(engineSeed(42)).toBe(engineSeed(42));
    expect(new Set([1, 2, 3, 42, 43, 7919].map(engineSeed)).size).toBe(6);
    expect(new SeededRandom(engineSeed(42)).next()).not.toBe(new SeededRandom(42).next());
  });

  it("measures MIG packing on the same workload with --mig-fleet", () => {
    const r = replayFgd({ nodes, pods, policy: "best-fit", seed: 3, tune: 1.3, migFleet: true });
    expect(r.migFleet).toBe(true);
    expect(r.podsPlaced).toBeGreaterThan(0);
    expect(r.allocationRatioFinal).toBeLessThanOrEqual(100);
  });

  it("keeps a static mig-parted layout with --mig-layout: no repartition, no whole GPU", () => {
    const r = replayFgd({
      nodes,
      pods,
      policy: "fgd",
      seed: 3,
      tune: 1.3,
      migFleet: true,
      migLayout: "all-1g.10gb",
    });
    expect(r.migLayout).toBe("all-1g.10gb");
    expect(r.repartitions).toBe(0);
    expect(r.podsPlaced).toBeGreaterThan(0);
    // Every share here is above one seventh (250-500 thousandths): only 1g.10gb instances exist, so only CPU-only
    // pods are placed.
    expect(r.allocationRatioFinal).toBe(0);
    expect(() =>
      replayFgd({
        nodes,
        pods,
        policy: "fgd",
        seed: 3,
        tune: 1.3,
        migFleet: false,
        migLayout: "all-balanced",
      }),
    ).toThrow(/needs the MIG fleet/);
  });

  it("counts the GPUs taken out of MIG mode or re-carved as repartitions", () => {
    // One 4-GPU node, 2-GPU pods cloned to 1.3 x capacity (three): two fit, each takes two GPUs out of MIG mode.
    const r = replayFgd({
      nodes: [nodes[0]!],
      pods: [pods[2]!],
      policy: "fgd",
      seed: 1,
      tune: 1.3,
      migFleet: true,
    });
    expect(r.podsPlaced).toBe(2);
    expect(r.repartitions).toBe(4);
    const plain = replayFgd({
      nodes: [nodes[0]!],
      pods: [pods[2]!],
      policy: "fgd",
      seed: 1,
      tune: 1.3,
      migFleet: false,
    });
    expect(plain.repartitions).toBe(0);
  });
});

describe("timeline replay", () => {
  it("queues what does not fit and reports delays and idle GPU-hours", () => {
    const nodes = readTraceNodes(nodesCsv);
    const pods = readTracePods(podsCsv);
    const r = replayTimeline({ nodes, pods, policy: "tessera", seed: 1, migFleet: false, podsFile: podsCsv });
    expect(r.podsPlaced + r.podsFailed).toBe(pods.length);
    expect(r.queueingDelaySeconds.max).toBeGreaterThanOrEqual(r.queueingDelaySeconds.p50);
    expect(r.gpuHoursUnallocated).toBeGreaterThan(0);
    expect(r.allocationRatioAt100).toBeNull();
  });

  it("needs creation and deletion times", () => {
    const nodes = readTraceNodes(nodesCsv);
    const path = file("no-times.csv", "name,cpu_milli,memory_mib,num_gpu,gpu_milli\np,1,1,1,100");
    expect(() =>
      replayTimeline({
        nodes,
        pods: readTracePods(path),
        policy: "tessera",
        seed: 1,
        migFleet: false,
        podsFile: path,
      }),
    ).toThrow(/no-times\.csv:2: creation_time or deletion_time is empty or missing/);
  });

  it("waits for capacity released by departures", () => {
    const nodes = readTraceNodes(file("one.csv", "sn,cpu_milli,memory_mib,gpu,model\nn0,8000,8192,1,T4"));
    const path = file(
      "queue.csv",
      [podHeader, "a,1000,1024,1,1000,,LS,Running,0,100,0", "b,1000,1024,1,1000,,LS,Running,10,500,10"].join(
        "\n",
      ),
    );
    const r = replayTimeline({
      nodes,
      pods: readTracePods(path),
      policy: "best-fit",
      seed: 1,
      migFleet: false,
      podsFile: path,
    });
    expect(r.podsQueued).toBe(1);
    expect(r.queueingDelaySeconds.max).toBe(90);
    expect(r.podsFailed).toBe(0);
  });
});

describe("tessera simulate", () => {
  it("writes the JSON keys the issue names and an SVG plot", async () => {
    const json = join(dir, "out.json");
    const plot = join(dir, "out.svg");
    const out = process.stdout.write;
    const err = process.stderr.write;
    process.stdout.write = () => true;
    process.stderr.write = () => true;
    try {
      await runSimulate({
        nodes: nodesCsv,
        pods: podsCsv,
        method: "fgd",
        policy: "fgd",
        seed: "42",
        tune: "1.3",
        json,
        plot,
      });
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
    }
    const result = JSON.parse(readFileSync(json, "utf8"));
    for (const key of [
      "allocationRatioAt100",
      "allocationRatioFinal",
      "podsOffered",
      "podsFailed",
      "wallSeconds",
      "curve",
      "upperBoundAt100",
    ]) {
      expect(result).toHaveProperty(key);
    }
    expect(result.upperBoundAt100).toBeGreaterThanOrEqual(result.allocationRatioAt100 - 0.005);
    expect(result.upperBoundAt100).toBeLessThanOrEqual(100.5);
    expect(readFileSync(plot, "utf8")).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it("rejects unknown policies, methods and bad numbers", async () => {
    const base = { nodes: nodesCsv, pods: podsCsv, method: "fgd", policy: "tessera", seed: "1", tune: "1.3" };
    await expect(runSimulate({ ...base, policy: "magic" })).rejects.toThrow(
      /unknown --policy "magic"; use one of random/,
    );
    await expect(runSimulate({ ...base, method: "replay" })).rejects.toThrow(
      /unknown --method "replay"; use fgd or timeline/,
    );
    await expect(runSimulate({ ...base, seed: "x" })).rejects.toThrow(/--seed must be an integer/);
    await expect(runSimulate({ ...base, tune: "-1" })).rejects.toThrow(/--tune must be a number > 0/);
    await expect(runSimulate({ ...base, migFleet: true, migLayout: "all-2g" })).rejects.toThrow(
      /unknown --mig-layout "all-2g"; use one of all-balanced, all-1g.10gb/,
    );
  });
});

describe("SVG line chart", () => {
  it("escapes text and draws one path per series", () => {
    const svg = renderLineChart({
      title: "a < b & c",
      xLabel: "x",
      yLabel: "y",
      series: [
        {
          name: "one",
          points: [
            [0, 0],
            [1, 1],
          ],
        },
        {
          name: "two",
          points: [
            [0, 1],
            [1, 0],
          ],
        },
      ],
    });
    expect(svg).toContain("a &lt; b &amp; c");
    expect(svg.match(/<path /g)).toHaveLength(2);
  });
});
