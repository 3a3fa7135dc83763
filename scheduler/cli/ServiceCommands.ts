import type { Command } from "commander";
import { registerAgentCommands } from "../../node-agent/agent/AgentCommand.ts";
import { registerClientCommands } from "./ClientCommands.ts";
import { registerSchedulerCommands } from "./SchedulerCommand.ts";
import { registerStatusCommand } from "./StatusCommand.ts";
import { registerUpCommands } from "./UpCommand.ts";

/** `tessera scheduler|agent|up` and the client commands (status, submit, jobs, job, cancel, logs, nodes, watch, capacity). */
export function registerServiceCommands(program: Command): void {
  registerUpCommands(program);
  registerSchedulerCommands(program);
  registerAgentCommands(program);
  registerClientCommands(program);
  registerStatusCommand(program);
}
