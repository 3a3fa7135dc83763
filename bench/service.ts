/**
 * Service benchmark: `npx tsx bench/service.ts [--submits N] [--concurrency C] [--clients K] [--agents A]
 * [--seconds S] [--profile DIR]` (also `npm run bench -- service`).
 * 1. Durable submits through gRPC to a `tessera scheduler` process (SQLite, WAL, fsync before each ack): jobs/s,
 *    p50/p99, from K client processes with one HTTP/2 connection each (C submits in flight in all), speaking gRPC
 *    through node:http2 (`RawGrpcSubmitter`), so that the client's own work is not what is measured.
 * 2. A fresh scheduler holding A agent streams that report every second: its CPU (percent of one core) and RSS.
 * Writes bench/results/service.json.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import * as grpc from "@grpc/grpc-js";
import type { AgentMessage } from "../proto/generated/tessera/v1/AgentMessage.ts";
import type { GpuInventory } from "../proto/generated/tessera/v1/GpuInventory.ts";
import type { Report } from "../proto/generated/tessera/v1/Report.ts";
import type { SchedulerMessage__Output } from "../proto/generated/tessera/v1/SchedulerMessage.ts";
import { tesseraMessage } from "../proto/tessera/ProtoMessages.ts";
import { reportDelta, type WholeReport, wholeReportEveryMs } from "../proto/tessera/ReportDelta.ts";
import { tesseraV1 } from "../proto/tessera/TesseraGrpc.ts";
import { percentile } from "../scheduler/simulator/Percentile.ts";
import { RawGrpcSubmitter } from "./RawGrpcSubmitter.ts";

const thisFile = fileURLToPath(import.meta.url);
const here = dirname(thisFile);
const cli = join(here, "..", "bin", "tessera.js");

export interface ServiceBenchOptions {
  submits: number;
  /** Submits in flight, over all client processes. */
  concurrency: number;
  /** Client processes, each with its own gRPC channel. */
  clients: number;
  agents: number;
  seconds: number;
  /** Folder for V8 CPU profiles of the scheduler and the clients. */
  profile?: string | undefined;
}

export const defaultServiceBenchOptions: ServiceBenchOptions = {
  submits: 20000,
  concurrency: 64,
  clients: 4,
  agents: 1000,
  seconds: 20,
};

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function profileFlags(dir: string | undefined): string[] {
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
}

export async function startScheduler(
  dir: string,
  profile: string | undefined,
): Promise<{ child: ChildProcess; address: string }> {
  const child = spawn(
    process.execPath,
    [
      ...profileFlags(profile),
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
export function processUsage(pid: number): { cpuSeconds: number; rssMiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuSeconds: ticks / 100, rssMiB: Math.round(rssKiB / 102.4) / 10 };
}

/** What one client process reports: when its first submit started and its last ended (epoch ms), latencies. */
interface ClientResult {
  startMs: number;
  endMs: number;
  latenciesMs: number[];
  /** The client process's own CPU (user + system) while submitting. */
  cpuMs: number;
}

/**
 * A client process: `service.ts --client ADDRESS FIRST COUNT INFLIGHT`. Connects, says "ready", waits for "go" on
 * stdin, submits COUNT jobs with INFLIGHT in flight, prints its ClientResult as JSON.
 */
async function clientMain(address: string, first: number, count: number, inFlight: number): Promise<void> {
  const client = new RawGrpcSubmitter(address);
  await client.ready(); // the connection is up before the clock starts
  process.stdout.write("ready\n");
  await new Promise((resolve) => process.stdin.once("data", resolve));
  const latenciesMs: number[] = [];
  let next = first;
  const end = first + count;
  const startMs = Date.now();
  const cpuBefore = process.cpuUsage();
  const worker = async () => {
    while (next < end) {
      const i = next++;
      const t = performance.now();
      await client.submit({
        spec: { name: `bench-${i}`, request: { mig: { profile: "1g.10gb" } }, command: ["true"] },
        clientRequestId: `bench-${i}`,
      });
      latenciesMs.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  const result: ClientResult = {
    startMs,
    endMs: Date.now(),
    latenciesMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
  client.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function startClient(
  address: string,
  first: number,
  count: number,
  inFlight: number,
  profile: string | undefined,
): { child: ChildProcess; ready: Promise<void>; result: Promise<ClientResult> } {
  const child = spawn(
    process.execPath,
    [
      ...process.execArgv,
      ...profileFlags(profile),
      thisFile,
      "--client",
      address,
      `${first}`,
      `${count}`,
      `${inFlight}`,
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  let out = "";
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
    if (out.startsWith("ready\n")) onReady();
  });
  const result = new Promise<ClientResult>((resolve, reject) =>
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (code !== 0 || !line) reject(new Error(`bench client exited with ${code}`));
      else resolve(JSON.parse(line) as ClientResult);
    }),
  );
  return { child, ready, result };
}

export async function submitBench(
  address: string,
  pid: number,
  o: ServiceBenchOptions,
): Promise<Record<string, number>> {
  const clients = Array.from({ length: o.clients }, (_, k) => {
    const first = Math.floor((o.submits * k) / o.clients);
    const count = Math.floor((o.submits * (k + 1)) / o.clients) - first;
    const inFlight = Math.max(1, Math.round(o.concurrency / o.clients));
    return startClient(address, first, count, inFlight, o.profile);
  });
  await Promise.all(clients.map((c) => c.ready));
  const cpuBefore = processUsage(pid).cpuSeconds;
  for (const c of clients) c.child.stdin?.end("go\n");
  const results = await Promise.all(clients.map((c) => c.result));
  const cpu = processUsage(pid).cpuSeconds - cpuBefore;
  const wall = (Math.max(...results.map((r) => r.endMs)) - Math.min(...results.map((r) => r.startMs))) / 1000;
  const latencies = results.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  return {
    submits: o.submits,
    concurrency: o.concurrency,
    clients: o.clients,
    wallSeconds: Math.round(wall * 100) / 100,
    jobsPerSecond: Math.round(o.submits / wall),
    p50Ms: Math.round(percentile(latencies, 0.5) * 100) / 100,
    p99Ms: Math.round(percentile(latencies, 0.99) * 100) / 100,
    // Load-independent: what one submit costs the scheduler, and the rate one core could sustain at that cost.
    schedulerCpuMsPerSubmit: Math.round((cpu / o.submits) * 1e5) / 100,
    submitsPerCpuSecond: Math.round(o.submits / cpu),
    // The bench clients' CPU per submit, all processes together: what the load generator itself costs.
    clientCpuMsPerSubmit: Math.round((results.reduce((sum, r) => sum + r.cpuMs, 0) / o.submits) * 100) / 100,
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

/**
 * How the thin agents report: `delta` as the real agent does (a whole report first and every minute, else what
 * changed, which for an idle node is nothing), `whole` as agents did before deltas (and older agents still do).
 */
export type ReportMode = "delta" | "whole";

/** Thin agents: each registers, then reports its observed state every second, as the real agent's heartbeat does. */
export async function agentBench(
  address: string,
  pid: number,
  agentCount: number,
  seconds: number,
  mode: ReportMode = "delta",
): Promise<Record<string, number | string>> {
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
  let bytes = 0;
  const ReportType = tesseraMessage("Report");
  streams.forEach((stream, n) => {
    let previous: WholeReport | undefined;
    let lastWholeMs = 0;
    const start = setTimeout(() => {
      timers.push(
        setInterval(() => {
          const whole = { generation: 1, gpus: observed(n), jobs: [], errors: [], kubeletAllocations: [] };
          let report: Report = whole;
          if (mode === "delta" && previous && Date.now() - lastWholeMs < wholeReportEveryMs) {
            report = reportDelta(previous, whole);
          } else {
            lastWholeMs = Date.now();
          }
          previous = whole;
          stream.write({ report });
          reports++;
          if (n === 0) bytes += ReportType.encode(ReportType.fromObject(report)).finish().length;
        }, 1000),
      );
    }, Math.random() * 1000);
    timers.push(start);
  });
  // Registration (each node joins the engine) and each agent's first whole report are not the steady state:
  // wait until every agent has its desired state, then 5 s more.
  while (desiredReceived < agentCount) await new Promise((r) => setTimeout(r, 200));
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
    reports: mode,
    registeredDesiredStates: desiredReceived,
    reportsPerSecond: Math.round((reports - reportsBefore) / elapsed),
    schedulerCpuPercentOfOneCore: Math.round(((after.cpuSeconds - before.cpuSeconds) / elapsed) * 1000) / 10,
    schedulerRssMiB: after.rssMiB,
    measuredSeconds: Math.round(elapsed),
    // One agent's report bytes on the wire (protobuf, before HTTP/2 framing), per report on average.
    bytesPerReport: Math.round(bytes / Math.max(1, reports / agentCount)),
  };
}

export async function stopScheduler(scheduler: { child: ChildProcess }): Promise<void> {
  if (scheduler.child.exitCode !== null) return;
  const exited = new Promise((r) => scheduler.child.once("exit", r));
  scheduler.child.kill("SIGTERM");
  await exited;
}

/** Runs both parts and writes bench/results/service.json; returns what it wrote. */
export async function runServiceBench(o: ServiceBenchOptions): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "tessera-bench-"));
  try {
    const first = await startScheduler(join(dir, "submits"), o.profile);
    log(
      `scheduler at ${first.address} (pid ${first.child.pid}); ${o.submits} durable submits from ` +
        `${o.clients} client processes, ${o.concurrency} in flight`,
    );
    const submit = await submitBench(first.address, first.child.pid!, o);
    await stopScheduler(first);
    log(
      `  ${submit.jobsPerSecond} jobs/s, p50 ${submit.p50Ms} ms, p99 ${submit.p99Ms} ms; ` +
        `scheduler CPU ${submit.schedulerCpuMsPerSubmit} ms, clients ${submit.clientCpuMsPerSubmit} ms per submit`,
    );
    // A fresh scheduler, so that the streams are measured alone and not the placement of the submitted backlog.
    const second = await startScheduler(join(dir, "agents"), o.profile);
    log(`${o.agents} agent streams reporting every second, measured for ${o.seconds} s`);
    const agents = await agentBench(second.address, second.child.pid!, o.agents, o.seconds);
    await stopScheduler(second);
    log(
      `  scheduler CPU ${agents.schedulerCpuPercentOfOneCore}% of one core, RSS ${agents.schedulerRssMiB} MiB`,
    );
    const results = join(here, "results");
    mkdirSync(results, { recursive: true });
    const file = join(results, "service.json");
    const machine = { cpus: availableParallelism(), loadAverage1m: loadavg()[0] };
    const report = { when: new Date().toISOString(), machine, submit, agents };
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${file}`);
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function positiveInteger(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag} must be an integer >= 1, got ${value}`);
  return n;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      client: { type: "boolean", default: false },
      submits: { type: "string" },
      concurrency: { type: "string" },
      clients: { type: "string" },
      agents: { type: "string" },
      seconds: { type: "string" },
      profile: { type: "string" },
    },
  });
  if (values.client) {
    const [address = "", first = "0", count = "0", inFlight = "1"] = positionals;
    await clientMain(address, Number(first), Number(count), Number(inFlight));
  } else {
    const d = defaultServiceBenchOptions;
    await runServiceBench({
      submits: positiveInteger("submits", values.submits, d.submits),
      concurrency: positiveInteger("concurrency", values.concurrency, d.concurrency),
      clients: positiveInteger("clients", values.clients, d.clients),
      agents: positiveInteger("agents", values.agents, d.agents),
      seconds: positiveInteger("seconds", values.seconds, d.seconds),
      profile: values.profile,
    });
  }
}
