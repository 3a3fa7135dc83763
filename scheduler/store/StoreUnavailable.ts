import { status } from "@grpc/grpc-js";
import { ServiceError } from "../service/ServiceError.ts";

/**
 * The store could not commit a write (etcd without quorum, or this scheduler is no longer the leader): nothing
 * was acknowledged, the client retries, against the leader. A ServiceError so the APIs answer UNAVAILABLE.
 */
export class StoreUnavailable extends ServiceError {
  constructor(message: string) {
    super(status.UNAVAILABLE, message);
    this.name = "StoreUnavailable";
  }
}
