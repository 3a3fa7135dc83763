import type { ServiceDefinition } from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { sourceTreePath } from "../SourceTree.ts";
import { nodeServiceV1 } from "./NodeServiceGrpc.ts";
import { decodedForm, tesseraV1 } from "./TesseraGrpc.ts";

// The static codecs must speak exactly what proto-loader (run-time reflection over the same .proto files) speaks:
// the same bytes for the same message, and the same decoded object for the same bytes.
const files = ["job", "node", "capacity", "queue", "cluster", "audit"].map((f) =>
  sourceTreePath("proto", "tessera", "v1", `${f}.proto`),
);
const reflected = protoLoader.loadSync(files, { ...decodedForm });
const root = new protobuf.Root().loadSync(files);
root.resolveAll();

// The first value of each is not the field's default.
const scalarSamples: Record<string, unknown[]> = {
  string: ["a", "", "GPU-4f1c é 🚀"],
  bool: [true, false],
  double: [0.5, 0, -1e300],
  float: [1.5, 0],
  int32: [-7, 0, 2_147_483_647],
  uint32: [4_294_967_295, 0, 3],
  sint32: [-9, 0],
  int64: [-1, 0, 1_717_171_717_171, Number.MAX_SAFE_INTEGER],
  uint64: [42, 0, 2 ** 52],
  sint64: [-5, 0],
  fixed32: [8, 0],
  fixed64: [9, 0],
  sfixed32: [-10, 0],
  sfixed64: [-11, 0],
  bytes: [Buffer.from([0, 1, 255]), Buffer.alloc(0)],
};

/**
 * Messages of `type` with every field set (variant `v` picks different values, and which member of each oneof is
 * set); nested messages to `depth`.
 */
function sample(type: protobuf.Type, v: number, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const oneofMembers = new Set(type.oneofsArray.flatMap((o) => o.fieldsArray.map((f) => f.name)));
  for (const oneof of type.oneofsArray) {
    const chosen = oneof.fieldsArray[v % oneof.fieldsArray.length]!;
    const value = fieldValue(chosen, v, depth);
    if (value !== undefined) out[chosen.name] = value;
  }
  for (const field of type.fieldsArray) {
    if (oneofMembers.has(field.name)) continue;
    const value = fieldValue(field, v, depth);
    if (value === undefined) continue;
    if (field instanceof protobuf.MapField) out[field.name] = { k1: value, [`k${v}`]: value };
    else out[field.name] = field.repeated ? [value, fieldValue(field, v && v + 1, depth)] : value;
  }
  return out;
}

function fieldValue(field: protobuf.Field, v: number, depth: number): unknown {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Enum) {
    const names = Object.keys(resolved.values);
    return names[(v + 1) % names.length]; // not the first (the default) in variant 0
  }
  if (resolved instanceof protobuf.Type) return depth > 0 ? sample(resolved, v, depth - 1) : undefined;
  const values = scalarSamples[field.type];
  if (!values) throw new Error(`no sample for ${field.type}`);
  return values[v % values.length];
}

/** A decoded message (and those in it) without the virtual property of each proto3 `optional` field's oneof. */
function withoutSyntheticOneofs(type: protobuf.Type, decoded: object): object {
  const out: Record<string, unknown> = { ...decoded };
  for (const oneof of type.oneofsArray) if (oneof.isProto3Optional) delete out[oneof.name];
  for (const field of type.fieldsArray) {
    const nested = field.resolvedType;
    const value = out[field.name];
    if (!(nested instanceof protobuf.Type) || value == null || field instanceof protobuf.MapField) continue;
    out[field.name] = Array.isArray(value)
      ? value.map((v: object) => withoutSyntheticOneofs(nested, v))
      : withoutSyntheticOneofs(nested, value as object);
  }
  return out;
}

function definitions(): Record<string, ServiceDefinition> {
  const v1 = tesseraV1() as unknown as Record<string, { service: ServiceDefinition }>;
  return Object.fromEntries(Object.entries(v1).map(([name, ctor]) => [name, ctor.service]));
}

describe("tesseraV1 (static codecs)", () => {
  it("has every tessera.v1 service and method of the .proto files, with the same paths and streaming", () => {
    const services = definitions();
    const expected = Object.keys(reflected).filter((k) => k.endsWith("Service"));
    expect(Object.keys(services).map((n) => `tessera.v1.${n}`)).toEqual(expect.arrayContaining(expected));
    expect(Object.keys(services)).toHaveLength(expected.length);
    for (const name of Object.keys(services)) {
      const theirs = reflected[`tessera.v1.${name}`] as ServiceDefinition;
      const ours = services[name]!;
      expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
      for (const [method, def] of Object.entries(ours)) {
        const other = theirs[method]!;
        expect([def.path, def.requestStream, def.responseStream, def.originalName]).toEqual([
          other.path,
          other.requestStream,
          other.responseStream,
          other.originalName,
        ]);
      }
    }
  });

  it("encodes every request and response as proto-loader does, and decodes the bytes to the same object", () => {
    let checked = 0;
    for (const [name, service] of Object.entries(definitions())) {
      const theirs = reflected[`tessera.v1.${name}`] as ServiceDefinition;
      for (const [method, ours] of Object.entries(service)) {
        const other = theirs[method]!;
        const sides = [
          [
            "request",
            ours.requestSerialize,
            other.requestSerialize,
            ours.requestDeserialize,
            other.requestDeserialize,
          ],
          [
            "response",
            ours.responseSerialize,
            other.responseSerialize,
            ours.responseDeserialize,
            other.responseDeserialize,
          ],
        ] as const;
        for (const [side, serialize, theirSerialize, deserialize, theirDeserialize] of sides) {
          const described = other as unknown as Record<string, { type: { name: string } }>;
          const type = root.lookupType(`tessera.v1.${described[`${side}Type`]!.type.name}`);
          for (let v = 0; v < 4; v++) {
            const message = sample(type, v, 3);
            const where = `${name}.${method} ${side}, variant ${v}`;
            const ours = serialize(message);
            const theirs = theirSerialize(message);
            // Variant 0 sets no field to its default: byte for byte the same. Others hold defaults, which protobufjs
            // 8's static code leaves out (as proto3 asks) and proto-loader's protobufjs 7 writes when present.
            if (v === 0) expect(ours.equals(theirs), where).toBe(true);
            // protobufjs 8 names no synthetic oneof of a proto3 `optional` field (`_rank: "rank"`); the field itself
            // is there exactly when it was set, in both.
            const decoded = withoutSyntheticOneofs(type, theirDeserialize(theirs));
            expect(withoutSyntheticOneofs(type, theirDeserialize(ours)), where).toEqual(decoded);
            expect(deserialize(ours), where).toEqual(decoded);
            expect(deserialize(theirs), where).toEqual(decoded);
            expect(serialize(decoded).equals(ours), where).toBe(true);
            checked++;
          }
          const empty = serialize({});
          expect(empty.length).toBe(0);
          expect(deserialize(empty)).toEqual(withoutSyntheticOneofs(type, theirDeserialize(empty)));
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("gives the agent a NodeService over node.proto's codec alone that speaks exactly as the whole codec", () => {
    const whole = definitions().NodeService!;
    const agents = (nodeServiceV1() as unknown as { service: ServiceDefinition }).service;
    expect(Object.keys(agents)).toEqual(Object.keys(whole));
    const described = reflected["tessera.v1.NodeService"] as unknown as Record<
      string,
      Record<string, { type: { name: string } }>
    >;
    for (const [method, ours] of Object.entries(agents)) {
      const theirs = whole[method]!;
      expect([ours.path, ours.requestStream, ours.responseStream]).toEqual([
        theirs.path,
        theirs.requestStream,
        theirs.responseStream,
      ]);
      for (const side of ["request", "response"] as const) {
        const type = root.lookupType(`tessera.v1.${described[method]![`${side}Type`]!.type.name}`);
        const [serialize, deserialize] =
          side === "request"
            ? [ours.requestSerialize, ours.requestDeserialize]
            : [ours.responseSerialize, ours.responseDeserialize];
        const [theirSerialize, theirDeserialize] =
          side === "request"
            ? [theirs.requestSerialize, theirs.requestDeserialize]
            : [theirs.responseSerialize, theirs.responseDeserialize];
        for (let v = 0; v < 4; v++) {
          const message = sample(type, v, 3);
          const bytes = serialize(message);
          expect(bytes.equals(theirSerialize(message)), `${method} ${side} ${v}`).toBe(true);
          expect(deserialize(bytes)).toEqual(theirDeserialize(bytes));
        }
      }
    }
  });

  it("refuses an array where a message goes, as proto-loader does", () => {
    const submit = definitions().JobService!.Submit!;
    expect(() => submit.requestSerialize([])).toThrow(/not an array/);
  });
});
