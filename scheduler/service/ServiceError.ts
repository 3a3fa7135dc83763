import { status } from "@grpc/grpc-js";

/** A refusal with the gRPC status that names its kind and a message that says what to fix. */
export class ServiceError extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
    this.name = "ServiceError";
  }

  static invalid(message: string): ServiceError {
    return new ServiceError(status.INVALID_ARGUMENT, message);
  }

  static notFound(message: string): ServiceError {
    return new ServiceError(status.NOT_FOUND, message);
  }

  static precondition(message: string): ServiceError {
    return new ServiceError(status.FAILED_PRECONDITION, message);
  }

  /** Not now, try again (clients retry UNAVAILABLE): the scheduler is starting or shutting down. */
  static unavailable(message: string): ServiceError {
    return new ServiceError(status.UNAVAILABLE, message);
  }

  static exhausted(message: string): ServiceError {
    return new ServiceError(status.RESOURCE_EXHAUSTED, message);
  }
}
