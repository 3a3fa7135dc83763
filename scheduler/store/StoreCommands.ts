import type { Command } from "commander";
import { checkStore } from "./StoreCheck.ts";

/** `tessera store check`. */
export function registerStoreCommands(program: Command): void {
  program
    .command("store")
    .description("the scheduler's SQLite store")
    .command("check")
    .description(
      "check every page and job row of a store file (read-only; run it with the scheduler stopped)",
    )
    .option("--db <FILE>", "the store file", ".tessera/scheduler.db")
    .action((flags: { db: string }) => {
      const problems = checkStore(flags.db);
      if (problems.length === 0) {
        process.stdout.write(`${flags.db}: ok\n`);
        return;
      }
      for (const p of problems) process.stdout.write(`${p}\n`);
      process.stdout.write(
        `${problems.length} problem(s): restore ${flags.db} from a backup, or move it aside to start empty\n`,
      );
      process.exitCode = 1;
    });
}
