import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Job__Output } from "../proto/generated/tessera/v1/Job.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { gangMasterPort } from "../scheduler/service/GangEnvironment.ts";
import { eventually } from "./support/Eventually.ts";
import { runTessera, type TesseraProcess } from "./support/TesseraProcesses.ts";

// `tessera up` with two H100 nodes and one L4 node (simulated agents on the stand-in NVML), driven by the CLI.
const dir = mkdtempSync(join(tmpdir(), "tessera-gang-"));
let up: TesseraProcess | undefined;
let client: SchedulerClient;
let grpcAddress = "";
let httpUrl = "";

beforeAll(async () => {
  up = runTessera("tessera up", [
    "up",
    "--data-dir",
    dir,
    "--listen",
    "127.0.0.1:0",
    "--http",
    "127.0.0.1:0",
    "--fleet",
    "h100:2,l4:1",
  ]);
  grpcAddress = (await up.waitFor(/gRPC API:\s+(127\.0\.0\.1:\d+)/, 60_000))[1]!;
  httpUrl = (await up.waitFor(/HTTP API:\s+(http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  client = new SchedulerClient(grpcAddress);
  await eventually(
    "3 Ready nodes",
    async () => (await client.nodes()).filter((n) => n.state === "Ready").length === 3 || undefined,
    60_000,
  );
}, 120_000);

afterAll(async () => {
  client?.close();
  await up?.kill("SIGINT");
  rmSync(dir, { recursive: true, force: true });
});

/** Runs one `tessera` command against the scheduler; returns its exit code and output. */
async function tessera(...args: string[]): Promise<{ code: number | null; out: string }> {
  const p = runTessera(`tessera ${args[0]}`, args, { TESSERA_SCHEDULER: grpcAddress });
  const [code] = (await once(p.child, "close")) as [number | null];
  return { code, out: p.output };
}

async function submit(...args: string[]): Promise<string> {
  const { code, out } = await tessera("submit", ...args);
  expect(code, out).toBe(0);
  return out.trim();
}

async function until(id: string, what: string, done: (job: Job__Output) => boolean): Promise<Job__Output> {
  let last: Job__Output | undefined;
  try {
    return await eventually(
      `${id} ${what}`,
      async () => {
        last = await client.get(id);
        return done(last) ? last : undefined;
      },
      60_000,
    );
  } catch (err) {
    throw new Error(`${(err as Error).message}; last seen: ${JSON.stringify(last)}`);
  }
}

const envLine =
  'echo "RANK=$RANK WORLD_SIZE=$WORLD_SIZE LOCAL_RANK=$LOCAL_RANK LOCAL_WORLD_SIZE=$LOCAL_WORLD_SIZE ' +
  'MASTER_ADDR=$MASTER_ADDR MASTER_PORT=$MASTER_PORT TESSERA_GANG_RANK=$TESSERA_GANG_RANK TESSERA_GANG_SIZE=$TESSERA_GANG_SIZE"';

describe("gangs for distributed training (tessera up, real agents)", () => {
  it("gives each member its rank and rendezvous, on one GPU model; logs by rank; tessera job lists the members", async () => {
    // No --model: the L4 node must not be mixed in with an H100.
    const id = await submit("--name", "ddp", "--nodes", "2", "--gpus", "1", "--", "sh", "-c", envLine);
    const job = await until(id, "Succeeded", (j) => j.state === "Succeeded");
    expect(new Set(job.allocations.map((a) => a.gpuModel))).toEqual(new Set(["H100-SXM5-80GB"]));
    const nodes = [...new Set(job.allocations.map((a) => a.node))];
    expect([...nodes].sort()).toEqual(["h100-0", "h100-1"]);
    const port = gangMasterPort(id, 1);
    const expected = (rank: number) =>
      `RANK=${rank} WORLD_SIZE=2 LOCAL_RANK=0 LOCAL_WORLD_SIZE=1 MASTER_ADDR=127.0.0.1 MASTER_PORT=${port} ` +
      `TESSERA_GANG_RANK=${rank} TESSERA_GANG_SIZE=2`;

    // Every member, each line prefixed with its rank.
    const all = await tessera("logs", id);
    expect(all.code, all.out).toBe(0);
    expect(all.out.split("\n").filter(Boolean).sort()).toEqual([
      `[rank 0] ${expected(0)}`,
      `[rank 1] ${expected(1)}`,
    ]);
    // One member, as it wrote it.
    const one = await tessera("logs", id, "--rank", "1");
    expect(one.out).toBe(`${expected(1)}\n`);
    const missing = await tessera("logs", id, "--rank", "2");
    expect(missing.code).not.toBe(0);
    expect(missing.out).toContain(`job ${id} is a gang of 2: its ranks are 0..1`);
    // The same over HTTP.
    const http = await fetch(`${httpUrl}/v1/jobs/${id}/logs?rank=0`);
    expect(await http.text()).toBe(`${expected(0)}\n`);

    // Every member with rank, node, GPUs, state and log.
    const detail = await tessera("job", id);
    expect(detail.code, detail.out).toBe(0);
    for (const [rank, node] of nodes.entries()) {
      expect(detail.out).toMatch(
        new RegExp(
          `\\n  ${rank} +${node} +gpu\\d H100-SXM5-80GB whole +Succeeded +${node}:\\S+\\.log +exited with code 0`,
        ),
      );
    }
    const record = (await (await fetch(`${httpUrl}/v1/jobs/${id}`)).json()) as {
      members: { rank: number; node: string; state: string; logPath: string }[];
      transitions: { to: string }[];
    };
    expect(record.members.map((m) => [m.rank, m.node, m.state])).toEqual([
      [0, nodes[0], "Succeeded"],
      [1, nodes[1], "Succeeded"],
    ]);
    expect(record.transitions.map((t) => t.to)).toEqual(["Pending", "Scheduled", "Running", "Succeeded"]);
  }, 120_000);

  it("follows every member's output until the gang ends, or one member's with --rank", async () => {
    const id = await submit(
      "--name",
      "ddp-follow",
      "--nodes",
      "2",
      "--gpus",
      "1",
      "--",
      "sh",
      "-c",
      'echo "first of $RANK"; sleep 2; echo "second of $RANK"',
    );
    const [all, one] = await Promise.all([
      tessera("logs", "-f", id),
      tessera("logs", "-f", id, "--rank", "1"),
    ]);
    expect(all.code, all.out).toBe(0);
    const lines = all.out.split("\n").filter(Boolean);
    expect([...lines].sort()).toEqual([
      "[rank 0] first of 0",
      "[rank 0] second of 0",
      "[rank 1] first of 1",
      "[rank 1] second of 1",
    ]);
    // Each member's lines in the order it wrote them.
    for (const rank of [0, 1])
      expect(lines.filter((l) => l.startsWith(`[rank ${rank}]`))).toEqual([
        `[rank ${rank}] first of ${rank}`,
        `[rank ${rank}] second of ${rank}`,
      ]);
    expect(one.out).toBe("first of 1\nsecond of 1\n");
    expect((await client.get(id)).state).toBe("Succeeded");
  }, 120_000);

  it("says which member failed a gang, and that the others were stopped with it", async () => {
    const id = await submit(
      "--name",
      "ddp-fail",
      "--nodes",
      "2",
      "--gpus",
      "1",
      "--",
      "sh",
      "-c",
      'if [ "$RANK" = 1 ]; then echo boom; exit 3; fi; sleep 60',
    );
    const job = await until(
      id,
      "failed with its rank 0 stopped",
      // Until its agent reports rank 0's end, the view says only that the gang ended while it ran.
      (j) => j.state === "Failed" && j.members.length === 2 && j.members.every((m) => m.finishedUnixMs > 0),
    );
    const node1 = job.members[1]!.node;
    expect(job.members.map((m) => [m.rank, m.state, m.detail])).toEqual([
      [0, "Stopped", "killed by SIGTERM"],
      [1, "Failed", "exited with code 3"],
    ]);
    const detail = await tessera("job", id);
    expect(detail.out).toContain(`Failed:    rank 1 on ${node1}: exited with code 3`);
    expect((await tessera("logs", id)).out).toContain("[rank 1] boom\n");
  }, 120_000);

  it("keeps a gang on one GPU model unless it allows mixed models", async () => {
    // Three nodes of one model do not exist (two H100 nodes, one L4 node): refused, saying how to allow it.
    const single = await tessera("submit", "--name", "three", "--nodes", "3", "--gpus", "1", "--", "true");
    expect(single.code).not.toBe(0);
    expect(single.out).toMatch(/not the GPU model of its gang .*--mixed-models/s);
    const mixed = await submit(
      "--name",
      "mixed",
      "--nodes",
      "3",
      "--gpus",
      "1",
      "--mixed-models",
      "--",
      "true",
    );
    const done = await until(mixed, "Succeeded", (j) => j.state === "Succeeded");
    expect(new Set(done.allocations.map((a) => a.gpuModel))).toEqual(new Set(["H100-SXM5-80GB", "L4-24GB"]));
    expect((await tessera("job", mixed)).out).toContain("gang 3x1 GPUs, mixed models");
  }, 120_000);
});
