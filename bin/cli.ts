import { Command } from "commander";
import { registerNvmlCommands } from "../node-agent/cli/nvmlCommands.ts";
import { registerDevicePluginCommands } from "../plugins/deviceplugin/DevicePluginCommand.ts";
import { registerVmCommands } from "../plugins/vm/VmCommands.ts";
import { registerQueueCommands } from "../scheduler/cli/QueueCommands.ts";
import { registerServiceCommands } from "../scheduler/cli/ServiceCommands.ts";
import { registerPlannerCommands } from "../scheduler/http/PlannerCommands.ts";
import { registerAuditCommand } from "../scheduler/security/AuditCommand.ts";
import { registerCertsCommand } from "../scheduler/security/CertsCommand.ts";
import { registerSimulateCommands } from "../scheduler/simulator/SimulateCommand.ts";
import { registerStoreCommands } from "../scheduler/store/StoreCommands.ts";
import { registerAgentCommands } from "./AgentCommand.ts";

/** Builds the `tessera` command tree. Each component registers its own commands. */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name("tessera")
    .description("GPU partitioning scheduler: MIG instances, shares, whole GPUs and GPU VMs for AI workloads")
    .version("0.1.0")
    // A command's options are its own: `capacity plan --json FILE` is not the parent `capacity --json`.
    .enablePositionalOptions();
  registerNvmlCommands(program);
  registerDevicePluginCommands(program);
  registerServiceCommands(program);
  registerAgentCommands(program);
  registerPlannerCommands(program);
  registerSimulateCommands(program);
  registerQueueCommands(program);
  registerVmCommands(program);
  registerCertsCommand(program);
  registerAuditCommand(program);
  registerStoreCommands(program);
  return program;
}

/** Runs the CLI; an error a command throws is printed as its message alone, without a stack trace. */
export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
