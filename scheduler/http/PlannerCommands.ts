import type { Command } from "commander";
import { parseDuration } from "../finops/FinopsConfig.ts";
import type { IdleAllocation } from "../finops/IdleDetector.ts";
import type { UsageReport } from "../finops/UsageReport.ts";
import type { UtilizationSample } from "../finops/UtilizationSample.ts";
import type { FleetJob, FleetNode } from "./FleetReadModel.ts";
import { defaultHttpUrl, httpBaseUrl, httpEnvVar, TesseraHttpClient } from "./TesseraHttpClient.ts";
import { renderTop } from "./TopView.ts";
import { renderUsageReport } from "./UsageReportTable.ts";

const httpOption = [
  "--http <URL>",
  `scheduler HTTP API (default $${httpEnvVar} or ${defaultHttpUrl})`,
] as const;

async function topScreen(client: TesseraHttpClient): Promise<string> {
  const [{ nodes }, { jobs }, { samples }, { idle }] = await Promise.all([
    client.json<{ nodes: FleetNode[] }>("/v1/nodes"),
    client.json<{ jobs: FleetJob[] }>("/v1/jobs"),
    client.json<{ samples: UtilizationSample[] }>("/v1/utilization/latest"),
    client.json<{ idle: IdleAllocation[] }>("/v1/idle"),
  ]);
  return renderTop({ nodes, jobs, samples, idle });
}

/** `tessera top` and `tessera report`: operators' and planners' views over the HTTP API. */
export function registerPlannerCommands(program: Command): void {
  program
    .command("top")
    .description(
      "live per-GPU view: utilization, memory, temperature, power, who holds each GPU and MIG instance",
    )
    .option(...httpOption)
    .option("--interval <DURATION>", "refresh interval", "2s")
    .option("--once", "print one screen and exit (also when the output is not a terminal)")
    .action(async (flags: { http?: string; interval: string; once?: boolean }) => {
      const client = new TesseraHttpClient(httpBaseUrl(flags.http));
      const intervalMs = parseDuration(flags.interval, "--interval");
      if (flags.once || !process.stdout.isTTY) {
        process.stdout.write(`${await topScreen(client)}\n`);
        return;
      }
      for (;;) {
        const screen = await topScreen(client).catch((error: Error) => `tessera top: ${error.message}`);
        // Clear and home, then draw: a full repaint keeps the view simple and flicker is negligible.
        process.stdout.write(
          `\x1b[2J\x1b[H${new Date().toLocaleTimeString()}  ${client.baseUrl}\n${screen}\n`,
        );
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    });

  program
    .command("report")
    .description("GPU-hours, cost and idle cost per tenant and model for a period")
    .option(...httpOption)
    .option(
      "--from <TIME>",
      "start: now-7d, epoch ms or ISO 8601 (2026-11-01 or 2026-11-01T08:00:00Z)",
      "now-7d",
    )
    .option("--to <TIME>", "end, same forms as --from", "now")
    .option("--csv", "print CSV (one line per tenant and model)")
    .option("--json", "print the API's JSON")
    .action(async (flags: { http?: string; from: string; to: string; csv?: boolean; json?: boolean }) => {
      if (flags.csv && flags.json) throw new Error("--csv and --json exclude each other: pick one");
      const client = new TesseraHttpClient(httpBaseUrl(flags.http));
      const query = `from=${encodeURIComponent(flags.from)}&to=${encodeURIComponent(flags.to)}`;
      if (flags.csv) {
        process.stdout.write(await client.text(`/v1/reports/usage?${query}&format=csv`));
        return;
      }
      const report = await client.json<UsageReport>(`/v1/reports/usage?${query}`);
      process.stdout.write(`${flags.json ? JSON.stringify(report, null, 2) : renderUsageReport(report)}\n`);
    });
}
