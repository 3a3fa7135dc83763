import { networkInterfaces } from "node:os";
import { parseSchedulerAddresses } from "../../proto/tessera/LeaderRedirect.ts";
import { resolvesToLoopbackOnly } from "../../proto/tessera/LoopbackAddress.ts";
import { parseHostPort } from "../../proto/tessera/SchedulerEndpoint.ts";

/**
 * The address this node advertises (Register.address, a gang's MASTER_ADDR) when `--advertise-address` is not
 * given: 127.0.0.1 when the (first) scheduler is on loopback (everything runs on this host), else the host's first
 * non-internal IPv4 address (then IPv6), else 127.0.0.1.
 */
export async function defaultAdvertiseAddress(scheduler: string): Promise<string> {
  const first = parseSchedulerAddresses(scheduler, "--scheduler")[0]!;
  if (await resolvesToLoopbackOnly(parseHostPort(first, "--scheduler").host)) return "127.0.0.1";
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && !a.internal);
  return (
    addresses.find((a) => a?.family === "IPv4")?.address ??
    addresses.find((a) => a?.family === "IPv6")?.address ??
    "127.0.0.1"
  );
}
