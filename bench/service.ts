/**
 * Service benchmark: `npx tsx bench/service.ts [--submits N] [--concurrency C] [--agents A] [--seconds S]`.
 * 1. Durable submits through gRPC to a `tessera scheduler` process (SQLite, WAL, synchronous=FULL): jobs/s, p50/p99.
 * 2. The same scheduler holding A agent streams that report every second: its CPU (percent of one core) and RSS.
 * Writes bench/results/service.json.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as grpc from "@grpc/grpc-js";
import type { AgentMessage } from "../proto/generated/tessera/v1/AgentMessage.ts";
import type { GpuInventory } from "../proto/generated/tessera/v1/GpuInventory.ts";
import type { SchedulerMessage__Output } from "../proto/generated/tessera/v1/SchedulerMessage.ts";
import { tesseraV1 } from "../proto/tessera/TesseraGrpc.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "..", "bin", "tessera.js");

const { values } = parseArgs({
  options: {
    submits: { type: "string", default: "20000" },
    concurrency: { type: "string", default: "64" },
    agents: { type: "string", default: "1000" },
    seconds: { type: "string", default: "20" },
    // Writes a V8 CPU profile of the scheduler process into this folder.
    profile: { type: "string" },
  },
});
const submits = Number(values.submits);
const concurrency = Number(values.concurrency);
const agentCount = Number(values.agents);
const seconds = Number(values.seconds);

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function startScheduler(dir: string): Promise<{ child: ChildProcess; address: string }> {
  const profile = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${values.profile}`] : [];
  const child = spawn(
    process.execPath,
    [
      ...profile,
      cli,
      "scheduler",
      "--listen",
      "127.0.0.1:0",
      "--db",
      join(dir, "bench.db"),
      "--lease",
      "10s",
      "--heartbeat",
      "1s",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let out = "";
  return new Promise((resolve, reject) => {
    child.stderr?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+) \(gRPC\)/.exec(out);
      if (m) resolve({ child, address: m[1]! });
    });
    child.on("exit", () => reject(new Error(`scheduler exited:\n${out}`)));
  });
}

/** utime+stime of a process in seconds, and its RSS in MiB, from /proc. */
function processUsage(pid: number): { cpuSeconds: number; rssMiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuSeconds: ticks / 100, rssMiB: Math.round(rssKiB / 102.4) / 10 };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function submitBench(address: string, pid: number): Promise<Record<string, number>> {
  const client = new SchedulerClient(address);
  const cpuBefore = processUsage(pid).cpuSeconds;
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < submits) {
      const i = next++;
      const t = performance.now();
      await client.submit(
        { name: `bench-${i}`, request: { mig: { profile: "1g.10gb" } }, command: ["true"] },
        `bench-${i}`,
      );
      latencies.push(performance.now() - t);
      if (i % 5000 === 0 && i > 0) log(`  ${i} submits`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wall = (performance.now() - started) / 1000;
  const cpu = processUsage(pid).cpuSeconds - cpuBefore;
  client.close();
  latencies.sort((a, b) => a - b);
  return {
    submits,
    concurrency,
    wallSeconds: Math.round(wall * 100) / 100,
    jobsPerSecond: Math.round(submits / wall),
    p50Ms: Math.round(percentile(latencies, 50) * 100) / 100,
    p99Ms: Math.round(percentile(latencies, 99) * 100) / 100,
    // Load-independent: what one submit costs the scheduler, and the rate one core could sustain at that cost.
    schedulerCpuMsPerSubmit: Math.round((cpu / submits) * 1e5) / 100,
    submitsPerCpuSecond: Math.round(submits / cpu),
  };
}

function inventory(node: number): GpuInventory[] {
  return [0, 1, 2, 3].map((index) => ({
    uuid: `GPU-bench-${node}-${index}`,
    index,
    name: "NVIDIA H100 80GB HBM3",
    model: "H100-SXM5-80GB",
    memoryMib: 81559,
    pciBusId: `00000000:${(16 + index).toString(16)}:00.0`,
    migCapable: true,
    nvlinkPeers: [],
  }));
}

/** A thin agent: registers, then reports its observed state every second, as the real agent's heartbeat does. */
async function agentBench(address: string, pid: number): Promise<Record<string, number>> {
  const NodeService = tesseraV1().NodeService;
  // Several connections, as separate hosts would have; grpc-js would otherwise put every stream on one.
  const clients = Array.from(
    { length: Math.ceil(agentCount / 100) },
    (_, i) =>
      new NodeService(address, grpc.credentials.createInsecure(), {
        "grpc.use_local_subchannel_pool": 1,
        "bench.conn": i,
      }),
  );
  const streams: grpc.ClientDuplexStream<AgentMessage, SchedulerMessage__Output>[] = [];
  let desiredReceived = 0;
  for (let n = 0; n < agentCount; n++) {
    const stream = clients[n % clients.length]!.Connect();
    stream.on("data", () => desiredReceived++);
    stream.on("error", () => {});
    stream.write({
      register: {
        node: `bench-${n}`,
        gpus: inventory(n),
        cpuMillis: 64000,
        memoryMib: 512 * 1024,
        generation: 0,
      },
    });
    streams.push(stream);
  }
  const observed = (n: number) =>
    inventory(n).map((g) => ({
      uuid: g.uuid,
      migEnabled: false,
      instances: [],
      health: "ok",
      utilizationPercent: 37,
    }));
  const timers: NodeJS.Timeout[] = [];
  let reports = 0;
  streams.forEach((stream, n) => {
    const start = setTimeout(() => {
      timers.push(
        setInterval(() => {
          stream.write({ report: { generation: 1, gpus: observed(n), jobs: [], errors: [] } });
          reports++;
        }, 1000),
      );
    }, Math.random() * 1000);
    timers.push(start);
  });
  const warmup = Date.now() + 5000;
  while (Date.now() < warmup) await new Promise((r) => setTimeout(r, 200));
  const before = processUsage(pid);
  const reportsBefore = reports;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const elapsed = (performance.now() - t0) / 1000;
  const after = processUsage(pid);
  for (const t of timers) clearInterval(t);
  for (const s of streams) s.end();
  for (const c of clients) c.close();
  return {
    agents: agentCount,
    registeredDesiredStates: desiredReceived,
    reportsPerSecond: Math.round((reports - reportsBefore) / elapsed),
    schedulerCpuPercentOfOneCore: Math.round(((after.cpuSeconds - before.cpuSeconds) / elapsed) * 1000) / 10,
    schedulerRssMiB: after.rssMiB,
    measuredSeconds: Math.round(elapsed),
  };
}

async function stopScheduler(scheduler: { child: ChildProcess }): Promise<void> {
  if (scheduler.child.exitCode !== null) return;
  const exited = new Promise((r) => scheduler.child.once("exit", r));
  scheduler.child.kill("SIGTERM");
  await exited;
}

const dir = mkdtempSync(join(tmpdir(), "tessera-bench-"));
try {
  const first = await startScheduler(join(dir, "submits"));
  log(
    `scheduler at ${first.address} (pid ${first.child.pid}); ${submits} durable submits, ${concurrency} in flight`,
  );
  const submit = await submitBench(first.address, first.child.pid!);
  await stopScheduler(first);
  log(
    `  ${submit.jobsPerSecond} jobs/s, p50 ${submit.p50Ms} ms, p99 ${submit.p99Ms} ms; ` +
      `scheduler CPU ${submit.schedulerCpuMsPerSubmit} ms per submit`,
  );
  // A fresh scheduler, so that the streams are measured alone and not the placement of the submitted backlog.
  const second = await startScheduler(join(dir, "agents"));
  log(`${agentCount} agent streams reporting every second, measured for ${seconds} s`);
  const agents = await agentBench(second.address, second.child.pid!);
  await stopScheduler(second);
  log(
    `  scheduler CPU ${agents.schedulerCpuPercentOfOneCore}% of one core, RSS ${agents.schedulerRssMiB} MiB`,
  );
  const results = join(here, "results");
  mkdirSync(results, { recursive: true });
  const file = join(results, "service.json");
  const machine = { cpus: availableParallelism(), loadAverage1m: loadavg()[0] };
  writeFileSync(
    file,
    `${JSON.stringify({ when: new Date().toISOString(), machine, submit, agents }, null, 2)}\n`,
  );
  log(`wrote ${file}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
