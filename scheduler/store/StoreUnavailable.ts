import { status } from "@grpc/grpc-js";

/**
 * The store could not commit a write (etcd without quorum, or this scheduler is no longer the leader): nothing
 * was acknowledged, the client retries, against the leader. Carries its gRPC status so the APIs answer UNAVAILABLE.
 */
export class StoreUnavailable extends Error {
  readonly code = status.UNAVAILABLE;

  constructor(message: string) {
    super(message);
    this.name = "StoreUnavailable";
  }
}
