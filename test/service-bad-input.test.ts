import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobSpec } from "../proto/generated/tessera/v1/JobSpec.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { runTessera, type SchedulerProcess, startSchedulerProcess } from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-bad-"));
let scheduler: SchedulerProcess;
let client: SchedulerClient;

beforeAll(async () => {
  scheduler = await startSchedulerProcess(dir);
  client = new SchedulerClient(scheduler.address);
});
afterAll(async () => {
  client?.close();
  await scheduler?.process.kill();
  rmSync(dir, { recursive: true, force: true });
});

const ok: JobSpec = { name: "ok", request: { mig: { profile: "1g.10gb" } }, command: ["true"] };

async function refusal(spec: JobSpec | undefined): Promise<grpc.ServiceError> {
  try {
    await client.submit(spec as JobSpec, "");
  } catch (err) {
    return err as grpc.ServiceError;
  }
  throw new Error("the submit was accepted");
}

describe("bad input over gRPC", () => {
  it.each([
    ["no spec", undefined, /spec is missing/],
    ["no name", { ...ok, name: "" }, /spec\.name: is required/],
    ["no command", { ...ok, command: [] }, /spec\.command: is empty/],
    [
      "no request",
      { ...ok, request: undefined },
      /needs exactly one of mig, slice, share, whole, gang or no_gpu/,
    ],
    [
      "unknown profile",
      { ...ok, request: { mig: { profile: "5g.50gb" } } },
      /unknown MIG profile "5g\.50gb"/,
    ],
    [
      "a profile one letter off, on a named model",
      { ...ok, request: { mig: { profile: "1g.11gb" }, models: ["A100-SXM4-40GB"] } },
      /unknown MIG profile "1g\.11gb"; did you mean 1g\.10gb\?\nprofiles of the GPU models in this fleet \(A100-SXM4-40GB\): 1g\.5gb, /,
    ],
    [
      "negative GPU count",
      { ...ok, request: { whole: { gpus: -2 } } },
      /request\.whole\.gpus: -2 is outside 1\.\.64/,
    ],
    ["negative share", { ...ok, request: { share: { gpuMilli: -250, memoryMib: 1024 } } }, /gpu_milli: -250/],
    ["negative gang", { ...ok, request: { gang: { nodes: -1, gpusPerNode: 1 } } }, /gang\.nodes: -1/],
    [
      "unknown model",
      { ...ok, request: { mig: { profile: "1g.10gb" }, models: ["RTX-9090"] } },
      /unknown GPU model "RTX-9090"/,
    ],
    ["reserved env", { ...ok, env: { CUDA_VISIBLE_DEVICES: "0" } }, /reserved/],
    ["bad priority", { ...ok, priority: 5000 }, /priority: 5000 is outside/],
    ["long name", { ...ok, name: "n".repeat(300) }, /300 characters long; the limit is 253/],
  ] as const)("%s: INVALID_ARGUMENT saying what to fix", async (_what, spec, message) => {
    const err = await refusal(spec as JobSpec | undefined);
    expect(err.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(err.details).toMatch(message);
  });

  it("refuses a 10 MB name with RESOURCE_EXHAUSTED, before it reaches the store", async () => {
    const err = await refusal({ ...ok, name: "x".repeat(10 * 1024 * 1024) });
    expect(err.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect(err.details).toMatch(/larger than max/);
  });

  const garbage = Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x12, 0x99, 0x01, 0x02]);
  const bytes = (b: Buffer) => b;

  function unaryGarbage(method: string): Promise<grpc.ServiceError> {
    const raw = new grpc.Client(scheduler.address, grpc.credentials.createInsecure());
    return new Promise<grpc.ServiceError>((resolve, reject) =>
      raw.makeUnaryRequest(method, bytes, bytes, garbage, (e) =>
        e ? resolve(e) : reject(new Error("garbage accepted")),
      ),
    ).finally(() => raw.close());
  }

  function streamGarbage(
    open: (raw: grpc.Client) => grpc.ClientReadableStream<Buffer>,
  ): Promise<grpc.ServiceError> {
    const raw = new grpc.Client(scheduler.address, grpc.credentials.createInsecure());
    return new Promise<grpc.ServiceError>((resolve, reject) => {
      const call = open(raw);
      call.on("data", () => undefined);
      call.on("error", (e: grpc.ServiceError) => resolve(e));
      call.on("end", () => reject(new Error("garbage accepted")));
    }).finally(() => raw.close());
  }

  it.each([
    ["/tessera.v1.JobService/Submit", "SubmitRequest"],
    ["/tessera.v1.JobService/Get", "GetJobRequest"],
    ["/tessera.v1.JobService/List", "ListJobsRequest"],
    ["/tessera.v1.JobService/Cancel", "CancelJobRequest"],
  ])("answers garbage bytes in %s with INVALID_ARGUMENT naming the message", async (method, type) => {
    const err = await unaryGarbage(method);
    expect(err.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(err.details).toMatch(new RegExp(`^malformed ${type}: .+; send a protobuf-encoded ${type}$`));
  });

  it("answers garbage bytes in a stream call (Watch) and on the agent stream (Connect) with INVALID_ARGUMENT", async () => {
    const watch = await streamGarbage((raw) =>
      raw.makeServerStreamRequest("/tessera.v1.JobService/Watch", bytes, bytes, garbage),
    );
    expect(watch.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(watch.details).toMatch(/^malformed WatchJobsRequest: /);
    const connect = await streamGarbage((raw) => {
      const call = raw.makeBidiStreamRequest("/tessera.v1.NodeService/Connect", bytes, bytes);
      call.write(garbage);
      return call;
    });
    expect(connect.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(connect.details).toMatch(/^malformed AgentMessage: /);
  });

  it("closes a connection that sends garbage instead of HTTP/2", async () => {
    const answer = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      const socket = connect(scheduler.port, "127.0.0.1", () => socket.write(Buffer.alloc(4096, 0xab)));
      socket.on("data", (d: Buffer) => chunks.push(d));
      socket.on("error", () => resolve(Buffer.concat(chunks)));
      socket.on("close", () => resolve(Buffer.concat(chunks)));
    });
    // HTTP/2 frames: a GOAWAY (type 7) before the server closes the connection.
    expect(answer.includes(Buffer.from([0x07, 0x00, 0x00, 0x00, 0x00, 0x00]))).toBe(true);
  });

  it("stored nothing and keeps serving", async () => {
    expect(await client.list()).toEqual([]);
    const res = await client.submit(ok, "after-garbage");
    expect(res.job?.state).toBe("Pending");
    expect(res.job?.reason).toMatch(/no node is Ready|queued/);
    expect((await client.get(res.job!.id)).id).toBe(res.job!.id);
    await expect(client.get("j-nope")).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
    await expect(client.cancel(res.job!.id)).resolves.toMatchObject({ state: "Cancelled" });
    await expect(client.cancel(res.job!.id)).rejects.toMatchObject({ code: grpc.status.FAILED_PRECONDITION });
  });
});

describe("safe by default", () => {
  it("refuses to listen beyond loopback without a token, and demands the token when it has one", async () => {
    const open = runTessera("open scheduler", [
      "scheduler",
      "--listen",
      "0.0.0.0:0",
      "--db",
      join(dir, "open.db"),
    ]);
    await open.waitFor(/refusing to listen on 0\.0\.0\.0:0 without a token/);
    const tokenFile = join(dir, "token");
    writeFileSync(tokenFile, "s3cret-token-with-enough-length\n");
    const guardedDir = mkdtempSync(join(dir, "guarded-"));
    const guarded = await startSchedulerProcess(guardedDir, { extra: ["--token-file", tokenFile] });
    try {
      const anonymous = new SchedulerClient(guarded.address);
      await expect(anonymous.list()).rejects.toMatchObject({ code: grpc.status.UNAUTHENTICATED });
      anonymous.close();
      const trusted = new SchedulerClient(guarded.address, "s3cret-token-with-enough-length");
      await expect(trusted.list()).resolves.toEqual([]);
      trusted.close();
    } finally {
      await guarded.process.kill();
      await open.kill();
    }
  });
});
