import { execFile, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VmJobLauncher } from "../node-agent/agent/VmJobLauncher.ts";
import { vmAssignmentEnv } from "../proto/tessera/VmJobWire.ts";
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

/** Starts what the agent's executor starts for a VM job, from the launch the agent's VmJobLauncher writes. */
function launchVmJob(jobId: string, command: string[]) {
  const jobEnv = vmAssignmentEnv({ GREETING: "hello" }, { cpuMillis: 1000, memoryMiB: 256 });
  const launch = new VmJobLauncher({ runtime: "qemu", sysfsRoot: "/sys", dataDir: dir, cli }).rewrite(
    { jobId, attempt: 1, command, env: { PATH: process.env.PATH ?? "" }, workdir: "", visibleDevices: "" },
    jobEnv,
    () => [],
  );
  if (!launch) throw new Error("not recognised as a VM job");
  expect(launch.privileged).toBe(true);
  const child = spawn(launch.command[0]!, launch.command.slice(1), { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

describe("VM jobs with real processes", () => {
  it("the agent probes its VM runtime at start and reports it (tessera nodes)", async () => {
    const nodes = JSON.parse(await tessera("nodes", ["--json"])) as {
      name: string;
      labels: Record<string, string>;
    }[];
    const node = nodes.find((n) => n.name === "vm-node")!;
    expect(node.labels["tessera.io/vm-runtime"]).toBe("qemu");
    expect(["kvm", "tcg"]).toContain(node.labels["tessera.io/vm-accelerator"]);
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

  it("a VM job's launch boots a MicroVM: the guest's output is the log, its status the job's", async () => {
    const vm = launchVmJob("vm-hello", ["sh", "-c", 'echo "$GREETING"; exit 7']);
    expect(await vm.exited).toBe(7);
    expect(vm.output().split("\n")).toContain("hello");
    const details = JSON.parse(readFileSync(join(dir, "vm", "vm-hello-1", "vm.json"), "utf8"));
    expect(details).toMatchObject({ runtime: "qemu", state: "exited", gpus: [] });
    expect(details.bootMs).toBeGreaterThan(0);
    // What the agent reports for `tessera job ID`.
    const launcher = new VmJobLauncher({ runtime: "qemu", sysfsRoot: "/sys", dataDir: dir, cli });
    expect(launcher.summary("vm-hello", 1)).toMatch(/^vm qemu \((kvm|tcg)\), booted in \d+ ms, no GPUs$/);
  }, 150_000);

  it("cancel (SIGTERM to the job's process) stops the VM", async () => {
    const vm = launchVmJob("vm-cancel", ["sh", "-c", "echo started; sleep 600"]);
    await eventually("the guest to print started", () => vm.output().includes("started"), 140_000);
    expect(qemuOf("vm-cancel")).toHaveLength(1);
    vm.child.kill("SIGTERM");
    expect(await vm.exited).toBe(143);
    expect(vm.output()).toContain("the VM was stopped");
    expect(qemuOf("vm-cancel")).toEqual([]);
  }, 180_000);
});
