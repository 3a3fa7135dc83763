import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Job__Output } from "../proto/generated/tessera/v1/Job.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { eventually } from "./support/Eventually.ts";
import {
  type AgentProcess,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-crash-"));
const agents: AgentProcess[] = [];
const schedulers: SchedulerProcess[] = [];
afterAll(async () => {
  await Promise.all(agents.map((a) => a.process.kill()));
  await Promise.all(schedulers.map((s) => s.process.kill()));
  rmSync(dir, { recursive: true, force: true });
});

const pidOf = (job: Job__Output) =>
  /pid (\d+)/.exec(job.transitions.find((t) => t.to === "Running")?.reason ?? "")?.[1];

async function readyNodes(client: SchedulerClient): Promise<number> {
  try {
    return (await client.nodes()).filter((n) => n.state === "Ready").length;
  } catch {
    return 0;
  }
}

describe("kill -9 of the scheduler under load", () => {
  it("keeps every acknowledged job, creates none twice, and adopts running jobs after a restart", async () => {
    const first = await startSchedulerProcess(dir, { lease: "6s", heartbeat: "200ms" });
    schedulers.push(first);
    agents.push(
      startAgentProcess(
        dir,
        { name: "h100-0", models: ["H100-SXM5-80GB", "H100-SXM5-80GB"], mig: true },
        first.address,
      ),
      startAgentProcess(dir, { name: "l4-0", models: ["L4-24GB", "L4-24GB"] }, first.address),
    );
    let client = new SchedulerClient(first.address, undefined, 3000);
    await eventually("2 Ready nodes", async () => (await readyNodes(client)) === 2 || undefined, 30_000);

    // Long jobs that must survive the scheduler's death without being restarted.
    const long = await Promise.all(
      [0, 1, 2].map(
        async (i) =>
          (
            await client.submit(
              { name: `long-${i}`, request: { mig: { profile: "1g.10gb" } }, command: ["sleep", "10"] },
              `long-${i}`,
            )
          ).job!,
      ),
    );
    const runningBefore = await eventually("long jobs running", async () => {
      const jobs = await Promise.all(long.map((j) => client.get(j.id)));
      return jobs.every((j) => j.state === "Running") ? jobs : undefined;
    });

    // Submitters that keep going while the scheduler is killed.
    const acked = new Map<string, string>();
    const attempted = new Set<string>();
    let stop = false;
    let n = 0;
    const submitter = async () => {
      while (!stop) {
        const rid = `load-${n++}`;
        attempted.add(rid);
        try {
          const res = await client.submit(
            { name: rid, request: { share: { gpuMilli: 100, memoryMib: 512 } }, command: ["true"] },
            rid,
          );
          acked.set(rid, res.job!.id);
        } catch {
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, submitter));
    await eventually("some acknowledged submits", () => acked.size >= 40 || undefined, 20_000);
    first.process.child.kill("SIGKILL");
    await eventually("scheduler gone", () => !first.process.running || undefined);
    await new Promise((r) => setTimeout(r, 200));
    stop = true;
    await load;
    client.close();

    const second = await startSchedulerProcess(dir, { port: first.port, lease: "6s", heartbeat: "200ms" });
    schedulers.push(second);
    client = new SchedulerClient(second.address, undefined, 5000);
    // Retries of the submits that were never acknowledged must not create second copies of those that were stored.
    for (const rid of attempted) {
      if (acked.has(rid)) continue;
      const res = await client.submit(
        { name: rid, request: { share: { gpuMilli: 100, memoryMib: 512 } }, command: ["true"] },
        rid,
      );
      acked.set(rid, res.job!.id);
    }
    const retryAcked = await client.submit(
      { name: "load-0", request: { share: { gpuMilli: 100, memoryMib: 512 } }, command: ["true"] },
      "load-0",
    );
    expect(retryAcked.deduplicated).toBe(true);
    expect(retryAcked.job?.id).toBe(acked.get("load-0"));

    const all = await client.list();
    const byRequest = new Map<string, number>();
    for (const j of all) byRequest.set(j.clientRequestId, (byRequest.get(j.clientRequestId) ?? 0) + 1);
    expect([...byRequest.values()].every((c) => c === 1)).toBe(true);
    for (const [rid, id] of acked) expect(all.find((j) => j.clientRequestId === rid)?.id).toBe(id);
    expect(all.length).toBe(attempted.size + long.length);

    // The running jobs are adopted: same attempt, same process, one Running transition, and they finish.
    const finished = await eventually(
      "long jobs finished",
      async () => {
        const jobs = await Promise.all(long.map((j) => client.get(j.id)));
        return jobs.every((j) => j.state === "Succeeded") ? jobs : undefined;
      },
      30_000,
    );
    for (const [i, job] of finished.entries()) {
      expect(job.attempt).toBe(1);
      expect(job.transitions.filter((t) => t.to === "Running")).toHaveLength(1);
      expect(pidOf(job)).toBe(pidOf(runningBefore[i]!));
    }
    await eventually(
      "the load jobs finished",
      async () => {
        const jobs = await client.list({ states: ["Pending", "Scheduled", "Running"] });
        return jobs.length === 0 || undefined;
      },
      30_000,
    );
    client.close();
  }, 90_000);
});
