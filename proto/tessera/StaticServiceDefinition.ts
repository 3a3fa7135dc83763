import type { MethodDefinition, ServiceDefinition } from "@grpc/grpc-js";
import type { StaticMessage, ToObjectOptions } from "../generated/static/tessera.js";

/**
 * The form every decoded message takes (int64 as number, enums as names, defaults filled in, each oneof named),
 * which the types in proto/generated were made with (`npm run proto`'s proto-loader-gen-types flags); keep equal.
 */
export const decodedForm = {
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
} as const satisfies ToObjectOptions;

/** One method as proto/generated/static/services.ts describes it. */
export interface MethodShape {
  requestType: string;
  responseType: string;
  requestStream: boolean;
  responseStream: boolean;
}

/** A method definition also names its request message, for the words of a MalformedRequest. */
export type TesseraMethodDefinition = MethodDefinition<object, object> & { requestTypeName: string };

function serializer(message: StaticMessage, name: string): (value: object) => Buffer {
  return (value) => {
    // grpc-js would send an array as a message with no fields set; it is always a caller's mistake.
    if (Array.isArray(value)) throw new TypeError(`a ${name} is an object, not an array`);
    const bytes = message.encode(message.fromObject(value)).finish();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
}

function deserializer(message: StaticMessage): (bytes: Buffer) => object {
  return (bytes) => message.toObject(message.decode(bytes), decodedForm);
}

/** A tessera.v1 service's definition over pbjs's static code for its messages (`messages`: their tessera.v1). */
export function staticServiceDefinition(
  name: string,
  methods: Readonly<Record<string, MethodShape>>,
  messages: Readonly<Record<string, StaticMessage>>,
): ServiceDefinition {
  const definition: Record<string, TesseraMethodDefinition> = {};
  for (const [method, shape] of Object.entries(methods)) {
    const request = messages[shape.requestType];
    const response = messages[shape.responseType];
    if (!request || !response) throw new Error(`${name}.${method}: its messages are not in this codec`);
    definition[method] = {
      path: `/tessera.v1.${name}/${method}`,
      requestStream: shape.requestStream,
      responseStream: shape.responseStream,
      requestSerialize: serializer(request, shape.requestType),
      requestDeserialize: deserializer(request),
      responseSerialize: serializer(response, shape.responseType),
      responseDeserialize: deserializer(response),
      // grpc-js also names a client's method this way (`client.listNodes` beside `client.ListNodes`).
      originalName: method.charAt(0).toLowerCase() + method.slice(1),
      requestTypeName: shape.requestType,
    };
  }
  return definition;
}
