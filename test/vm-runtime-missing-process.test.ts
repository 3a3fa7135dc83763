import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { eventually } from "./support/Eventually.ts";
import {
  type AgentProcess,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

// Reproduction 4 through real processes: `tessera agent --vm-runtime qemu` on a host where QEMU does not run.
const dir = mkdtempSync(join(tmpdir(), "tessera-vm-missing-"));
let scheduler: SchedulerProcess | undefined;
let agent: AgentProcess | undefined;
let client: SchedulerClient | undefined;
const previousQemu = process.env.TESSERA_QEMU;

afterAll(async () => {
  client?.close();
  await agent?.process.kill();
  await scheduler?.process.kill();
  if (previousQemu === undefined) delete process.env.TESSERA_QEMU;
  else process.env.TESSERA_QEMU = previousQemu;
  rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
});

it("a --vm job is not placed on a node whose agent found no runnable VM runtime, and says why", async () => {
  const brokenQemu = join(dir, "broken-qemu");
  writeFileSync(brokenQemu, "#!/bin/sh\necho 'qemu: cannot run here' >&2\nexit 1\n");
  chmodSync(brokenQemu, 0o755);
  process.env.TESSERA_QEMU = brokenQemu;
  scheduler = await startSchedulerProcess(dir);
  agent = startAgentProcess(dir, { name: "l4-novm", models: ["L4-24GB"] }, scheduler.address, [
    "--vm-runtime",
    "qemu",
  ]);
  client = new SchedulerClient(scheduler.address);
  const c = client;
  const node = await eventually(
    "the node Ready with its probed capabilities",
    async () => (await c.nodes()).find((n) => n.state === "Ready" && n.capabilities?.probed),
    60_000,
  );
  expect(node.capabilities?.vmRuntimes).toEqual([]);
  expect(agent.process.output).toMatch(/VM runtime qemu: not runnable/);

  const vmJob = {
    name: "vm",
    kind: "vm",
    request: { whole: { gpus: 1 }, cpuMillis: 1000, memoryMib: 512 },
    command: ["true"],
  };
  // No registered node could ever run it: refused at submit, with the reason, instead of failing on the node.
  const refused = await c.submit(vmJob, "vm").then(
    () => undefined,
    (err: Error) => err,
  );
  expect(refused?.message).toMatch(
    /0\/1 nodes are available: 1 cannot run VM jobs \(no runnable VM runtime\)/,
  );
  // The node itself still runs plain jobs on the same GPU.
  const { job } = await c.submit(
    { name: "plain", request: { whole: { gpus: 1 } }, command: ["true"] },
    "plain",
  );
  const done = await eventually(
    "plain Succeeded",
    async () => {
      const j = await c.get(job!.id);
      return j.state === "Succeeded" ? j : undefined;
    },
    30_000,
  );
  expect(done.allocations[0]!.node).toBe("l4-novm");
}, 120_000);
