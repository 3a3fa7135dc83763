import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Job__Output } from "../proto/generated/tessera/v1/Job.ts";
import type { JobSpec } from "../proto/generated/tessera/v1/JobSpec.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { SchedulerCluster } from "../scheduler/cli/SchedulerCluster.ts";
import { doubleBookings } from "./support/DoubleBookingCheck.ts";
import { EtcdCluster } from "./support/EtcdCluster.ts";
import { eventually } from "./support/Eventually.ts";
import { isLeader, startReplica } from "./support/ReplicaProcesses.ts";
import { type AgentProcess, type SchedulerProcess, startAgentProcess } from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-ha-"));
let etcd: EtcdCluster;
const replicas: SchedulerProcess[] = [];
const agents: AgentProcess[] = [];
let cluster: SchedulerCluster;

const pidOf = (job: Job__Output) =>
  /pid (\d+)/.exec(job.transitions.find((t) => t.to === "Running")?.reason ?? "")?.[1];
const share: JobSpec["request"] = { share: { gpuMilli: 100, memoryMib: 512 } };

function leader(): SchedulerProcess {
  const found = replicas.filter(isLeader);
  if (found.length !== 1) throw new Error(`expected one leader, found ${found.length}`);
  return found[0]!;
}

/** Brings a stopped replica back on its port, so clients and agents that know the address reach it again. */
async function restart(replica: SchedulerProcess): Promise<void> {
  const at = replicas.indexOf(replica);
  replicas[at] = await startReplica(dir, `r${at}-again-${Date.now()}`, etcd.storeUrl, { port: replica.port });
}

async function allJobs(): Promise<Job__Output[]> {
  return cluster.withLeader((c) => c.list(), 30_000);
}

/** Submits from 6 loops through the leader-following client until `stop()`; returns the acknowledged jobs. */
function submitLoad(prefix: string) {
  const acked = new Map<string, string>();
  let stopped = false;
  let n = 0;
  const loop = async () => {
    while (!stopped) {
      const rid = `${prefix}-${n++}`;
      try {
        const res = await cluster.withLeader(
          (c) => c.submit({ name: rid, request: share, command: ["sleep", "1"] }, rid),
          30_000,
        );
        acked.set(rid, res.job!.id);
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const loops = Promise.all(Array.from({ length: 6 }, loop));
  return {
    acked,
    async stop() {
      stopped = true;
      await loops;
    },
  };
}

/** Every acknowledged job is stored once, no job started twice, no slice was held by two jobs at once. */
async function expectNothingLostOrDoubled(acked: Map<string, string>): Promise<void> {
  const all = await allJobs();
  const byRequest = new Map<string, Job__Output[]>();
  for (const j of all) byRequest.set(j.clientRequestId, [...(byRequest.get(j.clientRequestId) ?? []), j]);
  for (const [rid, id] of acked) expect(byRequest.get(rid)?.map((j) => j.id)).toEqual([id]);
  for (const j of all) {
    expect(j.attempt, `${j.id} ${j.transitions.map((t) => t.reason).join(" | ")}`).toBeLessThanOrEqual(1);
    expect(j.transitions.filter((t) => t.to === "Running").length).toBeLessThanOrEqual(1);
  }
  expect(doubleBookings(all)).toEqual([]);
}

beforeAll(async () => {
  etcd = await EtcdCluster.start(3);
  replicas.push(await startReplica(dir, "r0", etcd.storeUrl), await startReplica(dir, "r1", etcd.storeUrl));
  await eventually("a leader", () => replicas.some(isLeader) || undefined, 30_000);
  const addresses = replicas.map((r) => r.address).join(",");
  agents.push(
    startAgentProcess(
      dir,
      { name: "h100-0", models: ["H100-SXM5-80GB", "H100-SXM5-80GB"], mig: true },
      addresses,
    ),
    startAgentProcess(dir, { name: "l4-0", models: ["L4-24GB", "L4-24GB"] }, addresses),
  );
  cluster = new SchedulerCluster(
    replicas.map((r) => r.address),
    undefined,
    3000,
  );
  await eventually(
    "2 Ready nodes",
    async () => {
      const nodes = await cluster.withLeader((c) => c.nodes(), 10_000);
      return nodes.filter((n) => n.state === "Ready").length === 2 || undefined;
    },
    30_000,
  );
}, 90_000);

afterAll(async () => {
  cluster?.close();
  await Promise.all(agents.map((a) => a.process.kill()));
  await Promise.all(replicas.map((r) => r.process.kill("SIGKILL")));
  await etcd?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("two scheduler replicas on a 3-member etcd cluster", () => {
  it("a follower names the leader; tessera status's data shows leader, follower and store", async () => {
    const lead = leader();
    const follower = replicas.find((r) => r !== lead)!;
    const direct = new SchedulerClient(follower.address, undefined, 3000);
    const refused = await direct.list().catch((e: grpc.ServiceError) => e);
    direct.close();
    expect((refused as grpc.ServiceError).code).toBe(grpc.status.UNAVAILABLE);
    expect((refused as grpc.ServiceError).details).toContain(`the leader is ${lead.address}`);
    const status = await cluster.status(follower.address);
    expect(status).toMatchObject({ role: "follower", leader: lead.address, followers: [follower.address] });
    expect(status.store).toBe(etcd.storeUrl);
  });

  it("SIGKILL of the leader under submit load: nothing acknowledged lost, nothing run twice, running jobs adopted", async () => {
    const old = leader();
    const long = await cluster.withLeader(
      (c) =>
        c.submit(
          { name: "long", request: { mig: { profile: "1g.10gb" } }, command: ["sleep", "20"] },
          "long-kill",
        ),
      10_000,
    );
    const before = await eventually(
      "long job running",
      async () => {
        const j = await cluster.withLeader((c) => c.get(long.job!.id), 10_000);
        return j.state === "Running" ? j : undefined;
      },
      20_000,
    );
    const load = submitLoad("kill");
    await eventually("acknowledged submits", () => load.acked.size >= 30 || undefined, 30_000);
    old.process.child.kill("SIGKILL");
    await eventually(
      "a new leader",
      () => replicas.some((r) => r !== old && isLeader(r)) || undefined,
      30_000,
    );
    const ackedAtKill = load.acked.size;
    await eventually(
      "submits accepted by the new leader",
      () => load.acked.size >= ackedAtKill + 20 || undefined,
      30_000,
    );
    await load.stop();
    await expectNothingLostOrDoubled(load.acked);
    const adopted = await eventually(
      "the long job finished where it ran",
      async () => {
        const j = await cluster.withLeader((c) => c.get(long.job!.id), 10_000);
        return j.state === "Succeeded" ? j : undefined;
      },
      40_000,
    );
    expect(adopted.attempt).toBe(1);
    expect(pidOf(adopted)).toBe(pidOf(before));
    await restart(old);
  }, 150_000);

  it("SIGSTOP of the leader: a successor leads; the resumed old leader's writes are refused and it steps down", async () => {
    const old = leader();
    const load = submitLoad("stop");
    await eventually("acknowledged submits", () => load.acked.size >= 20 || undefined, 30_000);
    old.process.child.kill("SIGSTOP");
    const successor = await eventually(
      "a new leader",
      () => replicas.find((r) => r !== old && isLeader(r)),
      30_000,
    );
    const ackedAtStop = load.acked.size;
    await eventually(
      "submits accepted by the new leader",
      () => load.acked.size >= ackedAtStop + 20 || undefined,
      30_000,
    );
    await load.stop();
    // The old leader still believes it leads when it wakes; a submit sent straight to it must not be acknowledged.
    const direct = new SchedulerClient(old.address, undefined, 10_000);
    old.process.child.kill("SIGCONT");
    const refused = await direct
      .submit({ name: "to-deposed", request: share, command: ["true"] }, "to-deposed")
      .catch((e: grpc.ServiceError) => e);
    direct.close();
    expect((refused as grpc.ServiceError).code).toBe(grpc.status.UNAVAILABLE);
    await old.process.waitFor(/no longer the leader/, 20_000);
    await eventually("the deposed leader exited", () => !old.process.running || undefined, 20_000);
    expect(old.process.child.exitCode).toBe(3);
    expect(isLeader(successor)).toBe(true);
    const all = await allJobs();
    expect(all.some((j) => j.clientRequestId === "to-deposed")).toBe(false);
    await expectNothingLostOrDoubled(load.acked);
    await restart(old);
  }, 150_000);

  it("one etcd member down changes nothing; without quorum submits fail UNAVAILABLE and nothing is lost", async () => {
    await etcd.killMember(2);
    const one = await cluster.withLeader(
      (c) => c.submit({ name: "one-down", request: share, command: ["true"] }, "one-down"),
      10_000,
    );
    // A retry after a slow first answer comes back deduplicated: either way, one job.
    expect((await allJobs()).filter((j) => j.clientRequestId === "one-down").map((j) => j.id)).toEqual([
      one.job!.id,
    ]);
    const beforeQuorumLoss = new Map((await allJobs()).map((j) => [j.clientRequestId, j.id]));
    await etcd.killMember(1);
    const lead = leader();
    const direct = new SchedulerClient(lead.address, undefined, 20_000);
    const refused = await direct
      .submit({ name: "no-quorum", request: share, command: ["true"] }, "no-quorum")
      .catch((e: grpc.ServiceError) => e);
    direct.close();
    expect((refused as grpc.ServiceError).code).toBe(grpc.status.UNAVAILABLE);
    // Whichever the leader noticed first: its write not committed in time, or its election lease gone.
    expect((refused as grpc.ServiceError).details).toMatch(/etcd did not commit|election lease was lost/);
    etcd.startMember(1);
    etcd.startMember(2);
    await etcd.waitHealthy();
    // The leader that could not commit stepped down; a replica brought back leads again with every job.
    for (const r of [...replicas]) if (!r.process.running) await restart(r);
    const after = await eventually(
      "a leader with every job",
      async () => {
        const all = await allJobs().catch(() => undefined);
        return all && all.length >= beforeQuorumLoss.size ? all : undefined;
      },
      60_000,
    );
    for (const [rid, id] of beforeQuorumLoss)
      expect(after.find((j) => j.clientRequestId === rid)?.id).toBe(id);
  }, 150_000);
});
