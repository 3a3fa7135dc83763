import type { Command } from "commander";
import type { ClusterStatus__Output } from "../../proto/generated/tessera/v1/ClusterStatus.ts";
import { action, print } from "./ClientCommands.ts";
import { type ClientFlags, schedulerCluster, withClientFlags } from "./ClientConnection.ts";

interface SchedulerAnswer {
  address: string;
  status?: ClusterStatus__Output;
  error?: string;
}

/** `tessera status`: which scheduler leads, which follow, and the store, as every given scheduler sees it. */
export function registerStatusCommand(program: Command): void {
  withClientFlags(
    program
      .command("status")
      .description("the schedulers: leader, followers and the job store")
      .option("--json", "print what each scheduler answered as JSON"),
  ).action(
    action(async (flags: ClientFlags & { json?: boolean }) => {
      const cluster = schedulerCluster(flags);
      const answers: SchedulerAnswer[] = await Promise.all(
        cluster.addresses.map((address) =>
          cluster.status(address).then(
            (status) => ({ address, status }),
            (err: Error & { details?: string }) => ({ address, error: err.details ?? err.message }),
          ),
        ),
      );
      const known = answers.find((a) => a.status?.leader)?.status ?? answers.find((a) => a.status)?.status;
      if (!known) throw new Error(answers.map((a) => `${a.address}: ${a.error}`).join("; "));
      print(answers, flags.json, () => {
        const lines = [
          `leader:    ${known.leader || "none (election under way, or etcd without quorum)"}`,
          `followers: ${known.followers.length > 0 ? known.followers.join(", ") : "none"}`,
          `store:     ${known.store}`,
        ];
        for (const a of answers) {
          lines.push(
            `  ${a.address}: ${a.status ? `${a.status.role} (announces ${a.status.self})` : `unreachable: ${a.error}`}`,
          );
        }
        return lines.join("\n");
      });
      cluster.close();
    }),
  );
}
