import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { eventually } from "./support/Eventually.ts";
import {
  type AgentProcess,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

// Real processes: `tessera scheduler`, `tessera agent --vm-runtime qemu` on a stand-in node, the CLI, and the
// `tessera vm run` process the agent launches for a VM job, booting a real MicroVM (TCG where KVM does not work).
const dir = mkdtempSync(join(tmpdir(), "tessera-vm-service-"));
const cli = join(import.meta.dirname, "..", "bin", "tessera.js");
let scheduler: SchedulerProcess;
let agent: AgentProcess;
let client: SchedulerClient;

beforeAll(async () => {
  scheduler = await startSchedulerProcess(dir);
  agent = startAgentProcess(dir, { name: "vm-node", models: ["L4-24GB"] }, scheduler.address, [
    "--vm-runtime",
    "qemu",
  ]);
  client = new SchedulerClient(scheduler.address);
  await eventually(
    "the node Ready with its VM runtime reported",
    async () => (await client.nodes()).find((n) => n.state === "Ready" && n.labels["tessera.io/vm-runtime"]),
    60_000,
  );
});

afterAll(async () => {
  client?.close();
  await agent?.process.kill();
  await scheduler?.process.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function tessera(command: string, args: string[]): Promise<string> {
  const flags = [cli, command, "--scheduler", scheduler.address, ...args];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, flags);
    return stdout.trim();
  } catch (error) {
    throw new Error(`tessera ${command} failed: ${(error as { stderr?: string }).stderr ?? error}`);
  }
}

function qemuOf(jobId: string): string[] {
  const out = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
  return out.split("\n").filter((line) => line.includes(`tessera-${jobId},`) && line.includes("qemu-system"));
}

async function ended(id: string, timeoutMs: number) {
  return eventually(
    `job ${id} to end`,
    async () => {
      const j = await client.get(id);
      return ["Succeeded", "Failed", "Cancelled"].includes(j.state) ? j : undefined;
    },
    timeoutMs,
  );
}

describe("VM jobs with real processes", () => {
  it("the agent names its VM runtime at registration (tessera nodes) and probes it after connecting", async () => {
    const nodes = JSON.parse(await tessera("nodes", ["--json"])) as {
      name: string;
      labels: Record<string, string>;
    }[];
    const node = nodes.find((n) => n.name === "vm-node")!;
    expect(node.labels["tessera.io/vm-runtime"]).toBe("qemu");
    // The probe's result goes to the scheduler as NodeCapabilities.vm_runtimes, after registration.
    const probed = await agent.process.waitFor(/VM runtime qemu: runnable; .*, (kvm|tcg): /, 60_000);
    expect(["kvm", "tcg"]).toContain(probed[1]);
  });

  it("tessera submit --vm --gpus N goes to the agent, which passes the GPU's PCI address to VFIO", async () => {
    const id = await tessera("submit", [
      "--vm",
      "--gpus",
      "1",
      "--vcpus",
      "2",
      "--memory",
      "1GiB",
      "--",
      "nvidia-smi",
    ]);
    const job = await eventually(
      "the VM job to end",
      async () => {
        const j = await client.get(id);
        return ["Succeeded", "Failed"].includes(j.state) ? j : undefined;
      },
      60_000,
    );
    expect(job.spec?.kind).toBe("vm");
    expect(job.spec?.request).toMatchObject({ whole: { gpus: 1 }, cpuMillis: 2000, memoryMib: 1024 });
    // The stand-in GPU exists only in NVML, not under this host's /sys: the binder refuses it, and says why.
    expect(job.state).toBe("Failed");
    expect(readFileSync(job.logPath, "utf8")).toMatch(
      /tessera vm: PCI device [0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7] does not exist under \/sys\/bus\/pci\/devices/,
    );
    const detail = await tessera("job", [id]);
    expect(detail).toMatch(/^VM: +vm qemu \((kvm|tcg)\), exited, no GPUs$/m);
  }, 90_000);

  it("tessera submit --vm -- echo hello boots a MicroVM through the scheduler: the log shows hello, it Succeeds", async () => {
    const id = await tessera("submit", ["--vm", "--memory", "256MiB", "--", "echo", "hello"]);
    const job = await ended(id, 150_000);
    expect(job.state, job.reason).toBe("Succeeded");
    expect(job.spec?.request).toMatchObject({ shape: "noGpu", cpuMillis: 1000, memoryMib: 256 });
    expect(job.allocations).toEqual([
      expect.objectContaining({ node: "vm-node", kind: "none", gpuUuid: "" }),
    ]);
    expect((await tessera("logs", [id])).split("\n")).toContain("hello");
    const jobs = JSON.parse(await tessera("jobs", ["--json"])) as { id: string; allocations: unknown[] }[];
    expect(jobs.find((j) => j.id === id)?.allocations).toHaveLength(1);
    expect(await tessera("job", [id])).toMatch(/^VM: +vm qemu \((kvm|tcg)\), booted in \d+ ms, no GPUs$/m);
  }, 180_000);

  it("tessera cancel stops a MicroVM job's VM: its QEMU process is gone and the job is Cancelled", async () => {
    const id = await tessera("submit", [
      "--vm",
      "--memory",
      "256MiB",
      "--",
      "sh",
      "-c",
      "echo started; sleep 600",
    ]);
    await eventually(
      "the guest to print started",
      async () =>
        (await client.get(id)).state === "Running" && (await tessera("logs", [id])).includes("started"),
      150_000,
    );
    expect(qemuOf(id)).toHaveLength(1);
    await tessera("cancel", [id]);
    expect((await ended(id, 60_000)).state).toBe("Cancelled");
    expect(qemuOf(id)).toEqual([]);
  }, 240_000);

  it("a CPU-only process job (tessera submit --cpu 1 -- echo hi) Succeeds", async () => {
    const id = await tessera("submit", ["--cpu", "1", "--", "echo", "hi"]);
    const job = await ended(id, 60_000);
    expect(job.state, job.reason).toBe("Succeeded");
    expect(job.allocations).toEqual([expect.objectContaining({ node: "vm-node", kind: "none" })]);
    expect(await tessera("logs", [id])).toBe("hi");
  }, 90_000);
});
