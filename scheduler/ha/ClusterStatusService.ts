import * as grpc from "@grpc/grpc-js";
import type { ClusterServiceHandlers } from "../../proto/generated/tessera/v1/ClusterService.ts";
import type { ClusterStatus } from "../../proto/generated/tessera/v1/ClusterStatus.ts";
import type { Authorizer } from "../security/Authorizer.ts";
import { ServiceError } from "../service/ServiceError.ts";

/**
 * ClusterService: every scheduler answers it, whatever its role. Callers need what any other read needs (a user
 * token, viewer or above, or an agent's identity); a follower's redirect of other calls needs none of it, since
 * it travels in the refusal's `tessera-leader` trailer.
 */
export function clusterServiceHandlers(
  status: () => Promise<ClusterStatus>,
  authorizer: Authorizer,
): ClusterServiceHandlers {
  return {
    GetStatus: (call, callback) => {
      try {
        authorizer.grpcCaller(call).requireUserOrAgent();
      } catch (err) {
        if (!(err instanceof ServiceError)) throw err;
        return callback({ code: err.code, details: err.message });
      }
      status().then(
        (s) => callback(null, s),
        (err: unknown) =>
          callback({
            code: grpc.status.UNAVAILABLE,
            details: `cluster status unknown: ${(err as Error).message}`,
          }),
      );
    },
  };
}
