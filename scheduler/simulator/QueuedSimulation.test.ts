import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runQueuedSimulation } from "./QueuedSimulation.ts";
import { TraceInputError } from "./TraceReader.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  vi.restoreAllMocks();
});

function files(queues: string) {
  const dir = mkdtempSync(join(tmpdir(), "tessera-qsim-"));
  dirs.push(dir);
  const nodes = join(dir, "nodes.csv");
  const pods = join(dir, "pods.csv");
  const config = join(dir, "queues.yaml");
  writeFileSync(nodes, "sn,cpu_milli,memory_mib,gpu,model\nn0,64000,262144,2,T4\n");
  // A 2-GPU best-effort pod holds the node; a latency-sensitive pod of the other queue arrives and waits or preempts.
  writeFileSync(
    pods,
    [
      "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time",
      "p0,1000,1024,2,1000,,BE,Running,0,1000,0",
      "p1,1000,1024,1,1000,,LS,Running,100,400,100",
      "p2,1000,1024,1,1000,,LS,Running,110,300,110",
    ].join("\n"),
  );
  writeFileSync(config, queues);
  return { nodes, pods, queues: config, dir };
}

describe("tessera simulate --method timeline --queues", () => {
  it("replays the trace through the queues and through FIFO, per queue", () => {
    vi.spyOn(process.stdout, "write").mockReturnValue(true);
    vi.spyOn(process.stderr, "write").mockReturnValue(true);
    const f = files(`
queues:
  - {name: a, cohort: c, quota: {gpus: 1}}
  - {name: b, cohort: c, quota: {gpus: 1}}
priorityClasses:
  - {name: latency-sensitive, value: 1000, preemptionGraceSeconds: 10}
  - {name: best-effort, value: 0, preemptionGraceSeconds: 10}
`);
    const result = runQueuedSimulation({
      ...f,
      method: "timeline",
      policy: "best-fit",
      seed: "1",
      json: join(f.dir, "out.json"),
    });
    expect(result.queue.perQueue.reduce((s, q) => s + q.pods, 0)).toBe(3);
    // FIFO makes the latency-sensitive pods wait for the 2-GPU pod; the queue reclaims lent quota instead.
    expect(result.fifo.preemptions).toBe(0);
    expect(Math.max(...result.fifo.perQueue.map((q) => q.delayP99Seconds))).toBeGreaterThanOrEqual(600);
    expect(result.queue.preemptions).toBeGreaterThanOrEqual(1);
    expect(Math.max(...result.queue.perQueue.map((q) => q.delayP99Seconds))).toBeLessThanOrEqual(20);
  });

  it("refuses a bad queue file or a method other than timeline as simulator input errors", () => {
    const f = files("queues:\n  - {name: a, weight: 0}\n");
    expect(() => runQueuedSimulation({ ...f, method: "timeline", policy: "best-fit", seed: "1" })).toThrow(
      /queues\.yaml:2:23: weight must be > 0/,
    );
    expect(() => runQueuedSimulation({ ...f, method: "fgd", policy: "best-fit", seed: "1" })).toThrow(
      TraceInputError,
    );
  });
});
