import * as grpc from "@grpc/grpc-js";
import type { ClusterServiceHandlers } from "../../proto/generated/tessera/v1/ClusterService.ts";
import type { ClusterStatus } from "../../proto/generated/tessera/v1/ClusterStatus.ts";

/** ClusterService: every scheduler answers it, whatever its role (no token needed: it names only addresses). */
export function clusterServiceHandlers(status: () => Promise<ClusterStatus>): ClusterServiceHandlers {
  return {
    GetStatus: (_call, callback) => {
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
