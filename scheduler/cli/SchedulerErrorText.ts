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
    return `cannot reach the scheduler at ${address} (is it running? ${where})`;
  }
  if (error.code === status.DEADLINE_EXCEEDED) {
    return `the scheduler at ${address} did not answer in time (is it running and reachable? ${where})`;
  }
  return detail;
}
