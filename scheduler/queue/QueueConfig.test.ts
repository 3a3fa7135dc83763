import { describe, expect, it } from "vitest";
import { openQueueConfig, parseQueueConfig } from "./QueueConfig.ts";
import { QueueConfigError } from "./QueueConfigError.ts";

function problemsOf(text: string): { line: number; message: string }[] {
  try {
    parseQueueConfig(text, "q.yaml");
  } catch (error) {
    if (error instanceof QueueConfigError)
      return error.problems.map((p) => ({ line: p.line, message: p.message }));
    throw error;
  }
  throw new Error("config was accepted");
}

describe("parseQueueConfig", () => {
  it("reads the example of the issue", () => {
    const config = parseQueueConfig(
      [
        "queues:",
        "  - name: team-a",
        "    weight: 1",
        "    cohort: shared",
        "    quota: {gpus: 4}          # guaranteed GPU-equivalents",
        "    borrowingLimit: {gpus: 4}",
        "priorityClasses:",
        "  - {name: high, value: 1000, preemptionGraceSeconds: 30}",
      ].join("\n"),
    );
    expect(config.queues).toEqual([
      { name: "team-a", weight: 1, cohort: "shared", quota: { gpus: 4 }, borrowingLimit: { gpus: 4 } },
    ]);
    expect(config.priorityClasses).toEqual([{ name: "high", value: 1000, preemptionGraceSeconds: 30 }]);
    expect(config.starvationSeconds).toBe(3600);
  });

  it("reads per-model, per-profile, CPU and memory amounts with units", () => {
    const config = parseQueueConfig(
      [
        "queues:",
        "  - name: infer",
        "    quota: {H100-SXM5-80GB: 8, 3g.40gb: 14, cpu: 500m, memory: 64Gi}",
        "  - name: batch",
        "    quota: {cpu: 32, memory: 4096}",
        "defaultPriorityClass: low",
        "starvationSeconds: 600",
        "priorityClasses:",
        "  - {name: low, value: 0}",
      ].join("\n"),
    );
    expect(config.queues[0]?.quota).toEqual({ "H100-SXM5-80GB": 8, "3g.40gb": 14, cpu: 0.5, memory: 65536 });
    expect(config.queues[0]?.weight).toBe(1);
    expect(config.queues[0]?.cohort).toBeUndefined();
    expect(config.queues[0]?.borrowingLimit).toBeUndefined();
    expect(config.queues[1]?.quota).toEqual({ cpu: 32, memory: 4096 });
    expect(config.priorityClasses[0]?.preemptionGraceSeconds).toBe(30);
    expect(config.defaultPriorityClass).toBe("low");
    expect(config.starvationSeconds).toBe(600);
  });

  it("refuses the whole file and reports every problem with its line", () => {
    const problems = problemsOf(
      [
        "queues:", // 1
        "  - name: team-a", // 2
        "    weight: -1", // 3
        "    quota: {gpus: 4, tpus: 2}", // 4
        "  - name: team-a", // 5
        "    borrowingLimit: {gpus: 2}", // 6
        "    colour: red", // 7
        "priorityClasses:", // 8
        "  - {name: high, value: 1.5}", // 9
        "  - {name: Low, value: 1, preemptionGraceSeconds: -3}", // 10
      ].join("\n"),
    );
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 9, 10, 10]);
    expect(problems[0]?.message).toContain("weight must be > 0");
    expect(problems[1]?.message).toContain('unknown resource "tpus"');
    expect(problems[2]?.message).toContain('queue "team-a" is defined twice');
    expect(problems[3]?.message).toContain("needs a cohort");
    expect(problems[4]?.message).toContain('unknown key "colour"');
    expect(problems[5]?.message).toContain("value must be an integer");
  });

  it("reports YAML syntax errors and structural mistakes with lines", () => {
    expect(problemsOf("queues:\n  - name: a\n   weight: [1\n")[0]?.line).toBeGreaterThanOrEqual(2);
    expect(problemsOf("priorityClasses: []\n")[0]?.message).toContain("missing `queues:`");
    expect(problemsOf("queues: {name: a}\n")[0]).toEqual({
      line: 1,
      message: expect.stringContaining("must be a list"),
    });
    expect(
      problemsOf("queues:\n  - name: a\n    quota: {memory: 12 GB, cpu: lots}\n").map((p) => p.message),
    ).toEqual([expect.stringContaining("memory is MiB"), expect.stringContaining("CPU is cores")]);
    expect(problemsOf("queues:\n  - name: a\n    quota: {H100-SXM5-80GB: 1.5}\n")[0]?.message).toContain(
      "integer",
    );
    expect(problemsOf("queues:\n  - name: a\ndefaultPriorityClass: gold\n")[0]).toEqual({
      line: 3,
      message: expect.stringContaining('"gold" is not one of priorityClasses'),
    });
  });

  it("formats the error for a person: file, line, column and reason", () => {
    expect(() => parseQueueConfig("queues:\n  - name: a\n    weight: x\n", "cfg/q.yaml")).toThrow(
      /cfg\/q\.yaml:3:13: weight must be a number/,
    );
  });

  it("has an open default config with one unlimited queue", () => {
    expect(openQueueConfig.queues.map((q) => q.name)).toEqual(["default"]);
    expect(openQueueConfig.queues[0]?.quota).toEqual({});
    expect(openQueueConfig.openQueues).toBe(true);
  });
});
