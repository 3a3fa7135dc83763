import { Command } from "commander";

type Register = (program: Command) => void;

/**
 * Each component's commands, by the top-level names they register. A run imports only the set of the command it
 * runs (`tessera jobs` never loads fastify, the engine, SQLite or the NVML binding); help loads them all.
 */
export const commandSets: readonly { names: readonly string[]; load: () => Promise<Register> }[] = [
  {
    names: ["discover", "mig", "standin"],
    load: async () => (await import("../node-agent/cli/nvmlCommands.ts")).registerNvmlCommands,
  },
  {
    names: ["device-plugin"],
    load: async () =>
      (await import("../plugins/deviceplugin/DevicePluginCommand.ts")).registerDevicePluginCommands,
  },
  { names: ["up"], load: async () => (await import("../scheduler/cli/UpCommand.ts")).registerUpCommands },
  {
    names: ["scheduler"],
    load: async () => (await import("../scheduler/cli/SchedulerCommand.ts")).registerSchedulerCommands,
  },
  {
    names: ["submit", "jobs", "job", "cancel", "logs", "nodes", "capacity", "watch"],
    load: async () => (await import("../scheduler/cli/ClientCommands.ts")).registerClientCommands,
  },
  {
    names: ["status"],
    load: async () => (await import("../scheduler/cli/StatusCommand.ts")).registerStatusCommand,
  },
  { names: ["agent"], load: async () => (await import("./AgentCommand.ts")).registerAgentCommands },
  {
    // `capacity plan` joins the client commands' `capacity`.
    names: ["top", "report", "capacity"],
    load: async () => (await import("../scheduler/http/PlannerCommands.ts")).registerPlannerCommands,
  },
  {
    names: ["simulate"],
    load: async () => (await import("../scheduler/simulator/SimulateCommand.ts")).registerSimulateCommands,
  },
  {
    names: ["queues", "quota"],
    load: async () => (await import("../scheduler/cli/QueueCommands.ts")).registerQueueCommands,
  },
  { names: ["vm"], load: async () => (await import("../plugins/vm/VmCommands.ts")).registerVmCommands },
  {
    names: ["certs"],
    load: async () => (await import("../scheduler/security/CertsCommand.ts")).registerCertsCommand,
  },
  {
    names: ["audit"],
    load: async () => (await import("../scheduler/cli/AuditCommand.ts")).registerAuditCommand,
  },
  {
    names: ["store"],
    load: async () => (await import("../scheduler/store/StoreCommands.ts")).registerStoreCommands,
  },
];

/** The command a command line runs: its first word that is not an option (top-level options take no value). */
function commandName(argv: readonly string[]): string | undefined {
  return argv.slice(2).find((word) => !word.startsWith("-"));
}

/**
 * Builds the `tessera` command tree with the commands `argv` needs: only the set of the command it names, or all
 * of them (for help, an unknown command, or when `argv` is not given). `--version` alone needs none.
 */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command();
  program
    .name("tessera")
    .description("GPU partitioning scheduler: MIG instances, shares, whole GPUs and GPU VMs for AI workloads")
    .version("0.1.0")
    // A command's options are its own: `capacity plan --json FILE` is not the parent `capacity --json`.
    .enablePositionalOptions();
  const name = argv ? commandName(argv) : undefined;
  const versionOnly =
    argv !== undefined && name === undefined && argv.slice(2).every((w) => w === "--version" || w === "-V");
  if (versionOnly) return program;
  const needed = commandSets.filter((s) => name !== undefined && s.names.includes(name));
  for (const set of needed.length > 0 ? needed : commandSets) (await set.load())(program);
  return program;
}

/**
 * Commands that are over once their action returns (each awaits its calls and closes its connection): after one
 * of them the process ends as soon as its output is out, without Node's teardown of the heap or the wait for the
 * connection to close (~7 ms of CPU at every `tessera jobs`). A command that returns while a server it started
 * goes on (scheduler, agent, up ...) must not be here.
 */
const overWhenActionReturns = new Set(["submit", "jobs", "job", "cancel", "logs", "nodes", "watch"]);

/** Ends the process with its exit code once stdout and stderr handed what was written to them to the OS. */
async function exitWhenWritten(): Promise<never> {
  // A write to a pipe may still be pending (asynchronous on POSIX); an empty write's callback comes after it.
  await Promise.all(
    [process.stdout, process.stderr].map((out) => new Promise((done) => out.write("", done))),
  );
  process.exit();
}

/**
 * Runs the CLI (the process's entry, bin/tessera.js); an error a command throws is printed as its message alone,
 * without a stack trace.
 */
export async function main(argv: string[]): Promise<void> {
  try {
    await (await buildProgram(argv)).parseAsync(argv);
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
  const name = commandName(argv);
  if (name !== undefined && overWhenActionReturns.has(name)) await exitWhenWritten();
}
