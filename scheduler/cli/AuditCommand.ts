import type { Command } from "commander";
import { table } from "../format/TextTable.ts";
import { action, print } from "./ClientCommands.ts";
import { type ClientFlags, connect, withClientFlags } from "./ClientConnection.ts";

/** `tessera audit`: who submitted, cancelled, changed quotas and nodes (admins only). */
export function registerAuditCommand(program: Command): void {
  withClientFlags(
    program
      .command("audit")
      .description("who submitted, cancelled, reloaded quotas, registered nodes (needs the admin role)")
      .option("--limit <N>", "the newest N entries", "100")
      .option("--json", "print JSON"),
  ).action(
    action(async (flags: ClientFlags & { limit: string; json?: boolean }) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
        throw new Error(`--limit ${flags.limit.slice(0, 20)}: give a whole number 1..10000`);
      }
      const client = await connect(flags);
      try {
        const entries = await client.audit(limit);
        print(entries, flags.json, () =>
          table(
            ["TIME", "WHO", "ACTION", "TARGET", "DETAIL"],
            entries.map((e) => [new Date(e.atUnixMs).toISOString(), e.who, e.action, e.target, e.detail]),
          ),
        );
      } finally {
        client.close();
      }
    }),
  );
}
