import { defaultSchedulerAddress, schedulerEnvVar } from "../../proto/tessera/SchedulerEndpoint.ts";

/** The scheduler's gRPC port when an address names only a host (`TESSERA_SCHEDULER=localhost`). */
export const defaultSchedulerPort = 7070;

/**
 * The address a client dials: --scheduler, else $TESSERA_SCHEDULER, else 127.0.0.1:7070. A host without a port
 * gets 7070; without this, grpc-js dials a bare host on 443.
 */
export function schedulerAddress(flag: string | undefined): string {
  const raw = (flag ?? process.env[schedulerEnvVar] ?? defaultSchedulerAddress).trim();
  if (/^\[[^\]]+\]$/.test(raw)) return `${raw}:${defaultSchedulerPort}`;
  // Two or more colons without brackets: a bare IPv6 address, whose last group is not a port.
  if ((raw.match(/:/g) ?? []).length > 1 && !raw.startsWith("[")) return `[${raw}]:${defaultSchedulerPort}`;
  return /:\d+$/.test(raw) ? raw : `${raw}:${defaultSchedulerPort}`;
}
