import { makeGenericClientConstructor } from "@grpc/grpc-js";
import type { ProtoGrpcType as NodeProto } from "../generated/node.ts";
import { tessera } from "../generated/static/node.js";
import { tesseraServices } from "../generated/static/services.ts";
import { staticServiceDefinition } from "./StaticServiceDefinition.ts";

type NodeServiceConstructor = NodeProto["tessera"]["v1"]["NodeService"];

let loaded: NodeServiceConstructor | undefined;

/**
 * The agent's client of NodeService over node.proto's static code alone: the same wire bytes as `tesseraV1()`'s,
 * without the codec of every other service in an agent's memory (about 1 MiB).
 */
export function nodeServiceV1(): NodeServiceConstructor {
  loaded ??= makeGenericClientConstructor(
    staticServiceDefinition("NodeService", tesseraServices.NodeService, tessera.v1),
    "NodeService",
  ) as unknown as NodeServiceConstructor;
  return loaded;
}
