import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobSpec } from "../proto/generated/tessera/v1/JobSpec.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { eventually } from "./support/Eventually.ts";
import {
  type AgentProcess,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

const isRoot = process.getuid?.() === 0;
const dir = mkdtempSync(join(tmpdir(), "tessera-uids-"));
// Job users must reach their working directories under the agent's data folder.
chmodSync(dir, 0o755);
let scheduler: SchedulerProcess;
let agent: AgentProcess;
let client: SchedulerClient;

async function output(id: string): Promise<string> {
  let text = "";
  await client.logs(id, false, (d) => {
    text += d.toString();
  });
  return text;
}

async function finished(id: string): Promise<string> {
  return eventually(
    `${id} ended`,
    async () => {
      const j = await client.get(id);
      return ["Succeeded", "Failed", "Cancelled"].includes(j.state) ? j.state : undefined;
    },
    60_000,
  );
}

const cpuJob = (name: string, tenant: string, script: string, env: Record<string, string> = {}): JobSpec => ({
  name,
  tenant,
  request: { noGpu: {}, cpuMillis: 100, memoryMib: 64 },
  command: ["sh", "-c", script],
  env,
});

describe.runIf(isRoot)("tenants isolated on the node (agent as root with --uid-range)", () => {
  beforeAll(async () => {
    scheduler = await startSchedulerProcess(dir);
    agent = startAgentProcess(dir, { name: "uids", models: ["L4-24GB"] }, scheduler.address, [
      "--uid-range",
      "20000-20009",
    ]);
    client = new SchedulerClient(scheduler.address);
    await eventually(
      "uids Ready",
      async () => (await client.nodes()).some((n) => n.state === "Ready") || undefined,
      60_000,
    );
  }, 90_000);
  afterAll(async () => {
    client?.close();
    await agent?.process.kill();
    await scheduler?.process.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs each job as a uid of its own, so one cannot read another's /proc/*/environ", async () => {
    const { job: alice } = await client.submit(
      cpuJob("alice", "team-a", "id -u; sleep 30", { WANDB_API_KEY: "alice-secret-key" }),
      "",
    );
    await eventually(
      "alice running",
      async () => ((await client.get(alice!.id)).state === "Running" ? true : undefined),
      60_000,
    );
    const { job: bob } = await client.submit(
      cpuJob(
        "bob",
        "team-b",
        'id -u; for f in /proc/[0-9]*/environ; do cat "$f" 2>/dev/null; done | tr "\\0" "\\n" | grep -c alice-secret-key; true',
      ),
      "",
    );
    expect(await finished(bob!.id)).toBe("Succeeded");
    const [bobUid, found] = (await output(bob!.id)).trim().split("\n");
    const aliceUid = (await output(alice!.id)).trim().split("\n")[0];
    expect(Number(aliceUid)).toBeGreaterThanOrEqual(20000);
    expect(Number(bobUid)).toBeGreaterThanOrEqual(20000);
    expect(bobUid).not.toBe(aliceUid);
    expect(found).toBe("0");
    await client.cancel(alice!.id);
  }, 120_000);
});
