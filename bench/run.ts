/**
 * Benchmarks: `npm run bench -- [NAME...] [--seeds N] [--seed-set development|deciding] [--ceiling] [--traces a,b]
 * [--policies a,b] [--mig-fleet] [--runs N] [--sources]`.
 * Each benchmark writes JSON under bench/results/ and prints a summary. Add a benchmark by adding an entry to
 * `benchmarks` below.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { isPolicyName, type PolicyName, policyNames } from "../scheduler/engine/PolicyRegistry.ts";
import { runAgentFleetBench } from "./agent-fleet.ts";
import { runAgentFootprintBench } from "./agent-footprint.ts";
import { type CliTiming, runCliBench } from "./cli.ts";
import { runFailoverBench } from "./failover.ts";
import {
  paperTraces,
  qualityTable,
  runQualityBench,
  type SeedSet,
  seedSets,
} from "./placement/QualityBench.ts";
import { runSpeedBenchInProcess } from "./placement/SpeedBench.ts";
import { defaultServiceBenchOptions, runServiceBench } from "./service.ts";
import { runUpStartBench } from "./up-start.ts";

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "results");

interface BenchArgs {
  seeds: number;
  seedSet: SeedSet;
  ceiling: boolean;
  traces: string[];
  policies: PolicyName[];
  migFleet: boolean;
  /** Runs per command of the CLI and `tessera up` benchmarks. */
  runs: number;
  /** placement-speed runs the TypeScript sources through tsx instead of the compiled build. */
  sources: boolean;
}

interface Benchmark {
  name: string;
  description: string;
  run(args: BenchArgs): void | Promise<void>;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function save(name: string, data: unknown): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

const benchmarks: Benchmark[] = [
  {
    name: "placement-quality",
    description:
      "every policy on the FGD paper's 17 pod lists, GPU allocation at arrived 100%, mean over seeds",
    async run(a) {
      const seeds = seedSets[a.seedSet].slice(0, a.seeds);
      const { cells, traces } = await runQualityBench({
        traces: a.traces,
        policies: a.policies,
        seeds,
        migFleet: a.migFleet,
        ceiling: a.ceiling,
        log,
      });
      const name = `placement-quality${a.migFleet ? "-mig" : ""}${a.seedSet === "deciding" ? "-deciding" : ""}`;
      const file = save(name, { seedSet: a.seedSet, seeds, cells, traces });
      process.stdout.write(
        `\nGPU allocation (%) at arrived workload 100%, mean over ${a.seedSet} seeds ${seeds.join(",")}` +
          `${a.migFleet ? " (MIG fleet)" : ""}\n\n${qualityTable(cells, traces)}\n\n(${file})\n`,
      );
      const tessera = cells.find((c) => c.trace === "default" && c.policy === "tessera");
      if (tessera) {
        process.stdout.write(
          `whole default replay (${tessera.seeds.length} seeds): ${tessera.meanWallSeconds.toFixed(2)} s per run` +
            " (the FGD authors' simulator: 30-45 minutes)\n",
        );
      }
    },
  },
  {
    name: "placement-speed",
    description:
      "decisions/s and p50/p99 per decision at 1k, 8k and 64k GPUs; peak RSS (compiled build; --sources: tsx)",
    run(a) {
      const { results, peakRssMiB, code } = runSpeedBenchInProcess(a.sources ? "sources" : "compiled", log);
      for (const r of results) {
        log(
          `  ${r.gpus} GPUs (${r.nodes} nodes, ${r.classes} classes): ${Math.round(r.decisionsPerSecond)} decisions/s,` +
            ` p50 ${r.p50Micros.toFixed(0)} us, p99 ${r.p99Micros.toFixed(0)} us, decisions sha256 ${r.decisionsSha256.slice(0, 16)}`,
        );
      }
      const file = save("placement-speed", { code, results, peakRssMiB });
      const lines = [
        "| GPUs | nodes | classes | decisions/s | p50 (us) | p99 (us) |",
        "|---:|---:|---:|---:|---:|---:|",
        ...results.map(
          (r) =>
            `| ${r.gpus} | ${r.nodes} | ${r.classes} | ${Math.round(r.decisionsPerSecond)} | ${r.p50Micros.toFixed(0)} | ${r.p99Micros.toFixed(0)} |`,
        ),
      ];
      process.stdout.write(
        `\nPlacement speed (tessera policy, one core, ${code} code)\n\n${lines.join("\n")}\n`,
      );
      process.stdout.write(`peak RSS (after the 64k-GPU run): ${peakRssMiB.toFixed(0)} MiB\n(${file})\n`);
    },
  },
  {
    name: "service",
    description:
      "durable submits/s and p99 through gRPC to a scheduler process; the scheduler holding 1,000 agent streams",
    async run() {
      await runServiceBench(defaultServiceBenchOptions);
    },
  },
  {
    name: "cli",
    description:
      "wall of `tessera --version`, `jobs` and `submit` against a live scheduler: compiled build vs sources (tsx)",
    async run(a) {
      const result = await runCliBench(a.runs, log);
      const file = save("cli", result);
      const rows = (result.timings as CliTiming[]).map(
        (t) => `| \`${t.command}\` | ${t.from} | ${t.runs} | ${t.medianMs} | ${t.p90Ms} | ${t.medianCpuMs} |`,
      );
      process.stdout.write(
        `\nCLI wall time (ms)\n\n| command | from | runs | median | p90 | CPU (median) |\n|---|---|---:|---:|---:|---:|\n${rows.join("\n")}\n(${file})\n`,
      );
    },
  },
  {
    name: "up-start",
    description:
      "`tessera up` until every simulated agent of the default fleet is connected (fresh data folder)",
    async run(a) {
      const result = await runUpStartBench(a.runs, log);
      const file = save("up-start", result);
      process.stdout.write(
        `\n\`tessera up\` until all ${result.agents} agents are connected, ${result.runs} runs each: compiled median ${result.medianAllConnectedMs} ms (p90 ${result.p90AllConnectedMs} ms), sources median ${result.sourcesMedianAllConnectedMs} ms\n(${file})\n`,
      );
    },
  },
  {
    name: "agent-fleet",
    description:
      "one scheduler, 1,000 thin agents reporting every second for 40 s: whole reports, then deltas (fresh scheduler each)",
    async run() {
      // 40 s: longer than the agents' period of whole reports (30 s), so their cost is in the figure.
      const result = await runAgentFleetBench(1000, 40, log);
      const file = save("agent-fleet", result);
      const row = (mode: string, r: unknown) => {
        const m = r as Record<string, number>;
        return `| ${mode} | ${m.schedulerCpuPercentOfOneCore}% | ${m.schedulerRssMiB} MiB | ${m.bytesPerReport} |`;
      };
      process.stdout.write(
        `\n1,000 agents reporting every second, one scheduler\n\n| reports | scheduler CPU (one core) | RSS | bytes per report |\n|---|---:|---:|---:|\n${row("whole", result.whole)}\n${row("delta", result.delta)}\nCPU ratio whole/delta: ${result.cpuRatioWholeToDelta}\n(${file})\n`,
      );
    },
  },
  {
    name: "agent-footprint",
    description:
      "one idle agent with 8 stand-in GPUs, connected: RSS and CPU over 20 s, then over the next 20 s",
    async run() {
      const result = await runAgentFootprintBench(20, log);
      const file = save("agent-footprint", result);
      process.stdout.write(
        `\nidle agent, 8 GPUs: RSS ${result.idleRssMiB} MiB, CPU ${result.idleCpuPercentOfOneCore}% of one core; settled: RSS ${result.settledRssMiB} MiB, CPU ${result.settledCpuPercentOfOneCore}% (connected ${result.connectedMs} ms after start)\n(${file})\n`,
      );
    },
  },
  {
    name: "failover",
    description:
      "scheduler replicas on a 3-member etcd: leader death to first accepted submit on the new leader (10 SIGKILLs); durable submits/s, etcd beside SQLite",
    async run() {
      await runFailoverBench(10);
    },
  },
];

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      seeds: { type: "string", default: "10" },
      "seed-set": { type: "string", default: "development" },
      ceiling: { type: "boolean", default: false },
      traces: { type: "string" },
      policies: { type: "string" },
      "mig-fleet": { type: "boolean", default: false },
      runs: { type: "string", default: "20" },
      sources: { type: "boolean", default: false },
    },
  });
  const seeds = Number(values.seeds);
  if (!Number.isInteger(seeds) || seeds < 1)
    throw new Error(`--seeds must be an integer >= 1, got ${values.seeds}`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be an integer >= 1, got ${values.runs}`);
  const policies = (values.policies?.split(",") ?? [...policyNames]).map((p) => {
    if (!isPolicyName(p)) throw new Error(`unknown policy ${p}; use ${policyNames.join(", ")}`);
    return p;
  });
  const seedSet = values["seed-set"] ?? "development";
  if (seedSet !== "development" && seedSet !== "deciding")
    throw new Error(`--seed-set must be development or deciding, got ${seedSet}`);
  if (seeds > seedSets[seedSet].length)
    throw new Error(
      `--seeds must be at most ${seedSets[seedSet].length} for the ${seedSet} seeds, got ${seeds}`,
    );
  const args: BenchArgs = {
    seeds,
    seedSet,
    ceiling: values.ceiling ?? false,
    traces: values.traces?.split(",") ?? [...paperTraces],
    policies,
    migFleet: values["mig-fleet"] ?? false,
    runs,
    sources: values.sources ?? false,
  };
  const chosen = positionals.length > 0 ? positionals : benchmarks.map((b) => b.name);
  for (const name of chosen) {
    const bench = benchmarks.find((b) => b.name === name);
    if (!bench)
      throw new Error(`unknown benchmark ${name}; known: ${benchmarks.map((b) => b.name).join(", ")}`);
    log(`== ${bench.name}: ${bench.description}`);
    await bench.run(args);
  }
}

await main();
