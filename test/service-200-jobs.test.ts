import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobSpec } from "../proto/generated/tessera/v1/JobSpec.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import type { SimulatedNode } from "../scheduler/cli/SimulatedFleet.ts";
import { doubleBookings } from "./support/DoubleBookingCheck.ts";
import { eventually } from "./support/Eventually.ts";
import {
  type AgentProcess,
  runTessera,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

const fleet: SimulatedNode[] = [
  { name: "h100-0", models: Array(4).fill("H100-SXM5-80GB"), mig: true, nvlink: true },
  { name: "a100-0", models: Array(4).fill("A100-SXM4-40GB"), nvlink: true },
  { name: "l4-0", models: Array(4).fill("L4-24GB") },
];

// Prints what the job saw, so the test can compare it with the allocation the scheduler recorded.
const probe =
  'echo "$TESSERA_JOB_ID|$CUDA_VISIBLE_DEVICES|$NVIDIA_VISIBLE_DEVICES|$CUDA_MPS_ACTIVE_THREAD_PERCENTAGE|$CUDA_MPS_PINNED_DEVICE_MEM_LIMIT"';

function mixedJob(i: number): JobSpec {
  const command = ["bash", "-c", probe];
  const shapes: JobSpec["request"][] = [
    { mig: { profile: "1g.10gb" }, models: ["H100-SXM5-80GB"] },
    { mig: { profile: "2g.20gb" } },
    { mig: { profile: "3g.40gb" } },
    { mig: { profile: "1g.5gb" } },
    { slice: { memoryMib: 9000, computeSevenths: 1 } },
    { share: { gpuMilli: 250, memoryMib: 4096 } },
    { share: { gpuMilli: 500, memoryMib: 8192 } },
    { whole: { gpus: 1 } },
    { whole: { gpus: 2 }, models: ["A100-SXM4-40GB"] },
    // One node per model here: the gang may span models.
    { gang: { nodes: 2, gpusPerNode: 1, mixedModels: true } },
  ];
  return { name: `mixed-${i}`, request: shapes[i % shapes.length], command };
}

describe("scheduler + 3 agents on the stand-in NVML, as processes", () => {
  let dir: string;
  let scheduler: SchedulerProcess;
  let agents: AgentProcess[] = [];
  let client: SchedulerClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tessera-200-"));
    scheduler = await startSchedulerProcess(dir);
    agents = fleet.map((node) => startAgentProcess(dir, node, scheduler.address));
    client = new SchedulerClient(scheduler.address);
    await eventually(
      "3 Ready nodes",
      async () => (await client.nodes()).filter((n) => n.state === "Ready").length === 3 || undefined,
      30_000,
    );
  });

  afterAll(async () => {
    client?.close();
    await Promise.all(agents.map((a) => a.process.kill()));
    await scheduler?.process.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs 200 mixed jobs to a final state with the right devices and no slice double-booked", async () => {
    const ids = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => (await client.submit(mixedJob(i), `mixed-${i}`)).job!.id),
    );
    let jobs = await client.list();
    const end = Date.now() + 90_000;
    while (jobs.some((j) => !["Succeeded", "Failed", "Cancelled", "Lost"].includes(j.state))) {
      if (Date.now() > end) {
        const stuck = jobs.filter((j) => j.state !== "Succeeded").slice(0, 5);
        throw new Error(
          `jobs not finished: ${JSON.stringify(stuck.map((j) => [j.id, j.state, j.reason]))}\n${agents.map((a) => a.process.output).join("\n")}`,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
      jobs = await client.list();
      if (process.env.TESSERA_TEST_PROGRESS) {
        const counts: Record<string, number> = {};
        for (const j of jobs) counts[j.state] = (counts[j.state] ?? 0) + 1;
        console.log(JSON.stringify(counts));
      }
    }
    expect(jobs.map((j) => j.id).sort()).toEqual([...ids].sort());
    const failed = jobs.filter((j) => j.state !== "Succeeded");
    expect(failed.map((j) => [j.spec?.name, j.state, j.reason])).toEqual([]);
    expect(doubleBookings(jobs)).toEqual([]);
    for (const j of jobs) {
      const expected = j.allocations.map((a) => (a.kind === "mig" ? a.migUuid : a.gpuUuid));
      const perNode = new Map<string, string[]>();
      for (const a of j.allocations)
        perNode.set(a.node, [...(perNode.get(a.node) ?? []), a.kind === "mig" ? a.migUuid : a.gpuUuid]);
      // A gang runs one process per node; the scheduler records the one it heard about last.
      const devices = j.spec?.request?.gang ? (perNode.get(j.logNode) ?? []) : expected;
      expect(devices.every((d) => d.length > 0)).toBe(true);
      const line = readFileSync(j.logPath, "utf8").trim();
      const [id, cuda, nvidia, mpsPercent, mpsMem] = line.split("|");
      expect({ id, cuda, nvidia }).toEqual({ id: j.id, cuda: devices.join(","), nvidia: devices.join(",") });
      const share = j.allocations[0]?.kind === "share" ? j.allocations[0] : undefined;
      expect(mpsPercent).toBe(share ? String(share.shareMilli / 10) : "");
      expect(mpsMem).toBe(share ? `0=${share.shareMemoryMib}M` : "");
    }
  }, 120_000);

  it("works through the CLI: submit prints the id, jobs --json lists it, logs shows its output, cancel stops one", async () => {
    const env = { TESSERA_SCHEDULER: scheduler.address };
    const cli = async (...args: string[]) => {
      const p = runTessera(`tessera ${args[0]}`, args, env);
      await new Promise((r) => p.child.once("exit", r));
      return { out: p.output, code: p.child.exitCode };
    };
    const submitted = await cli(
      "submit",
      "--name",
      "cli-hello",
      "--mig",
      "1g.10gb",
      "--",
      "sh",
      "-c",
      "echo hello from $CUDA_VISIBLE_DEVICES",
    );
    expect(submitted.code).toBe(0);
    const id = submitted.out.trim();
    expect(id).toMatch(/^j-/);
    await eventually(
      "cli job done",
      async () => (await client.get(id)).state === "Succeeded" || undefined,
      30_000,
    );
    const listed = JSON.parse((await cli("jobs", "--json")).out) as Array<Record<string, unknown>>;
    const mine = listed.find((j) => j.id === id)!;
    expect(mine).toMatchObject({ name: "cli-hello", state: "Succeeded" });
    const allocations = mine.allocations as Array<{ migProfile: string; migUuid: string }>;
    expect(allocations[0]?.migProfile).toBe("1g.10gb");
    expect((await cli("logs", id)).out).toBe(`hello from ${allocations[0]?.migUuid}\n`);
    const long = (
      await cli(
        "submit",
        "--name",
        "cli-long",
        "--share",
        "0.25",
        "--gpu-memory",
        "2GiB",
        "--",
        "sleep",
        "30",
      )
    ).out.trim();
    await eventually(
      "long running",
      async () => (await client.get(long)).state === "Running" || undefined,
      30_000,
    );
    expect((await cli("cancel", long)).code).toBe(0);
    await eventually(
      "long cancelled",
      async () => (await client.get(long)).state === "Cancelled" || undefined,
      30_000,
    );
  }, 90_000);
});
