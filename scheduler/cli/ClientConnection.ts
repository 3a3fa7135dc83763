import type { Command } from "commander";
import { parseSchedulerAddresses } from "../../proto/tessera/LeaderRedirect.ts";
import {
  defaultSchedulerAddress,
  readTokenFile,
  schedulerEnvVar,
} from "../../proto/tessera/SchedulerEndpoint.ts";
import { clientTlsMaterial, tlsCaEnvVar } from "../../proto/tessera/TlsFiles.ts";
import { schedulerAddress } from "./SchedulerAddress.ts";
import type { SchedulerClient } from "./SchedulerClient.ts";
import { SchedulerCluster } from "./SchedulerCluster.ts";

export interface ClientFlags {
  scheduler?: string;
  tokenFile?: string;
  tlsCa?: string;
}

/** Adds the flags every client command takes. */
export function withClientFlags(command: Command): Command {
  return command
    .option(
      "--scheduler <HOST:PORT[,HOST:PORT...]>",
      `scheduler gRPC address(es); with several, the leader is found and followed (default: $${schedulerEnvVar} or ${defaultSchedulerAddress})`,
    )
    .option("--token-file <FILE>", "file with your token for the scheduler (default: $TESSERA_TOKEN_FILE)")
    .option(
      "--tls-ca <FILE>",
      `CA to check the scheduler's TLS certificate against; turns TLS on (default: $${tlsCaEnvVar})`,
    );
}

/**
 * The schedulers named by --scheduler or $TESSERA_SCHEDULER (one address, or several: replicas on etcd); an
 * address without a port gets the default one.
 */
export function schedulerCluster(flags: ClientFlags): SchedulerCluster {
  const raw = flags.scheduler ?? process.env[schedulerEnvVar] ?? defaultSchedulerAddress;
  const withPorts = raw
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a !== "")
    .map((a) => schedulerAddress(a));
  const addresses = parseSchedulerAddresses(withPorts.join(","), "--scheduler");
  const tokenFile = flags.tokenFile ?? process.env.TESSERA_TOKEN_FILE;
  return new SchedulerCluster(
    addresses,
    tokenFile ? readTokenFile(tokenFile) : undefined,
    undefined,
    clientTlsMaterial({ tlsCa: flags.tlsCa }),
  );
}

/** A client of the scheduler that leads (the only one given, or the leader among several). */
export function connect(flags: ClientFlags): Promise<SchedulerClient> {
  return schedulerCluster(flags).client();
}
