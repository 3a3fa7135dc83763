import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

function isLoopbackIp(address: string): boolean {
  if (isIP(address) === 4) return address.startsWith("127.");
  const lower = address.toLowerCase();
  return lower === "::1" || lower.startsWith("::ffff:127.");
}

/**
 * Whether every address a host name resolves to is a loopback address. Decided on the resolved addresses, not
 * the spelling: `127.evil.example` may resolve anywhere. A name that does not resolve counts as not loopback.
 */
export async function resolvesToLoopbackOnly(host: string): Promise<boolean> {
  if (isIP(host)) return isLoopbackIp(host);
  try {
    const addresses = await lookup(host, { all: true, verbatim: true });
    return addresses.length > 0 && addresses.every((a) => isLoopbackIp(a.address));
  } catch {
    return false;
  }
}
