import { join } from "node:path";
import protobuf from "protobufjs";
import { sourceTreePath } from "../SourceTree.ts";
import { decodedForm } from "./TesseraGrpc.ts";

const protoDir = sourceTreePath("proto", "tessera", "v1");

let root: protobuf.Root | undefined;

/** A tessera.v1 message type by its short name (`JobSpec`), with its fields' comments, from the .proto files. */
export function tesseraMessage(name: string): protobuf.Type {
  if (!root) {
    root = new protobuf.Root();
    const files = ["job.proto", "node.proto", "capacity.proto", "queue.proto"].map((f) => join(protoDir, f));
    root.loadSync(files, { alternateCommentMode: true });
    root.resolveAll();
  }
  return root.lookupType(`tessera.v1.${name}`);
}

/**
 * A message given as JSON (lowerCamelCase fields) in exactly the form a gRPC handler receives it: defaults
 * filled in, the oneof named, as every tessera.v1 message is decoded (`decodedForm`).
 */
export function asGrpcMessage<T>(name: string, json: Record<string, unknown>): T {
  const type = tesseraMessage(name);
  return type.toObject(type.fromObject(json), decodedForm) as T;
}
