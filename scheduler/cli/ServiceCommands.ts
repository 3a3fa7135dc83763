import type { Command } from "commander";
import { registerClientCommands } from "./ClientCommands.ts";
import { registerSchedulerCommands } from "./SchedulerCommand.ts";
import { registerStatusCommand } from "./StatusCommand.ts";
import { registerUpCommands } from "./UpCommand.ts";

/** `tessera scheduler|up` and the client commands (status, submit, jobs, job, cancel, logs, nodes, watch, capacity). */
export function registerServiceCommands(program: Command): void {
  registerUpCommands(program);
  registerSchedulerCommands(program);
  registerClientCommands(program);
  registerStatusCommand(program);
}
