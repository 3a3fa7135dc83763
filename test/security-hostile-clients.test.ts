import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobSpec } from "../proto/generated/tessera/v1/JobSpec.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { eventually } from "./support/Eventually.ts";
import { type SchedulerProcess, startSchedulerWithHttp } from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-hostile-"));
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

// Just under the limits: 3 values of 15 KiB (45 KiB of environment per job).
const bigEnv = { A: "a".repeat(15_000), B: "b".repeat(15_000), C: "c".repeat(15_000) };
const job = (name: string, env: Record<string, string> = bigEnv, tenant = "team-a"): JobSpec => ({
  name,
  tenant,
  request: { mig: { profile: "1g.10gb" } },
  command: ["true"],
  env,
});

async function refusal(spec: JobSpec): Promise<grpc.ServiceError> {
  try {
    await client.submit(spec, "");
  } catch (err) {
    return err as grpc.ServiceError;
  }
  throw new Error("the submit was accepted");
}

function healthz(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${httpUrl}/healthz`, { timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy(new Error("/healthz did not answer in 5 s")));
    req.on("error", reject);
    req.end();
  });
}

describe("sizes have limits, and errors quote a short prefix", () => {
  it("refuses a 1.5 MB environment value and a 1 MB tenant with short errors", async () => {
    const huge = await refusal(job("huge-env", { SECRET: "x".repeat(1_500_000) }));
    expect(huge.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(huge.details).toMatch(/env\.SECRET: is 1500000 bytes; the limit is 16384/);
    const many = await refusal(
      job("many", Object.fromEntries([...Array(5)].map((_, i) => [`V${i}`, "v".repeat(15_000)]))),
    );
    expect(many.details).toMatch(/env: holds \d+ bytes; the limit is 65536 in all/);
    const tenant = await refusal(job("t", {}, "t".repeat(1_000_000)));
    expect(tenant.details).toMatch(/spec\.tenant: "t{64}"\.\.\. \(1000000 characters\) must be/);
    expect(tenant.details.length).toBeLessThan(300);
  });
});

describe("hostile and slow clients do not wedge the server", () => {
  it("drops gRPC watchers that do not read, and keeps answering /healthz and submits", async () => {
    const slow: grpc.ClientReadableStream<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      const call = client.jobs.Watch({ includeCurrent: true });
      call.pause();
      slow.push(call);
    }
    const closedSlow = slow.map(
      (call) =>
        new Promise<grpc.ServiceError | undefined>((resolve) => {
          call.on("error", (err: grpc.ServiceError) => resolve(err));
          call.on("end", () => resolve(undefined));
        }),
    );
    const sseSockets: { destroy(): void }[] = [];
    for (let i = 0; i < 50; i++) {
      // SSE watchers that never read their responses.
      const req = request(`${httpUrl}/v1/jobs/watch?includeCurrent=true`);
      req.on("response", (res) => {
        res.pause();
        sseSockets.push(res.socket);
      });
      req.on("error", () => {});
      req.end();
    }
    const slowest: number[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const started = Date.now();
      await Promise.all([...Array(10)].map((_, i) => client.submit(job(`flood-${batch}-${i}`), "")));
      slowest.push(Date.now() - started);
      expect(await healthz()).toBe(200);
    }
    // 200 submits of 45 KiB each reached every watcher; none may make a batch of 10 take more than 10 s.
    expect(Math.max(...slowest)).toBeLessThan(10_000);
    for (const call of slow) call.resume();
    const outcomes = await Promise.all(closedSlow);
    expect(outcomes.every((e) => e?.code === grpc.status.RESOURCE_EXHAUSTED)).toBe(true);
    expect(outcomes[0]?.details).toMatch(/watch closed: the client fell 64 events behind/);
    for (const socket of sseSockets) socket.destroy();
    expect(await healthz()).toBe(200);
    await eventually("200 jobs listed", async () => ((await client.list()).length >= 200 ? true : undefined));
  }, 180_000);
});
