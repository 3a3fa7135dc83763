/**
 * VM job latency: `npx tsx bench/vm-first-output.ts [--runs N]`. Time from `tessera submit` to a job's first
 * output line, through a real scheduler and an agent with `--vm-runtime qemu` on a stand-in node, for
 * 1. a process job (one stand-in GPU): submit -> scheduler -> agent -> command -> first log line;
 * 2. a MicroVM job (`--vm`, no GPU): submit -> scheduler -> agent -> `tessera vm run` -> guest boot -> first guest
 *    line, with the guest boot time the agent reports (KVM where its probe finds it usable, TCG otherwise);
 * and, for reference, 3. the executor's spawn of a process -> its first output line.
 * Writes bench/results/vm-first-output.json.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { JobSpec } from "../proto/generated/tessera/v1/JobSpec.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { startAgentProcess, startSchedulerProcess } from "../test/support/TesseraProcesses.ts";

const here = dirname(fileURLToPath(import.meta.url));
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
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: samples.length,
    medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]!),
    minMs: Math.round(sorted[0]!),
    maxMs: Math.round(sorted.at(-1)!),
  };
}

interface ServiceSamples {
  firstLine: number[];
  start: number[];
  /** Guest boot times the agent reported (VM jobs only). */
  boot: number[];
}

/** Submits `spec` `runs` times, one at a time, and measures submit -> start and submit -> first output line. */
async function submitToFirstLine(
  client: SchedulerClient,
  spec: JobSpec,
  label: string,
): Promise<ServiceSamples> {
  const out: ServiceSamples = { firstLine: [], start: [], boot: [] };
  for (let i = 0; i < runs; i++) {
    const t0 = Date.now();
    const { job } = await client.submit({ ...spec, name: `${label}-${i}` }, `${label}-${i}`);
    for (;;) {
      const j = await client.get(job!.id);
      if (j.state === "Failed") throw new Error(`${label} job failed: ${j.reason}`);
      if (
        j.logPath &&
        existsSync(j.logPath) &&
        readFileSync(j.logPath, "utf8").split("\n").includes("first")
      ) {
        out.firstLine.push(Date.now() - t0);
        out.start.push(j.startedUnixMs - t0);
        break;
      }
      await pause(5);
    }
    for (;;) {
      const j = await client.get(job!.id);
      if (["Succeeded", "Failed"].includes(j.state)) {
        // A VM job reports its runtime and boot time in place of the visible devices.
        const boot = /booted in (\d+) ms/.exec(j.visibleDevices)?.[1];
        if (boot !== undefined) out.boot.push(Number(boot));
        break;
      }
      await pause(20);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const scheduler = await startSchedulerProcess(dir);
  const agent = startAgentProcess(dir, { name: "bench-node", models: ["L4-24GB"] }, scheduler.address, [
    "--vm-runtime",
    "qemu",
  ]);
  const client = new SchedulerClient(scheduler.address);
  let accelerator = "";
  let processJob: ServiceSamples;
  let microvmJob: ServiceSamples;
  try {
    for (;;) {
      const node = (await client.nodes()).find((n) => n.state === "Ready");
      accelerator = node?.labels["tessera.io/vm-accelerator"] ?? "";
      if (accelerator) break;
      await pause(50);
    }
    console.log(`VM accelerator: ${accelerator}`);
    processJob = await submitToFirstLine(
      client,
      { request: { whole: { gpus: 1 } }, command: ["sh", "-c", "echo first; sleep 0.2"] },
      "process",
    );
    microvmJob = await submitToFirstLine(
      client,
      { kind: "vm", request: { noGpu: {}, cpuMillis: 1000, memoryMib: 256 }, command: ["echo", "first"] },
      "microvm",
    );
  } finally {
    client.close();
    await agent.process.kill();
    await scheduler.process.kill();
  }
  const processAtAgent: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms, child } = await firstLine("/bin/sh", ["-c", "echo first"]);
    processAtAgent.push(ms);
    await ended(child);
  }
  const result = {
    accelerator,
    serviceProcessJob: {
      submitToFirstLine: stats(processJob.firstLine),
      submitToStart: stats(processJob.start),
    },
    serviceMicroVmJob: {
      submitToFirstLine: stats(microvmJob.firstLine),
      submitToStart: stats(microvmJob.start),
      guestBoot: stats(microvmJob.boot),
    },
    agentProcessJob: { spawnToFirstLine: stats(processAtAgent) },
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
