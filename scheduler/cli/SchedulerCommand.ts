import type { Command } from "commander";
import { attachFinops } from "../finops/SchedulerFinops.ts";
import { startHttpEndpoint } from "../service/HttpEndpoint.ts";
import { SchedulerFleetView } from "../service/SchedulerFleetView.ts";
import { type RunningScheduler, startSchedulerServer } from "../service/SchedulerServer.ts";
import { type SchedulerFlags, schedulerSettings } from "./SchedulerConfig.ts";

export interface StartedScheduler {
  running: RunningScheduler;
  httpUrl: string | undefined;
  stop(): Promise<void>;
}

/** Starts the scheduler (and its HTTP API when `--http` is given) from command-line settings. */
export async function startScheduler(
  flags: SchedulerFlags,
  log: (line: string) => void,
): Promise<StartedScheduler> {
  const settings = schedulerSettings(flags);
  const running = await startSchedulerServer({ ...settings, log });
  // Utilization history, idle reclaim and cost are kept in the scheduler's store whether or not HTTP is served.
  const finops = attachFinops(
    running.scheduler,
    new SchedulerFleetView(running.scheduler),
    settings.db,
    settings.finops,
    log,
  );
  let http: Awaited<ReturnType<typeof startHttpEndpoint>> | undefined;
  try {
    if (settings.http) {
      http = await startHttpEndpoint(running.scheduler, settings.http, {
        finops: finops.finops,
        token: settings.token,
      });
    }
  } catch (err) {
    finops.close();
    await running.close();
    throw new Error(`cannot start the HTTP API on ${settings.http}: ${(err as Error).message}`);
  }
  return {
    running,
    httpUrl: http?.url,
    async stop() {
      await http?.app.close();
      finops.close();
      await running.close();
    },
  };
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
}

export function registerSchedulerCommands(program: Command): void {
  program
    .command("scheduler")
    .description("run the scheduler: gRPC API, durable job store, placement, agent protocol")
    .option("--config <FILE>", "YAML file with any of the settings below (flags win)")
    .option("--listen <HOST:PORT>", "gRPC listen address (default 127.0.0.1:7070)")
    .option("--http <HOST:PORT>", "also serve the HTTP API, /metrics and the dashboard here")
    .option("--db <FILE>", "SQLite store file (default .tessera/scheduler.db)")
    .option("--lease <DURATION>", "a node without a report for this long is NotReady (default 10s)")
    .option("--heartbeat <DURATION>", "how often agents report (default lease/4)")
    .option(
      "--fencing-timeout <DURATION>",
      "agents stop their jobs after this long without contact; a lost node's jobs are requeued only then (default 5m)",
    )
    .option("--policy <NAME>", "placement policy of the engine (default tessera)")
    .option("--lost-node-policy <POLICY>", "requeue (default) or fail the jobs of a lost node")
    .option("--token-file <FILE>", "shared token agents and clients must present; required off loopback")
    .option(
      "--queues <FILE>",
      "queues, quotas and priority classes (YAML); reloaded on change and by `tessera quota --reload`",
    )
    .action(async (flags: SchedulerFlags) => {
      const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
      let started: StartedScheduler;
      try {
        started = await startScheduler(flags, log);
      } catch (err) {
        process.stderr.write(`error: ${(err as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      log(
        `scheduler listening on ${started.running.address} (gRPC)${started.httpUrl ? `, ${started.httpUrl} (HTTP)` : ""}`,
      );
      const signal = await untilSignal();
      log(`${signal}: shutting down`);
      await started.stop();
    });
}
