import type { Command } from "commander";
import {
  defaultSchedulerAddress,
  readTokenFile,
  schedulerEnvVar,
} from "../../proto/tessera/SchedulerEndpoint.ts";
import { clientTlsMaterial, tlsCaEnvVar } from "../../proto/tessera/TlsFiles.ts";
import { SchedulerClient } from "./SchedulerClient.ts";

export interface ClientFlags {
  scheduler?: string;
  tokenFile?: string;
  tlsCa?: string;
}

/** Adds the flags every client command takes. */
export function withClientFlags(command: Command): Command {
  return command
    .option(
      "--scheduler <HOST:PORT>",
      `scheduler gRPC address (default: $${schedulerEnvVar} or ${defaultSchedulerAddress})`,
    )
    .option("--token-file <FILE>", "file with your token for the scheduler (default: $TESSERA_TOKEN_FILE)")
    .option(
      "--tls-ca <FILE>",
      `CA to check the scheduler's TLS certificate against; turns TLS on (default: $${tlsCaEnvVar})`,
    );
}

export function connect(flags: ClientFlags): SchedulerClient {
  const address = flags.scheduler ?? process.env[schedulerEnvVar] ?? defaultSchedulerAddress;
  const tokenFile = flags.tokenFile ?? process.env.TESSERA_TOKEN_FILE;
  return new SchedulerClient(
    address,
    tokenFile ? readTokenFile(tokenFile) : undefined,
    undefined,
    clientTlsMaterial({ tlsCa: flags.tlsCa }),
  );
}
