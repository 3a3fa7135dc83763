import { describe, expect, it } from "vitest";
import { createPolicy } from "../engine/PolicyRegistry.ts";
import { createHttpApp, registerHttpApi } from "../http/HttpApi.ts";
import { TesseraMetrics } from "../metrics/TesseraMetrics.ts";
import { MemoryJobStore } from "../store/testing/MemoryJobStore.ts";
import { validateJobSpec } from "./JobSpecValidation.ts";
import { Scheduler } from "./Scheduler.ts";
import { SchedulerFleetView } from "./SchedulerFleetView.ts";
import { schedulerJobCommands } from "./SchedulerJobCommands.ts";
import { ServiceError } from "./ServiceError.ts";
import { ManualTime } from "./testing/ManualTime.ts";

async function httpOverScheduler() {
  const time = new ManualTime();
  const store = new MemoryJobStore();
  const scheduler = new Scheduler({
    store,
    policy: () => createPolicy("tessera"),
    leaseMs: 10_000,
    heartbeatMs: 2_000,
    lostNodePolicy: "requeue",
    clock: time.clock,
    timers: time,
  });
  const fleet = new SchedulerFleetView(scheduler);
  const app = createHttpApp();
  await registerHttpApi(app, {
    fleet,
    metrics: new TesseraMetrics(fleet),
    jobs: schedulerJobCommands(scheduler),
  });
  return { app, scheduler, store };
}

/** The message gRPC's Submit answers for the same spec (proto field names, defaults filled in). */
function grpcMessage(spec: Parameters<typeof validateJobSpec>[0]): string {
  try {
    validateJobSpec(spec);
  } catch (error) {
    if (error instanceof ServiceError) return error.message;
  }
  throw new Error("the spec was valid");
}

describe("POST /v1/jobs over the scheduler", () => {
  it("takes every JobSpec field gRPC takes, with the same defaults (tenant and queue `default`)", async () => {
    const { app, scheduler, store } = await httpOverScheduler();
    const created = await app.inject({
      method: "POST",
      url: "/v1/jobs",
      payload: {
        name: "sweep",
        request: { whole: { gpus: 1 } },
        command: ["python", "sweep.py"],
        preemptible: true,
        requeueOnPreemption: true,
        maxRuntimeSeconds: 600,
        clientRequestId: "req-1",
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().job.id as string;
    expect(store.get(id)?.spec).toMatchObject({
      tenant: "default",
      queue: "default",
      kind: "batch",
      preemptible: true,
      requeueOnPreemption: true,
      maxRuntimeSeconds: 600,
    });
    expect(scheduler.job(id)?.clientRequestId).toBe("req-1");
    await app.close();
  });

  it("answers a bad spec with the message gRPC gives for it", async () => {
    const { app } = await httpOverScheduler();
    const badClass = await app.inject({
      method: "POST",
      url: "/v1/jobs",
      payload: { name: "x", request: { whole: { gpus: 1 } }, command: ["true"], priorityClass: "Urgent!" },
    });
    expect(badClass.statusCode).toBe(400);
    expect(badClass.json().message).toBe(
      grpcMessage({
        name: "x",
        tenant: "",
        priority: 0,
        kind: "",
        request: {
          whole: { gpus: 1, requireNvlink: false },
          models: [],
          cpuMillis: 0,
          memoryMib: 0,
          shape: "whole",
        },
        command: ["true"],
        env: {},
        workdir: "",
        queue: "",
        priorityClass: "Urgent!",
        preemptible: false,
        requeueOnPreemption: false,
        maxRuntimeSeconds: 0,
        image: "",
        mounts: [],
      }),
    );
    expect(badClass.json().message).toMatch(/^spec\.priority_class: "Urgent!" must be lower-case/);
    const noShape = await app.inject({
      method: "POST",
      url: "/v1/jobs",
      payload: { name: "x", command: ["true"] },
    });
    expect(noShape.statusCode).toBe(400);
    expect(noShape.json().message).toBe(
      "spec.request: needs exactly one of mig, slice, share, whole, gang or no_gpu",
    );
    await app.close();
  });

  it("takes a container job's image and mounts, and names a bad mount or image", async () => {
    const { app, store } = await httpOverScheduler();
    const base = { name: "train", request: { mig: { profile: "1g.10gb" } }, command: ["python", "t.py"] };
    const created = await app.inject({
      method: "POST",
      url: "/v1/jobs",
      payload: {
        ...base,
        image: "localhost/train:1",
        mounts: [{ source: "/data", target: "/data", readOnly: true }],
      },
    });
    expect(created.statusCode).toBe(201);
    const job = created.json().job;
    expect(job.image).toBe("localhost/train:1");
    expect(store.get(job.id)?.spec.container).toEqual({
      image: "localhost/train:1",
      mounts: [{ source: "/data", target: "/data", readOnly: true }],
    });
    const refused = async (payload: object) => {
      const res = await app.inject({ method: "POST", url: "/v1/jobs", payload: { ...base, ...payload } });
      expect(res.statusCode).toBe(400);
      return res.json().message as string;
    };
    expect(await refused({ image: "x", mounts: [{ source: "data", target: "/data" }] })).toBe(
      'spec.mounts[0].source: "data" is not an absolute path (start it with /)',
    );
    expect(await refused({ image: "x", mounts: [{ source: "/a/../etc", target: "/d" }] })).toMatch(
      /^spec\.mounts\[0\]\.source: "\/a\/\.\.\/etc" holds \. or \.\. components/,
    );
    expect(await refused({ image: "x", mounts: [{ source: "/a", target: "/" }] })).toMatch(
      /^spec\.mounts\[0\]\.target: cannot be \//,
    );
    expect(await refused({ mounts: [{ source: "/a", target: "/b" }] })).toMatch(
      /^spec\.mounts: need an image/,
    );
    expect(await refused({ image: "--privileged" })).toMatch(/^spec\.image: "--privileged" is not an image/);
    expect(await refused({ image: "x", kind: "vm" })).toMatch(/^spec\.image: is a container image; a vm job/);
    expect(await refused({ image: "x", env: { NOTE: "two\nlines" } })).toBe(
      "spec.env.NOTE: holds a line break, which a container job's environment cannot carry",
    );
    await app.close();
  });
});
