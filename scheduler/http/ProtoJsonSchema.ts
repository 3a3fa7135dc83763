import type protobuf from "protobufjs";

/** A JSON schema as fastify and @fastify/swagger read it. */
export type JsonSchema = { [key: string]: unknown };

const scalars: Record<string, JsonSchema> = {
  string: { type: "string" },
  bool: { type: "boolean" },
  double: { type: "number" },
  float: { type: "number" },
  int32: { type: "integer" },
  sint32: { type: "integer" },
  sfixed32: { type: "integer" },
  uint32: { type: "integer", minimum: 0 },
  fixed32: { type: "integer", minimum: 0 },
  int64: { type: "integer" },
  sint64: { type: "integer" },
  sfixed64: { type: "integer" },
  uint64: { type: "integer", minimum: 0 },
  fixed64: { type: "integer", minimum: 0 },
};

/**
 * The JSON schema of a protobuf message in its JSON form (lowerCamelCase field names), from the message's own
 * definition: types and field comments only. What a value must be beyond its type is checked by the same code
 * that checks the gRPC request, so both answer with the same message.
 */
export function protoJsonSchema(type: protobuf.Type): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of type.fieldsArray) {
    let schema = fieldValueSchema(field);
    if (field.map) schema = { type: "object", additionalProperties: schema };
    else if (field.repeated) schema = { type: "array", items: schema };
    properties[field.name] = field.comment ? { ...schema, description: field.comment } : schema;
  }
  const schema: JsonSchema = { type: "object", additionalProperties: false, properties };
  const oneofs = type.oneofsArray.map((o) => `exactly one of ${o.fieldsArray.map((f) => f.name).join(", ")}`);
  return oneofs.length > 0 ? { ...schema, description: oneofs.join("; ") } : schema;
}

function fieldValueSchema(field: protobuf.Field): JsonSchema {
  const resolved = field.resolve().resolvedType;
  if (resolved && "fieldsArray" in resolved) return protoJsonSchema(resolved as protobuf.Type);
  if (resolved && "values" in resolved) return { type: "string", enum: Object.keys(resolved.values) };
  const scalar = scalars[field.type];
  if (!scalar) throw new Error(`protoJsonSchema: field ${field.fullName} has unsupported type ${field.type}`);
  return scalar;
}
