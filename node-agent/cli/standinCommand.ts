import type { Command } from "commander";
import { ensureStandinLibrary } from "../standin/StandinBuild.ts";

/** `tessera standin --path`: builds the stand-in NVML library if needed and prints where it is. */
export function registerStandinCommand(program: Command): void {
  program
    .command("standin")
    .description(
      "The stand-in NVML library for hosts without NVIDIA GPUs: set TESSERA_NVML_LIBRARY to its path and " +
        "TESSERA_NVML_STANDIN_FLEET to a fleet file (docs/nvml.md)",
    )
    .option("--path", "build the library with cc if its sources changed, then print its absolute path")
    .action((options: { path?: boolean }, command: Command) => {
      if (!options.path) {
        command.help({ error: true });
        return;
      }
      try {
        console.log(ensureStandinLibrary());
      } catch (error) {
        console.error(`tessera standin: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      }
    });
}
