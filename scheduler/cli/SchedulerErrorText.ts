import { status } from "@grpc/grpc-js";
import { schedulerEnvVar } from "../../proto/tessera/SchedulerEndpoint.ts";

const where = `set --scheduler or ${schedulerEnvVar}`;

/**
 * What a client prints when a call to the scheduler at `address` fails: one or two plain lines that say what to
 * do, in place of grpc-js's own text ("No connection established. Last error: ...").
 */
export function schedulerErrorText(
  error: Error & { code?: number; details?: string },
  address: string,
): string {
  const detail = error.details ?? error.message;
  if (error.code === status.UNAVAILABLE) {
    if (/Protocol error/i.test(detail)) {
      return (
        `${address} answers HTTP, not gRPC: that is the scheduler's HTTP port; ${where} to its gRPC port ` +
        "(the address `tessera up` prints as gRPC, 7070 by default)"
      );
    }
    const host = address.replace(/:\d+$/, "");
    if (/Name resolution failed/i.test(detail))
      return `cannot resolve the scheduler's host ${host} (${where})`;
    // The TLS check's own reason (wrong CA, host name or key usage) says what to fix.
    if (/unsuitable certificate purpose/.test(detail)) {
      return `the scheduler at ${address} failed the TLS check: its certificate is not for server authentication (its extended key usage lacks serverAuth); give it one made by \`tessera certs --server-name\``;
    }
    const tls =
      /(the certificate of .*?|unable to verify the first certificate|self[- ]signed certificate|Hostname\/IP does not match.*?)(?: Resolution note:.*)?$/m.exec(
        detail,
      );
    if (tls) return `the scheduler at ${address} failed the TLS check: ${tls[1]}`;
    return `cannot reach the scheduler at ${address} (is it running? ${where})`;
  }
  if (error.code === status.DEADLINE_EXCEEDED) {
    return `the scheduler at ${address} did not answer in time (is it running and reachable? ${where})`;
  }
  return detail;
}
