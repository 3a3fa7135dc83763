import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Job__Output } from "../proto/generated/tessera/v1/Job.ts";
import type { JobSpec } from "../proto/generated/tessera/v1/JobSpec.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { eventually } from "./support/Eventually.ts";
import {
  type AgentProcess,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

// Reproductions 1 and 2 of issue 11 through real processes: a waiting multi-GPU job holds a reservation, which
// must not freeze work on other GPU models or tenants, and must end with the job when it is cancelled.
const dir = mkdtempSync(join(tmpdir(), "tessera-backfill-"));
const agents: AgentProcess[] = [];
let scheduler: SchedulerProcess | undefined;
let client: SchedulerClient | undefined;

afterAll(async () => {
  client?.close();
  await Promise.all(agents.map((a) => a.process.kill()));
  await scheduler?.process.kill();
  rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
});

function job(name: string, request: JobSpec["request"], command: string[], tenant = ""): JobSpec {
  return { name, request, command, ...(tenant ? { tenant } : {}) };
}

async function until(c: SchedulerClient, id: string, states: string[]): Promise<Job__Output> {
  return eventually(
    `job ${id} ${states.join("/")}`,
    async () => {
      const j = await c.get(id);
      return states.includes(j.state) ? j : undefined;
    },
    30_000,
  );
}

describe("a waiting multi-GPU job", () => {
  it("lets other models and tenants run, and its reservation ends when it is cancelled", async () => {
    scheduler = await startSchedulerProcess(dir);
    agents.push(
      startAgentProcess(
        dir,
        { name: "h100-0", models: ["H100-SXM5-80GB", "H100-SXM5-80GB"] },
        scheduler.address,
      ),
      startAgentProcess(dir, { name: "a100-0", models: ["A100-SXM4-40GB"] }, scheduler.address),
      startAgentProcess(dir, { name: "l4-0", models: ["L4-24GB"] }, scheduler.address),
    );
    client = new SchedulerClient(scheduler.address);
    const c = client;
    await eventually(
      "3 Ready nodes",
      async () => (await c.nodes()).filter((n) => n.state === "Ready").length === 3 || undefined,
      45_000,
    );
    const h100 = ["H100-SXM5-80GB"];
    // Running work that declares no end (no --max-runtime), as in every README example.
    const long = (await c.submit(job("long", { whole: { gpus: 1 }, models: h100 }, ["sleep", "60"]), "long"))
      .job!;
    await until(c, long.id, ["Running"]);
    const wait2 = (await c.submit(job("wait2", { whole: { gpus: 2 }, models: h100 }, ["true"]), "wait2"))
      .job!;
    await eventually("wait2 holds the reservation", async () => {
      const j = await c.get(wait2.id);
      return j.state === "Pending" && /capacity is reserved for it/.test(j.reason) ? j : undefined;
    });

    // Reproduction 1: capacity the reserved job can never use is not held.
    const a = (
      await c.submit(job("a", { mig: { profile: "1g.10gb" }, models: ["A100-SXM4-40GB"] }, ["true"]), "a")
    ).job!;
    const l = (await c.submit(job("l", { whole: { gpus: 1 }, models: ["L4-24GB"] }, ["true"], "team-c"), "l"))
      .job!;
    await until(c, a.id, ["Succeeded"]);
    await until(c, l.id, ["Succeeded"]);

    // A job on the reserved model that would delay wait2 waits, and its reason names wait2 and what it waits for.
    const h = (await c.submit(job("h", { whole: { gpus: 1 }, models: h100 }, ["sleep", "60"]), "h")).job!;
    let seen = "";
    const blocked = await eventually("h blocked by the reservation", async () => {
      const j = await c.get(h.id);
      const w = await c.get(wait2.id);
      seen = `h ${j.state}: ${j.reason}\nwait2 ${w.state}: ${w.reason}`;
      return j.state === "Pending" && j.reason.includes(`reserved for job ${wait2.id}`) ? j : undefined;
    }).catch((err: Error) => {
      throw new Error(`${err.message}\n${seen}`);
    });
    expect(blocked.reason).toContain(`it fits once ${long.id} ends`);

    // Reproduction 2: cancelling wait2 ends its reservation at once; h starts without another submit.
    await c.cancel(wait2.id, "not needed");
    const started = await until(c, h.id, ["Running"]);
    expect(started.allocations[0]!.node).toBe("h100-0");
    await c.cancel(long.id, "test over");
    await c.cancel(h.id, "test over");
  }, 120_000);
});
