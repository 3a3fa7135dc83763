import { makeGenericClientConstructor } from "@grpc/grpc-js";
import type { ProtoGrpcType as AuditProto } from "../generated/audit.ts";
import type { ProtoGrpcType as CapacityProto } from "../generated/capacity.ts";
import type { ProtoGrpcType as ClusterProto } from "../generated/cluster.ts";
import type { ProtoGrpcType as JobProto } from "../generated/job.ts";
import type { ProtoGrpcType as NodeProto } from "../generated/node.ts";
import type { ProtoGrpcType as QueueProto } from "../generated/queue.ts";
import { tesseraServices } from "../generated/static/services.ts";
import { tessera } from "../generated/static/tessera.js";
import { staticServiceDefinition } from "./StaticServiceDefinition.ts";

export { decodedForm, type TesseraMethodDefinition } from "./StaticServiceDefinition.ts";

type TesseraProto = JobProto & NodeProto & CapacityProto & QueueProto & ClusterProto & AuditProto;
type ServiceName = keyof typeof tesseraServices;
/** The tessera.v1 services: a client constructor each, with its definition as `service` (for a server). */
export type TesseraServices = Pick<TesseraProto["tessera"]["v1"], ServiceName>;

let loaded: TesseraServices | undefined;

/**
 * The tessera.v1 services over the static code that `npm run proto` generates (proto/generated/static): no .proto
 * parsing or reflection at start, the same bytes on the wire as a proto-loader client or server.
 */
export function tesseraV1(): TesseraServices {
  if (!loaded) {
    const services: Record<string, unknown> = {};
    for (const name of Object.keys(tesseraServices) as ServiceName[]) {
      services[name] = makeGenericClientConstructor(
        staticServiceDefinition(name, tesseraServices[name], tessera.v1),
        name,
      );
    }
    loaded = services as unknown as TesseraServices;
  }
  return loaded;
}
