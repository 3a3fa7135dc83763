import type { Command } from "commander";
import { registerDiscoverCommand } from "./discoverCommand.ts";
import { registerMigCommands } from "./migCommands.ts";
import { registerStandinCommand } from "./standinCommand.ts";

/** The NVML-facing commands: `discover`, `mig apply|show|clear`, `standin --path`. */
export function registerNvmlCommands(program: Command): void {
  registerDiscoverCommand(program);
  registerMigCommands(program);
  registerStandinCommand(program);
}
