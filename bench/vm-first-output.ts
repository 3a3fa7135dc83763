/**
 * VM job latency: `npx tsx bench/vm-first-output.ts [--runs N]`. Time to a job's first output line for
 * 1. a process job through the service: `tessera submit` -> scheduler -> agent (stand-in GPU) -> first log line;
 * 2. a process job at the agent: the executor's spawn of the command -> first output line;
 * 3. a MicroVM job at the agent: spawn of `tessera vm run` (what the agent starts for a VM job) -> first guest line,
 *    with the guest boot time it reports (KVM where the probe finds it usable, TCG otherwise).
 * The service cannot place GPU-less jobs yet, so a MicroVM's full submit-to-output time is 3 plus the scheduling
 * part of 1 (submit -> start). Writes bench/results/vm-first-output.json.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { QemuRuntime } from "../plugins/vm/qemu/QemuRuntime.ts";
import type { VmJobDetails } from "../plugins/vm/VmJobRunner.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { startAgentProcess, startSchedulerProcess } from "../test/support/TesseraProcesses.ts";

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "..", "bin", "tessera.js");
const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), "tessera-vm-bench-"));

/** Spawns a command and resolves with the ms until its first stdout line (and the child, to await its end). */
function firstLine(command: string, args: string[]): Promise<{ ms: number; child: ChildProcess }> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout!.once("data", () => resolve({ ms: performance.now() - started, child }));
    child.once("exit", (code) => reject(new Error(`${command} exited with ${code} before printing`)));
  });
}

const ended = (child: ChildProcess) => new Promise((r) => child.once("exit", r));

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: samples.length,
    medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]!),
    minMs: Math.round(sorted[0]!),
    maxMs: Math.round(sorted.at(-1)!),
  };
}

async function serviceProcessJob(): Promise<{ firstLine: number[]; start: number[] }> {
  const scheduler = await startSchedulerProcess(dir);
  const agent = startAgentProcess(dir, { name: "bench-node", models: ["L4-24GB"] }, scheduler.address);
  const client = new SchedulerClient(scheduler.address);
  const firstLines: number[] = [];
  const starts: number[] = [];
  try {
    for (;;) {
      if ((await client.nodes()).some((n) => n.state === "Ready")) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    for (let i = 0; i < runs; i++) {
      const t0 = Date.now();
      const { job } = await client.submit(
        { name: `p${i}`, request: { whole: { gpus: 1 } }, command: ["sh", "-c", "echo first; sleep 0.2"] },
        `bench-${i}`,
      );
      for (;;) {
        const j = await client.get(job!.id);
        if (j.logPath && existsSync(j.logPath) && readFileSync(j.logPath, "utf8").includes("first")) {
          firstLines.push(Date.now() - t0);
          starts.push(j.startedUnixMs - t0);
          break;
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      for (;;) {
        if (["Succeeded", "Failed"].includes((await client.get(job!.id)).state)) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  } finally {
    client.close();
    await agent.process.kill();
    await scheduler.process.kill();
  }
  return { firstLine: firstLines, start: starts };
}

async function main(): Promise<void> {
  const info = await new QemuRuntime().probe();
  console.log(`VM runtime: ${info.detail}`);
  const service = await serviceProcessJob();
  const processAtAgent: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms, child } = await firstLine("/bin/sh", ["-c", "echo first"]);
    processAtAgent.push(ms);
    await ended(child);
  }
  const microvm: number[] = [];
  const boot: number[] = [];
  for (let i = 0; i < runs; i++) {
    const workDir = join(dir, `vm-${i}`);
    mkdirSync(workDir, { recursive: true });
    const spec = join(workDir, "spec.json");
    writeFileSync(
      spec,
      JSON.stringify({
        jobId: `bench-${i}`,
        vcpus: 1,
        memoryMiB: 256,
        command: ["echo", "first"],
        env: {},
        gpus: [],
      }),
    );
    const { ms, child } = await firstLine(process.execPath, [
      cli,
      "vm",
      "run",
      "--spec",
      spec,
      "--work-dir",
      workDir,
    ]);
    microvm.push(ms);
    await ended(child);
    const details = JSON.parse(readFileSync(join(workDir, "vm.json"), "utf8")) as VmJobDetails;
    if (details.bootMs !== null) boot.push(details.bootMs);
  }
  const result = {
    accelerator: info.accelerator,
    serviceProcessJob: { submitToFirstLine: stats(service.firstLine), submitToStart: stats(service.start) },
    agentProcessJob: { spawnToFirstLine: stats(processAtAgent) },
    agentMicroVmJob: { spawnToFirstLine: stats(microvm), guestBoot: stats(boot) },
  };
  mkdirSync(join(here, "results"), { recursive: true });
  writeFileSync(join(here, "results", "vm-first-output.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

try {
  await main();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
