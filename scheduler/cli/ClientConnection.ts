import type { Command } from "commander";
import {
  defaultSchedulerAddress,
  readTokenFile,
  schedulerEnvVar,
} from "../../proto/tessera/SchedulerEndpoint.ts";
import { schedulerAddress } from "./SchedulerAddress.ts";
import { SchedulerClient } from "./SchedulerClient.ts";

export interface ClientFlags {
  scheduler?: string;
  tokenFile?: string;
}

/** Adds the flags every client command takes. */
export function withClientFlags(command: Command): Command {
  return command
    .option(
      "--scheduler <HOST:PORT>",
      `scheduler gRPC address (default: $${schedulerEnvVar} or ${defaultSchedulerAddress})`,
    )
    .option("--token-file <FILE>", "file with the scheduler's shared token (default: $TESSERA_TOKEN_FILE)");
}

export function connect(flags: ClientFlags): SchedulerClient {
  const address = schedulerAddress(flags.scheduler);
  const tokenFile = flags.tokenFile ?? process.env.TESSERA_TOKEN_FILE;
  return new SchedulerClient(address, tokenFile ? readTokenFile(tokenFile) : undefined);
}
