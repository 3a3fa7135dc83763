import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseMigPartedSpec } from "../node-agent/mig/MigPartedSpec.ts";
import { parseDevicePluginConfig } from "../plugins/deviceplugin/DevicePluginConfig.ts";
import { jobSpecFromInput } from "../scheduler/cli/JobSpecInput.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { parseQueueConfig } from "../scheduler/queue/QueueConfig.ts";
import { CredentialsFile } from "../scheduler/security/CredentialsFile.ts";
import { readTraceNodes, readTracePods } from "../scheduler/simulator/TraceReader.ts";
import { type SchedulerProcess, startSchedulerWithHttp } from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-fuzz-"));
let scheduler: SchedulerProcess;
let httpUrl: string;
let client: SchedulerClient;

beforeAll(async () => {
  ({ httpUrl, ...scheduler } = await startSchedulerWithHttp(dir));
  client = new SchedulerClient(scheduler.address, undefined, 10_000);
});
afterAll(async () => {
  client?.close();
  await scheduler?.process.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** A reader either returns or refuses with a message; a TypeError or RangeError is a crash, not a refusal. */
function refusesCleanly(read: () => unknown): boolean {
  try {
    read();
    return true;
  } catch (err) {
    return (
      err instanceof Error &&
      !(err instanceof TypeError) &&
      !(err instanceof RangeError) &&
      err.message !== ""
    );
  }
}

const clientStatuses = new Set([
  grpc.status.OK,
  grpc.status.INVALID_ARGUMENT,
  grpc.status.NOT_FOUND,
  grpc.status.FAILED_PRECONDITION,
  grpc.status.RESOURCE_EXHAUSTED,
]);

describe("gRPC decoders (a real scheduler process)", () => {
  const bytes = (b: Buffer) => b;
  function rawUnary(method: string, body: Uint8Array): Promise<grpc.status> {
    const raw = new grpc.Client(scheduler.address, grpc.credentials.createInsecure());
    return new Promise<grpc.status>((resolve) =>
      raw.makeUnaryRequest(method, bytes, bytes, Buffer.from(body), (e) =>
        resolve(e ? e.code : grpc.status.OK),
      ),
    ).finally(() => raw.close());
  }

  it("answers random request bytes with a client status, never INTERNAL", async () => {
    const methods = ["Submit", "Get", "List", "Cancel"].map((m) => `/tessera.v1.JobService/${m}`);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...methods),
        fc.uint8Array({ maxLength: 512 }),
        async (method, body) => {
          expect(clientStatuses.has(await rawUnary(method, body))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it("answers random job specs with a client status, never INTERNAL", async () => {
    const spec = fc.record(
      {
        name: fc.string({ maxLength: 300 }),
        tenant: fc.string({ maxLength: 80 }),
        queue: fc.string({ maxLength: 80 }),
        priority: fc.integer(),
        kind: fc.string({ maxLength: 12 }),
        command: fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 }),
        env: fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 100 }), { maxKeys: 5 }),
        request: fc.oneof(
          fc.record({ mig: fc.record({ profile: fc.string({ maxLength: 12 }) }) }),
          fc.record({ whole: fc.record({ gpus: fc.integer() }) }),
          fc.record({
            share: fc.record({ gpuMilli: fc.integer(), memoryMib: fc.integer({ min: -1, max: 1 << 30 }) }),
          }),
          fc.record({ noGpu: fc.constant({}), cpuMillis: fc.nat(), memoryMib: fc.nat() }),
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(spec, async (s) => {
        const code = await client.submit(s, "").then(
          () => grpc.status.OK,
          (e: grpc.ServiceError) => e.code,
        );
        expect(clientStatuses.has(code)).toBe(true);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});

describe("HTTP decoders (a real scheduler process)", () => {
  it("answers random JSON bodies and query strings with a 2xx or 4xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.string({ maxLength: 60 }), async (body, query) => {
        const post = await fetch(`${httpUrl}/v1/jobs`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        expect(post.status).toBeLessThan(500);
        const get = await fetch(
          `${httpUrl}/v1/jobs?${encodeURIComponent(query)}=${encodeURIComponent(query)}`,
        );
        expect(get.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    expect((await fetch(`${httpUrl}/healthz`)).status).toBe(200);
  }, 120_000);
});

describe("file readers", () => {
  const csvText = fc
    .array(
      fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String), fc.constant("1e30")), {
        maxLength: 12,
      }),
      {
        maxLength: 8,
      },
    )
    .map((rows) => rows.map((r) => r.join(",")).join("\n"));

  it("CSV traces: refuse what they cannot read with a message", () => {
    const path = join(dir, "trace.csv");
    fc.assert(
      fc.property(csvText, fc.boolean(), (text, withHeader) => {
        const header =
          "sn,cpu_milli,memory_mib,gpu,model,name,num_gpu,gpu_milli,gpu_spec,creation_time,deletion_time";
        writeFileSync(path, withHeader ? `${header}\n${text}` : text);
        expect(refusesCleanly(() => readTraceNodes(path))).toBe(true);
        expect(refusesCleanly(() => readTracePods(path))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  const yamlDoc = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.jsonValue({ maxDepth: 4 }).map((v) => stringify(v)),
    fc
      .record({ version: fc.constantFrom("v1", 1, null), "mig-configs": fc.jsonValue({ maxDepth: 4 }) })
      .map((v) => stringify(v)),
    fc
      .record({ queues: fc.jsonValue({ maxDepth: 3 }), priorityClasses: fc.jsonValue({ maxDepth: 3 }) })
      .map((v) => stringify(v)),
    fc.record({ users: fc.jsonValue({ maxDepth: 3 }) }).map((v) => stringify(v)),
  );

  it("YAML configs (mig-parted, queues, credentials, device plugin): refuse with a message", () => {
    const credentials = join(dir, "credentials.yaml");
    fc.assert(
      fc.property(yamlDoc, fc.jsonValue({ maxDepth: 3 }), (text, raw) => {
        expect(refusesCleanly(() => parseMigPartedSpec(text, "fuzz.yaml"))).toBe(true);
        expect(refusesCleanly(() => parseQueueConfig(text, "fuzz.yaml"))).toBe(true);
        writeFileSync(credentials, text);
        expect(refusesCleanly(() => new CredentialsFile(credentials))).toBe(true);
        expect(refusesCleanly(() => parseDevicePluginConfig(raw, "fuzz"))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("JSON and YAML job files: refuse with a message", () => {
    const jobFile = join(dir, "job.json");
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (doc) => {
        writeFileSync(jobFile, JSON.stringify(doc));
        expect(refusesCleanly(() => jobSpecFromInput({ file: jobFile }, []))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
