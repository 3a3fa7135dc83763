import type { MethodDefinition, ServiceDefinition } from "@grpc/grpc-js";

/**
 * A request whose bytes did not decode. The server-side deserializers of `tolerant` definitions return this
 * instead of throwing, because grpc-js turns a throwing deserializer into a bare INTERNAL "Error deserializing
 * request"; the handler answers INVALID_ARGUMENT with the decoder's reason instead.
 */
export class MalformedRequest {
  constructor(
    readonly messageType: string,
    readonly reason: string,
  ) {}

  /** The words of the INVALID_ARGUMENT answer: what did not decode, why, and what to send instead. */
  describe(): string {
    return `malformed ${this.messageType}: ${this.reason}; send a protobuf-encoded ${this.messageType}`;
  }
}

/** Request deserializers of these definitions may return MalformedRequest instead of throwing. */
export type Tolerant<S extends ServiceDefinition> = {
  [K in keyof S]: S[K] extends MethodDefinition<infer Req, infer Res>
    ? MethodDefinition<Req | MalformedRequest, Res>
    : never;
};

/**
 * The request message's name: tesseraV1's definitions name it (`requestTypeName`); proto-loader's (the kubelet
 * APIs) carry its descriptor.
 */
function requestTypeName(methodName: string, method: MethodDefinition<unknown, unknown>): string {
  const described = method as MethodDefinition<unknown, unknown> & {
    requestTypeName?: unknown;
    requestType?: { type?: { name?: unknown } };
  };
  const name = described.requestTypeName ?? described.requestType?.type?.name;
  return typeof name === "string" ? name : methodName;
}

/** The server side of a service definition: a request that fails to decode reaches the handler as MalformedRequest. */
export function tolerant<S extends ServiceDefinition>(definition: S): Tolerant<S> {
  const result: Record<string, MethodDefinition<unknown, unknown>> = {};
  for (const [name, method] of Object.entries(definition)) {
    const messageType = requestTypeName(name, method);
    result[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer) => {
        try {
          return method.requestDeserialize(bytes);
        } catch (error) {
          return new MalformedRequest(messageType, error instanceof Error ? error.message : String(error));
        }
      },
    };
  }
  return result as Tolerant<S>;
}
