import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sampleFleet } from "../http/SampleFleet.ts";
import { readTracePods } from "../simulator/TraceReader.ts";
import {
  applyChanges,
  fleetTraceNodes,
  parseFleetChanges,
  planCapacity,
  resolveModel,
} from "./CapacityPlan.ts";
import { capacityPlanPlot, capacityPlanTable } from "./CapacityPlanReport.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-plan-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Six one-GPU pods arriving together, each running 100 s. */
function tracePods(): string {
  const file = join(dir, "pods.csv");
  const header =
    "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time";
  const rows = Array.from({ length: 6 }, (_, i) => `pod-${i},1000,1024,1,1000,V100M16,LS,Running,0,100,0`);
  writeFileSync(file, `${[header, ...rows].join("\n")}\n`);
  return file;
}

describe("capacity plan", () => {
  const fleet = sampleFleet().nodes;
  const models = ["H100-SXM5-80GB", "A100-80GB"];

  it("resolves short model names, preferring the fleet's own models", () => {
    expect(resolveModel("H100", models)).toBe("H100-SXM5-80GB");
    expect(resolveModel("h200", models)).toBe("H200-141GB");
    expect(resolveModel("a100-80gb", models)).toBe("A100-80GB");
    expect(() => resolveModel("A100", [])).toThrow(
      'GPU model "A100" is ambiguous (A100-SXM4-40GB, A100-80GB); write the full id',
    );
    expect(() => resolveModel("B200", models)).toThrow(/unknown GPU model "B200"; known models: A30-24GB/);
  });

  it("parses changes and refuses what it cannot apply", () => {
    expect(parseFleetChanges("16xH100+4xL4", "add", models, [])).toEqual([
      { kind: "add", count: 16, model: "H100-SXM5-80GB" },
      { kind: "add", count: 4, model: "L4-24GB" },
    ]);
    expect(parseFleetChanges("a100-a", "remove", models, ["a100-a"])).toEqual([
      { kind: "remove-node", node: "a100-a" },
    ]);
    expect(() => parseFleetChanges("lots of H100", "add", models, [])).toThrow(
      '--add "lots of H100": expected COUNTxMODEL like 16xH100',
    );
    expect(() =>
      applyChanges(fleetTraceNodes(fleet), [{ kind: "remove", count: 5, model: "H100-SXM5-80GB" }]),
    ).toThrow("cannot remove 5xH100-SXM5-80GB: the fleet has 4 of them");
  });

  it("turns today's fleet into simulator nodes and applies additions and removals", () => {
    const base = fleetTraceNodes(fleet);
    expect(base.map((n) => [n.name, n.model, n.gpus])).toEqual([
      ["h100-a", "H100-SXM5-80GB", 4],
      ["a100-a", "A100-80GB", 2],
    ]);
    const changed = applyChanges(base, [
      { kind: "add", count: 10, model: "H100-SXM5-80GB" },
      { kind: "remove", count: 1, model: "A100-80GB" },
      { kind: "remove-node", node: "h100-a" },
    ]);
    expect(changed.map((n) => [n.name, n.model, n.gpus])).toEqual([
      ["a100-a", "A100-80GB", 1],
      ["planned-1-H100-SXM5-80GB", "H100-SXM5-80GB", 8],
      ["planned-2-H100-SXM5-80GB", "H100-SXM5-80GB", 2],
    ]);
  });

  it("answers queueing delay and allocation per option with the engine's replay", () => {
    const file = tracePods();
    // Today: 6 GPUs for 6 pods of 1 GPU; removing 4 H100s leaves 2 GPUs, so pods wait 100 s and 200 s.
    const outcomes = planCapacity({
      fleet,
      pods: readTracePods(file),
      podsFile: file,
      options: [
        { label: "-4xH100", changes: [{ kind: "remove", count: 4, model: "H100-SXM5-80GB" }] },
        { label: "+2xH100", changes: [{ kind: "add", count: 2, model: "H100-SXM5-80GB" }] },
      ],
      policy: "tessera",
      seed: 1,
    });
    expect(outcomes.map((o) => [o.label, o.gpus, o.replay.podsPlaced, o.replay.podsQueued])).toEqual([
      ["today", 6, 6, 0],
      ["-4xH100", 2, 6, 4],
      ["+2xH100", 8, 6, 0],
    ]);
    const removed = outcomes[1]?.replay.queueingDelaySeconds;
    expect(removed?.max).toBe(200);
    expect(removed?.mean).toBeCloseTo((0 + 0 + 100 + 100 + 200 + 200) / 6, 9);
    expect(outcomes[0]?.gpusByModel).toEqual({ "H100-SXM5-80GB": 4, "A100-80GB": 2 });
    const text = capacityPlanTable(outcomes);
    expect(text.split("\n")[0]).toMatch(/^OPTION\s+GPUS\s+PLACED\s+NEVER PLACED\s+WAITED\s+DELAY MEAN/);
    expect(text).toMatch(/-4xH100\s+2\s+6\/6\s+0\s+4\s+100s\s+100s\s+3\.3m\s+3\.3m\s+3\.3m\s+100\.0%/);
    const svg = capacityPlanPlot(outcomes);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("+2xH100 (8 GPUs)");
  });
});
