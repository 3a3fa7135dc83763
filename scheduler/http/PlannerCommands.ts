import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { isPolicyName, policyNames } from "../engine/PolicyRegistry.ts";
import { type PlanOption, parseFleetChanges, planCapacity } from "../finops/CapacityPlan.ts";
import { capacityPlanPlot, capacityPlanTable } from "../finops/CapacityPlanReport.ts";
import { parseDuration } from "../finops/FinopsConfig.ts";
import type { IdleAllocation } from "../finops/IdleDetector.ts";
import type { UsageReport } from "../finops/UsageReport.ts";
import type { UtilizationSample } from "../finops/UtilizationSample.ts";
import type { FleetJob, FleetNode } from "../readmodel/FleetReadModel.ts";
import { readTracePods } from "../simulator/TraceReader.ts";
import { type HttpClientFlags, TesseraHttpClient, withHttpClientFlags } from "./TesseraHttpClient.ts";
import { renderTop } from "./TopView.ts";
import { renderUsageReport } from "./UsageReportTable.ts";

async function topScreen(client: TesseraHttpClient): Promise<string> {
  const [{ nodes }, { jobs }, { samples }, { idle }] = await Promise.all([
    client.json<{ nodes: FleetNode[] }>("/v1/nodes"),
    client.json<{ jobs: FleetJob[] }>("/v1/jobs"),
    client.json<{ samples: UtilizationSample[] }>("/v1/utilization/latest"),
    client.json<{ idle: IdleAllocation[] }>("/v1/idle"),
  ]);
  return renderTop({ nodes, jobs, samples, idle });
}

/**
 * `tessera top`, `tessera report` and `tessera capacity plan`: operators' and planners' views over the HTTP API
 * (`capacity plan` hangs under the `capacity` command the scheduler client registers).
 */
export function registerPlannerCommands(program: Command): void {
  withHttpClientFlags(program.command("top"))
    .description(
      "live per-GPU view: utilization, memory, temperature, power, who holds each GPU and MIG instance",
    )
    .option("--interval <DURATION>", "refresh interval", "2s")
    .option("--once", "print one screen and exit (also when the output is not a terminal)")
    .action(async (flags: HttpClientFlags & { interval: string; once?: boolean }) => {
      const client = TesseraHttpClient.fromFlags(flags);
      const intervalMs = parseDuration(flags.interval, "--interval");
      if (flags.once || !process.stdout.isTTY) {
        process.stdout.write(`${await topScreen(client)}\n`);
        return;
      }
      const quit = quitKeys();
      while (!quit.signal.aborted) {
        const screen = await topScreen(client).catch((error: Error) => `tessera top: ${error.message}`);
        // Clear and home, then draw: a full repaint keeps the view simple and flicker is negligible.
        process.stdout.write(
          `\x1b[2J\x1b[H${new Date().toLocaleTimeString()}  ${client.baseUrl}   (q to quit)\n${screen}\n`,
        );
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, intervalMs);
          quit.signal.addEventListener("abort", () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    });

  withHttpClientFlags(program.command("report"))
    .description("GPU-hours, cost and idle cost per tenant and model for a period")
    .option(
      "--from <TIME>",
      "start: now-7d, epoch ms or ISO 8601 (2026-11-01 or 2026-11-01T08:00:00Z)",
      "now-7d",
    )
    .option("--to <TIME>", "end, same forms as --from", "now")
    .option("--csv", "print CSV (one line per tenant and model)")
    .option("--json", "print the API's JSON")
    .action(async (flags: HttpClientFlags & { from: string; to: string; csv?: boolean; json?: boolean }) => {
      if (flags.csv && flags.json) throw new Error("--csv and --json exclude each other: pick one");
      const client = TesseraHttpClient.fromFlags(flags);
      const query = `from=${encodeURIComponent(flags.from)}&to=${encodeURIComponent(flags.to)}`;
      if (flags.csv) {
        process.stdout.write(await client.text(`/v1/reports/usage?${query}&format=csv`));
        return;
      }
      const report = await client.json<UsageReport>(`/v1/reports/usage?${query}`);
      process.stdout.write(`${flags.json ? JSON.stringify(report, null, 2) : renderUsageReport(report)}\n`);
    });

  const capacity = program.commands.find((c) => c.name() === "capacity") ?? program.command("capacity");
  withHttpClientFlags(capacity.command("plan"))
    .description(
      "replay a workload trace through the placement engine on today's fleet and on changed fleets; " +
        "answers queueing delay and allocation per option (table, and an SVG plot)",
    )
    .requiredOption("--pods <TRACE>", "pod list CSV (Alibaba GPU v2023 format: creation and deletion times)")
    .option(
      "--add <CHANGE>",
      "an option with more GPUs: COUNTxMODEL, e.g. 16xH100 (repeat for more options)",
      collect,
      [],
    )
    .option(
      "--remove <CHANGE>",
      "an option with fewer GPUs: COUNTxMODEL or a node name (repeatable)",
      collect,
      [],
    )
    .option("--policy <NAME>", `placement policy: ${policyNames.join(", ")}`, "tessera")
    .option("--seed <N>", "seed for the engine's tie-breaking", "42")
    .option("--plot <FILE>", "where to write the SVG plot", "capacity-plan.svg")
    .option("--json <FILE>", "also write every option's figures as JSON")
    .action(
      async (
        flags: HttpClientFlags & {
          pods: string;
          add: string[];
          remove: string[];
          policy: string;
          seed: string;
          plot: string;
          json?: string;
        },
      ) => {
        if (!isPolicyName(flags.policy)) {
          throw new Error(`--policy "${flags.policy}" is not one of ${policyNames.join(", ")}`);
        }
        const seed = Number(flags.seed);
        if (!Number.isInteger(seed)) throw new Error(`--seed "${flags.seed}" must be an integer`);
        const { nodes } = await TesseraHttpClient.fromFlags(flags).json<{ nodes: FleetNode[] }>("/v1/nodes");
        if (nodes.length === 0) throw new Error("the scheduler knows no nodes yet: start agents, then plan");
        const models = [...new Set(nodes.flatMap((n) => n.gpus.map((g) => g.modelId)))];
        const names = nodes.map((n) => n.name);
        const options: PlanOption[] = [
          ...flags.add.map((v) => ({ label: `+${v}`, changes: parseFleetChanges(v, "add", models, names) })),
          ...flags.remove.map((v) => ({
            label: `-${v}`,
            changes: parseFleetChanges(v, "remove", models, names),
          })),
        ];
        const pods = readTracePods(flags.pods);
        let lastReport = 0;
        const outcomes = planCapacity({
          fleet: nodes,
          pods,
          podsFile: flags.pods,
          options,
          policy: flags.policy,
          seed,
          onProgress: (label, done, total) => {
            if (Date.now() - lastReport < 1000 && done < total) return;
            lastReport = Date.now();
            process.stderr.write(`capacity plan ${label}: ${done}/${total} pods replayed\n`);
          },
        });
        writeFileSync(flags.plot, capacityPlanPlot(outcomes));
        if (flags.json) {
          const figures = outcomes.map(({ replay: { curve: _curve, ...figures }, ...o }) => ({
            ...o,
            ...figures,
          }));
          writeFileSync(flags.json, `${JSON.stringify({ pods: flags.pods, options: figures }, null, 2)}\n`);
        }
        process.stdout.write(
          `${pods.length} pods from ${flags.pods}, policy ${flags.policy}\n\n${capacityPlanTable(outcomes)}\n\nplot: ${flags.plot}\n`,
        );
      },
    );
}

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * `q` (or Ctrl-C) on a terminal ends the live view: stdin in raw mode, so keys arrive without Enter. The signal
 * aborts once, after which stdin is restored and released.
 */
function quitKeys(): AbortController {
  const quit = new AbortController();
  const stdin = process.stdin;
  if (!stdin.isTTY) return quit;
  stdin.setRawMode(true);
  stdin.resume();
  const onKey = (key: Buffer) => {
    const text = key.toString();
    if (text !== "q" && text !== "Q" && text !== "\u0003") return;
    stdin.off("data", onKey);
    stdin.setRawMode(false);
    stdin.pause();
    quit.abort();
  };
  stdin.on("data", onKey);
  return quit;
}
