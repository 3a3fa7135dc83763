import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { ensureStandinLibrary, ensureStandinMpsControl } from "../../node-agent/standin/StandinBuild.ts";
import { referenceHost } from "../../proto/catalog/ReferenceServers.ts";
import { sourceTreePath } from "../../proto/SourceTree.ts";
import { parseHostPort } from "../../proto/tessera/SchedulerEndpoint.ts";
import type { Scheduler } from "../service/Scheduler.ts";
import { type StartedScheduler, startScheduler, untilSignal } from "./SchedulerCommand.ts";
import { defaultSimulatedFleet, parseFleetSpec, writeSimulatedNode } from "./SimulatedFleet.ts";

const cliEntry = sourceTreePath("bin", "tessera.js");

interface UpFlags {
  dataDir: string;
  listen: string;
  http: string;
  fleet?: string;
  agents: boolean;
  lease?: string;
  policy?: string;
  config?: string;
}

/** The longest the HTTP API waits for the agents' registration. */
const agentsReadyWaitMs = 10_000;

/** `tessera up`: the scheduler with its embedded store plus simulated agents on the stand-in NVML library. */
export function registerUpCommands(program: Command): void {
  program
    .command("up")
    .description(
      "start a scheduler, its store and simulated GPU agents (stand-in NVML) on this host; Ctrl-C stops all",
    )
    .option("--data-dir <DIR>", "store, agent state, job logs", ".tessera")
    .option("--listen <HOST:PORT>", "scheduler gRPC address", "127.0.0.1:7070")
    .option("--http <HOST:PORT>", "HTTP API and dashboard address", "127.0.0.1:7080")
    .option(
      "--fleet <SPEC>",
      "simulated nodes, e.g. h100:2,a100:1,l4:1 (default: one H100, one A100, one L4 node)",
    )
    .option("--no-agents", "start only the scheduler")
    .option("--lease <DURATION>", "node lease (default 10s)")
    .option("--policy <NAME>", "placement policy (default tessera)")
    .option(
      "--config <FILE>",
      "scheduler settings file (YAML, as `tessera scheduler --config`): prices and idle reclaim in its finops section",
    )
    .action(async (flags: UpFlags) => {
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const dataDir = resolve(flags.dataDir);
      const agents: ChildProcess[] = [];
      let mpsRoot: string | undefined;
      let started: StartedScheduler | undefined;
      try {
        const fleet = flags.fleet ? parseFleetSpec(flags.fleet) : [...defaultSimulatedFleet];
        mkdirSync(dataDir, { recursive: true });
        const library = flags.agents ? ensureStandinLibrary() : "";
        // The simulated nodes run the stand-in MPS control daemon, so their shares have MPS limits as on a GPU host.
        const mpsControl = flags.agents ? ensureStandinMpsControl() : "";
        // The daemons' sockets must fit a unix socket's path, which a folder deep in a checkout may not leave
        // room for: one short folder per run, readable by the users jobs run as.
        mpsRoot = flags.agents ? mkdtempSync(join(tmpdir(), "tessera-mps-")) : undefined;
        if (mpsRoot) chmodSync(mpsRoot, 0o755);
        const nodes = (flags.agents ? fleet : []).map((node) => {
          const nodeDir = join(dataDir, "nodes", node.name);
          return { node, nodeDir, ...writeSimulatedNode(nodeDir, node) };
        });
        // Agents start as soon as the gRPC API listens; the HTTP API loads once they are Ready (or a while has
        // passed, or one exited): loading fastify would hold up the answers to their registration.
        const startAgents = (address: string, scheduler: Scheduler): Promise<void> => {
          let exited = false;
          for (const { node, nodeDir, fleetFile, stateFile } of nodes) {
            const host = referenceHost(node.models[0]!, node.models.length);
            const child = spawn(
              process.execPath,
              [
                cliEntry,
                "agent",
                "--scheduler",
                address,
                "--node",
                node.name,
                "--data-dir",
                join(nodeDir, "agent"),
                "--stop-jobs-on-exit",
                // Stopped with their jobs even where `up` itself cannot stop them (kill -9, the terminal closed).
                "--exit-with-parent",
                // Simulated nodes of one host would share one CDI spec path (and its device names): no containers.
                "--container-runtime",
                "none",
                "--mps-control",
                mpsControl,
                "--mps-root",
                join(mpsRoot ?? "", node.name),
                // The CPU and memory of a real server of this GPU model, not this host's.
                "--cpus",
                String(host.cpuMillis / 1000),
                "--memory",
                `${host.memoryMiB}MiB`,
              ],
              {
                env: {
                  ...process.env,
                  TESSERA_NVML_LIBRARY: library,
                  TESSERA_NVML_STANDIN_FLEET: fleetFile,
                  TESSERA_NVML_STANDIN_STATE: stateFile,
                },
                // The agent's stdin is its lifeline (--exit-with-parent): it closes when `up` ends, however it ends.
                stdio: ["pipe", "inherit", "inherit"],
                // Out of the terminal's process group: Ctrl-C reaches only `tessera up`, which stops placing before
                // it stops the agents (and no job being spawned at that moment catches the terminal's SIGINT).
                detached: true,
              },
            );
            agents.push(child);
            child.on("exit", (code, signal) => {
              exited = true;
              if (started) log(`agent ${node.name} exited (${signal ?? `code ${code}`})`);
            });
          }
          const since = Date.now();
          return new Promise((resolve) => {
            const check = setInterval(() => {
              const ready = nodes.every(({ node }) => scheduler.node(node.name)?.state === "Ready");
              if (ready || exited || Date.now() - since > agentsReadyWaitMs) {
                clearInterval(check);
                resolve();
              }
            }, 20);
          });
        };
        started = await startScheduler(
          {
            listen: flags.listen,
            http: flags.http,
            db: join(dataDir, "scheduler.db"),
            lease: flags.lease,
            policy: flags.policy,
            config: flags.config,
          },
          (line) => log(`scheduler: ${line}`),
          startAgents,
        );
        const address = started.running.address;

        const { port } = parseHostPort(address, "address");
        const env = port === 7070 ? "" : ` (export TESSERA_SCHEDULER=${address})`;
        process.stdout.write(
          [
            "",
            "Tessera is up.",
            `  gRPC API:   ${address}${env}`,
            `  HTTP API:   ${started.httpUrl}/v1/jobs   (OpenAPI: ${started.httpUrl}/openapi.json)`,
            `  Dashboard:  ${started.httpUrl}/dashboard/`,
            `  Data:       ${dataDir}`,
            `  Agents:     ${flags.agents ? fleet.map((n) => `${n.name} (${n.models.length}x ${n.models[0]})`).join(", ") : "none"}`,
            "",
            "Try:",
            "  npx tessera submit --name hello --mig 1g.10gb -- sh -c 'echo hello from $CUDA_VISIBLE_DEVICES'",
            "  npx tessera jobs",
            "  npx tessera logs <ID>",
            "",
            "Ctrl-C stops everything.",
            "",
          ].join("\n"),
        );
      } catch (err) {
        process.stderr.write(`error: ${(err as Error).message}\n`);
        process.exitCode = 1;
        for (const a of agents) a.kill("SIGTERM");
        await started?.stop();
        if (mpsRoot) rmSync(mpsRoot, { recursive: true, force: true });
        return;
      }
      const signal = await untilSignal();
      // A second Ctrl-C does not wait for the orderly stop: the agents are killed and `tessera up` exits.
      const forceStop = () => {
        for (const a of agents) a.kill("SIGKILL");
        process.exit(130);
      };
      process.once("SIGINT", forceStop);
      process.once("SIGTERM", forceStop);
      const stopping = started;
      started = undefined;
      // Nothing may start on an agent that is going away: placing stops before the agents are told to stop. They
      // then stop their jobs and report them as stopped by an operator's shutdown, which requeues them.
      await stopping.running.scheduler.stopPlacing();
      log(`${signal}: placement stopped at ${new Date().toISOString()}; stopping agents and the scheduler`);
      await Promise.all(
        agents.map(
          (a) =>
            new Promise<void>((done) => {
              if (a.exitCode !== null || a.signalCode !== null) return done();
              a.once("exit", () => done());
              a.kill("SIGTERM");
              setTimeout(() => a.kill("SIGKILL"), 8000).unref();
            }),
        ),
      );
      await stopping.stop();
      // The agents stopped their daemons with their jobs.
      if (mpsRoot) rmSync(mpsRoot, { recursive: true, force: true });
      log("stopped");
    });
}
