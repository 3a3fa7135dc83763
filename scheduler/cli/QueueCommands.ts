import type { Command } from "commander";
import type { QueueInfo__Output } from "../../proto/generated/tessera/v1/QueueInfo.ts";
import { table } from "../format/TextTable.ts";
import { formatResources } from "../queue/ResourceVector.ts";
import { action, print } from "./ClientCommands.ts";
import { type ClientFlags, connect, withClientFlags } from "./ClientConnection.ts";

/** `tessera queues` (usage against quota per queue) and `tessera quota` (show and reload the queue config). */
export function registerQueueCommands(program: Command): void {
  withClientFlags(
    program
      .command("queues")
      .description("usage, quota, borrowed capacity and pending jobs per queue")
      .option("--json", "print an array of queues as JSON"),
  ).action(
    action(async (flags: ClientFlags & { json?: boolean }) => {
      const client = await connect(flags);
      try {
        const queues = await client.queues();
        print(queues, flags.json, () => queuesTable(queues));
      } finally {
        client.close();
      }
    }),
  );

  withClientFlags(
    program
      .command("quota")
      .description("show the queue config in force, or reload the scheduler's --queues file")
      .option("--reload", "re-read the --queues file; an invalid file is refused with every line and reason")
      .option("--json"),
  ).action(
    action(async (flags: ClientFlags & { json?: boolean; reload?: boolean }) => {
      const client = await connect(flags);
      try {
        const quota = await client.quota(flags.reload ?? false);
        print(quota, flags.json, () => {
          const origin = quota.source
            ? `${flags.reload ? "reloaded" : "from"} ${quota.source}`
            : "no --queues file: every queue is unlimited";
          return `# ${origin}: ${quota.queues.length} queues, ${quota.priorityClasses.length} priority classes\n${quota.yaml.trimEnd()}\n\n${queuesTable(quota.queues)}`;
        });
      } finally {
        client.close();
      }
    }),
  );
}

function queuesTable(queues: readonly QueueInfo__Output[]): string {
  return table(
    [
      "QUEUE",
      "COHORT",
      "WEIGHT",
      "QUOTA",
      "USAGE",
      "BORROWED",
      "PENDING",
      "RUNNING",
      "ADMITTED",
      "PREEMPTED",
    ],
    queues.map((q) => [
      q.name,
      q.cohort || "-",
      String(q.weight),
      formatResources(q.quota),
      formatResources(q.usage),
      formatResources(q.borrowed),
      String(q.pending),
      String(q.running),
      String(q.admittedTotal),
      String(q.preemptedTotal),
    ]),
  );
}
