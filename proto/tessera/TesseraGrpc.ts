import { type MethodDefinition, makeGenericClientConstructor, type ServiceDefinition } from "@grpc/grpc-js";
import type { ProtoGrpcType as AuditProto } from "../generated/audit.ts";
import type { ProtoGrpcType as CapacityProto } from "../generated/capacity.ts";
import type { ProtoGrpcType as ClusterProto } from "../generated/cluster.ts";
import type { ProtoGrpcType as JobProto } from "../generated/job.ts";
import type { ProtoGrpcType as NodeProto } from "../generated/node.ts";
import type { ProtoGrpcType as QueueProto } from "../generated/queue.ts";
import { tesseraServices } from "../generated/static/services.ts";
import { type StaticMessage, type ToObjectOptions, tessera } from "../generated/static/tessera.js";

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

type TesseraProto = JobProto & NodeProto & CapacityProto & QueueProto & ClusterProto & AuditProto;
type ServiceName = keyof typeof tesseraServices;
/** The tessera.v1 services: a client constructor each, with its definition as `service` (for a server). */
export type TesseraServices = Pick<TesseraProto["tessera"]["v1"], ServiceName>;

/** One method as services.ts describes it. */
interface MethodShape {
  requestType: keyof typeof tessera.v1;
  responseType: keyof typeof tessera.v1;
  requestStream: boolean;
  responseStream: boolean;
}
const methodShapes: Record<ServiceName, Record<string, MethodShape>> = tesseraServices;

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

function serviceDefinition(name: ServiceName): ServiceDefinition {
  const definition: Record<string, TesseraMethodDefinition> = {};
  for (const [method, shape] of Object.entries(methodShapes[name])) {
    const request = tessera.v1[shape.requestType];
    const response = tessera.v1[shape.responseType];
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

let loaded: TesseraServices | undefined;

/**
 * The tessera.v1 services over the static code that `npm run proto` generates (proto/generated/static): no .proto
 * parsing or reflection at start, the same bytes on the wire as a proto-loader client or server.
 */
export function tesseraV1(): TesseraServices {
  if (!loaded) {
    const services: Record<string, unknown> = {};
    for (const name of Object.keys(tesseraServices) as ServiceName[]) {
      services[name] = makeGenericClientConstructor(serviceDefinition(name), name);
    }
    loaded = services as unknown as TesseraServices;
  }
  return loaded;
}
