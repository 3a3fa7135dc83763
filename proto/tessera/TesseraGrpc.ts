import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import type { ProtoGrpcType as AuditProto } from "../generated/audit.ts";
import type { ProtoGrpcType as CapacityProto } from "../generated/capacity.ts";
import type { ProtoGrpcType as ClusterProto } from "../generated/cluster.ts";
import type { ProtoGrpcType as JobProto } from "../generated/job.ts";
import type { ProtoGrpcType as NodeProto } from "../generated/node.ts";
import type { ProtoGrpcType as QueueProto } from "../generated/queue.ts";
import { sourceTreePath } from "../SourceTree.ts";

const protoDir = sourceTreePath("proto", "tessera", "v1");

/** The options the generated types in proto/generated were made with (`npm run proto`); keep them equal. */
export const protoLoaderOptions: protoLoader.Options = {
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
};

type TesseraProto = JobProto & NodeProto & CapacityProto & QueueProto & ClusterProto & AuditProto;

let loaded: TesseraProto["tessera"]["v1"] | undefined;

/** The tessera.v1 services and messages, loaded from the .proto files at run time. */
export function tesseraV1(): TesseraProto["tessera"]["v1"] {
  if (!loaded) {
    const files = [
      "job.proto",
      "node.proto",
      "capacity.proto",
      "queue.proto",
      "cluster.proto",
      "audit.proto",
    ].map((f) => join(protoDir, f));
    const definition = protoLoader.loadSync(files, protoLoaderOptions);
    loaded = (grpc.loadPackageDefinition(definition) as unknown as TesseraProto).tessera.v1;
  }
  return loaded;
}
