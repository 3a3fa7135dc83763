import Database from "better-sqlite3";
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { registerDashboard } from "../dashboard/DashboardRoutes.ts";
import { Finops } from "../finops/Finops.ts";
import { parseFinopsSettings } from "../finops/FinopsConfig.ts";
import { TesseraMetrics } from "../metrics/TesseraMetrics.ts";
import { createHttpApp, type JobCommands, registerHttpApi, type SubmitJobBody } from "./HttpApi.ts";
import { InMemoryFleet } from "./InMemoryFleet.ts";
import { job, sampleFleet } from "./SampleFleet.ts";

const T0 = Date.UTC(2026, 10, 2);
const MIN = 60_000;
const HOUR = 60 * MIN;

interface Setup {
  app: FastifyInstance;
  fleet: InMemoryFleet;
  finops: Finops;
  clock: { now: number };
  submitted: SubmitJobBody[];
}

const apps: FastifyInstance[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function setup(
  options: { ready?: boolean; withFinops?: boolean; token?: string } = {},
): Promise<Setup> {
  const clock = { now: T0 };
  const fleet = new InMemoryFleet(sampleFleet(T0));
  const finops = new Finops({
    db: new Database(":memory:"),
    fleet,
    settings: parseFinopsSettings({ idle: { after: "10m" }, cost: { gpuHour: { "H100-SXM5-80GB": 4 } } }),
    now: () => clock.now,
    warn: () => {},
  });
  finops.sync();
  const submitted: SubmitJobBody[] = [];
  const jobs: JobCommands = {
    async submit(body) {
      submitted.push(body);
      if (body.request?.mig?.profile === "9g.1tb") {
        throw Object.assign(new Error('3 INVALID_ARGUMENT: unknown MIG profile "9g.1tb"'), { code: 3 });
      }
      const id = `job-${submitted.length}`;
      fleet.update((d) => {
        d.jobs.push(
          job(id, body.tenant ?? "default", body.queue ?? "default", {
            state: "Pending",
            submittedAt: clock.now,
          }),
        );
      });
      return { jobId: id, deduplicated: false };
    },
    async cancel(id) {
      const state = fleet.snapshot().jobs.find((j) => j.id === id)?.state;
      if (state === "Cancelled" || state === "Succeeded") {
        throw Object.assign(new Error(`9 FAILED_PRECONDITION: job ${id} is ${state} already`), { code: 9 });
      }
      fleet.update((d) => {
        const found = d.jobs.find((j) => j.id === id);
        if (found) found.state = "Cancelled";
      });
    },
  };
  const app = createHttpApp();
  apps.push(app);
  await registerHttpApi(app, {
    fleet,
    metrics: new TesseraMetrics(fleet, finops),
    ...(options.withFinops === false ? {} : { finops }),
    jobs,
    logs: {
      open(id, follow, onData, onEnd, rank) {
        if (id === "wait-1") {
          throw Object.assign(new Error("9 FAILED_PRECONDITION: job wait-1 has no output yet"), { code: 9 });
        }
        if (rank !== undefined && id !== "train-1") {
          throw Object.assign(new Error(`3 INVALID_ARGUMENT: job ${id} is not a gang`), { code: 3 });
        }
        const timer = setTimeout(() => {
          onData(Buffer.from(`${id}${rank === undefined ? "" : ` rank ${rank}`} line 1\n`));
          if (follow) onData(Buffer.from(`${id} line 2\n`));
          onEnd();
        }, 10);
        return () => clearTimeout(timer);
      },
    },
    ...(options.token ? { token: options.token } : {}),
    notReadyReason: () => (options.ready === false ? "store is still opening" : undefined),
    now: () => clock.now,
  });
  await app.ready();
  return { app, fleet, finops, clock, submitted };
}

function ingestHour(s: Setup): void {
  for (let m = 1; m <= 60; m++) {
    s.clock.now = T0 + m * MIN;
    s.finops.ingest([
      {
        at: s.clock.now,
        node: "h100-a",
        gpuUuid: "GPU-h100-a-0",
        utilizationPercent: 0,
        memoryUsedMiB: 5,
        memoryTotalMiB: 81_559,
      },
      {
        at: s.clock.now,
        node: "h100-a",
        gpuUuid: "GPU-h100-a-1",
        utilizationPercent: 90,
        memoryUsedMiB: 70_000,
        memoryTotalMiB: 81_559,
      },
    ]);
  }
}

describe("HTTP API (inject)", () => {
  it("redirects / to the dashboard", async () => {
    const plain = createHttpApp();
    apps.push(plain);
    registerDashboard(plain);
    const root = await plain.inject("/");
    expect([root.statusCode, root.headers.location]).toEqual([302, "/dashboard/"]);
    expect((await plain.inject("/dashboard/")).headers["content-type"]).toMatch(/^text\/html/);
  });

  it("serves a job's output at /v1/jobs/{id}/logs, following it with follow=true", async () => {
    const { app } = await setup();
    const once = await app.inject("/v1/jobs/train-1/logs");
    expect(once.statusCode).toBe(200);
    expect(once.headers["content-type"]).toMatch(/^text\/plain/);
    expect(once.body).toBe("train-1 line 1\n");
    expect((await app.inject("/v1/jobs/train-1/logs?follow=true")).body).toBe(
      "train-1 line 1\ntrain-1 line 2\n",
    );
    const none = await app.inject("/v1/jobs/wait-1/logs");
    expect([none.statusCode, none.json().message]).toEqual([409, "job wait-1 has no output yet"]);
    expect((await app.inject("/v1/jobs/nope/logs")).statusCode).toBe(404);
  });

  it("passes the rank of one gang member on to the logs, and refuses one the job does not have", async () => {
    const { app } = await setup();
    expect((await app.inject("/v1/jobs/train-1/logs?rank=1")).body).toBe("train-1 rank 1 line 1\n");
    const notGang = await app.inject("/v1/jobs/train-2/logs?rank=1");
    expect([notGang.statusCode, notGang.json().message]).toEqual([400, "job train-2 is not a gang"]);
    expect((await app.inject("/v1/jobs/train-1/logs?rank=-1")).statusCode).toBe(400);
  });

  it("documents in the OpenAPI document every status code each route answers", async () => {
    const { app } = await setup();
    const { app: readOnly } = await setup({ withFinops: false, ready: false });
    const { app: guarded } = await setup({ token: "a-long-enough-token-1234" });
    const job = { name: "x", tenant: "t", request: { mig: { profile: "1g.10gb" } }, command: ["true"] };
    // Requests that make each route answer each of its statuses: [app, method, url, route, body].
    type Case = [FastifyInstance, "GET" | "POST" | "DELETE", string, string, object?];
    const cases: Case[] = [
      [app, "GET", "/healthz", "/healthz"],
      [app, "GET", "/readyz", "/readyz"],
      [readOnly, "GET", "/readyz", "/readyz"],
      [app, "GET", "/metrics", "/metrics"],
      [app, "GET", "/metrics?naming=x", "/metrics"],
      [app, "GET", "/v1/nodes", "/v1/nodes"],
      [app, "GET", "/v1/nodes/h100-a", "/v1/nodes/{name}"],
      [app, "GET", "/v1/nodes/nope", "/v1/nodes/{name}"],
      [app, "GET", "/v1/capacity", "/v1/capacity"],
      [app, "GET", "/v1/jobs", "/v1/jobs"],
      [app, "GET", "/v1/jobs?limit=x", "/v1/jobs"],
      [app, "GET", "/v1/jobs/train-1", "/v1/jobs/{id}"],
      [app, "GET", "/v1/jobs/nope", "/v1/jobs/{id}"],
      [app, "POST", "/v1/jobs", "/v1/jobs", job],
      [app, "POST", "/v1/jobs", "/v1/jobs", { ...job, request: { mig: { profile: "9g.1tb" } } }],
      [guarded, "POST", "/v1/jobs", "/v1/jobs", job],
      [readOnly, "POST", "/v1/jobs", "/v1/jobs", job],
      [app, "DELETE", "/v1/jobs/train-1", "/v1/jobs/{id}"],
      [app, "DELETE", "/v1/jobs/train-1", "/v1/jobs/{id}"],
      [app, "DELETE", "/v1/jobs/nope", "/v1/jobs/{id}"],
      [app, "DELETE", "/v1/jobs/train-2?bogus=1", "/v1/jobs/{id}"],
      [guarded, "DELETE", "/v1/jobs/train-2", "/v1/jobs/{id}"],
      [app, "GET", "/v1/jobs/train-2/logs", "/v1/jobs/{id}/logs"],
      [app, "GET", "/v1/jobs/wait-1/logs", "/v1/jobs/{id}/logs"],
      [app, "GET", "/v1/jobs/nope/logs", "/v1/jobs/{id}/logs"],
      [app, "GET", "/v1/jobs/train-2/logs?follow=maybe", "/v1/jobs/{id}/logs"],
      [app, "GET", "/v1/jobs/train-2/logs?rank=1", "/v1/jobs/{id}/logs"],
      [app, "GET", "/v1/utilization?from=now-1h", "/v1/utilization"],
      [app, "GET", "/v1/utilization?from=yesterday", "/v1/utilization"],
      [readOnly, "GET", "/v1/utilization?from=now-1h", "/v1/utilization"],
      [app, "GET", "/v1/utilization/latest", "/v1/utilization/latest"],
      [readOnly, "GET", "/v1/utilization/latest", "/v1/utilization/latest"],
      [app, "GET", "/v1/reports/usage", "/v1/reports/usage"],
      [app, "GET", "/v1/reports/usage?from=yesterday", "/v1/reports/usage"],
      [readOnly, "GET", "/v1/reports/usage", "/v1/reports/usage"],
      [app, "GET", "/v1/fleet/history?from=now-1h", "/v1/fleet/history"],
      [app, "GET", "/v1/fleet/history?from=yesterday", "/v1/fleet/history"],
      [readOnly, "GET", "/v1/fleet/history?from=now-1h", "/v1/fleet/history"],
      [app, "GET", "/v1/idle", "/v1/idle"],
      [readOnly, "GET", "/v1/idle", "/v1/idle"],
      [app, "GET", "/v1/queues", "/v1/queues"],
    ];
    const doc = (await app.inject("/openapi.json")).json() as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const undocumented: string[] = [];
    const routes = new Set<string>();
    for (const [target, method, url, route, body] of cases) {
      const res = await target.inject({ method, url, ...(body ? { payload: body } : {}) });
      routes.add(`${method} ${route}`);
      const documented = Object.keys(doc.paths[route]?.[method.toLowerCase()]?.responses ?? {});
      if (!documented.includes(String(res.statusCode)))
        undocumented.push(`${method} ${url} -> ${res.statusCode}`);
    }
    expect(undocumented).toEqual([]);
    // Every documented route is exercised above, so a new route needs its statuses checked here too.
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(listed.filter((r) => !routes.has(r) && !r.endsWith("/v1/jobs/watch"))).toEqual([]);
  });

  it("answers health, readiness and metrics", async () => {
    const { app } = await setup();
    expect((await app.inject("/healthz")).json()).toEqual({ status: "ok" });
    expect((await app.inject("/readyz")).json()).toEqual({ status: "ready" });
    const metrics = await app.inject("/metrics");
    expect(metrics.headers["content-type"]).toMatch(/^text\/plain/);
    expect(metrics.body).toContain('tessera_gpus{model="H100-SXM5-80GB"');
    const dcgm = await app.inject("/metrics?naming=dcgm");
    expect(dcgm.body).toContain("# TYPE DCGM_FI_DEV_FB_USED gauge");
    expect(dcgm.body).toContain('tessera_gpus{model="H100-SXM5-80GB"');
    expect((await app.inject("/metrics?naming=nvidia")).statusCode).toBe(400);
    const { app: starting } = await setup({ ready: false });
    const notReady = await starting.inject("/readyz");
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toEqual({
      statusCode: 503,
      error: "Service Unavailable",
      message: "not ready: store is still opening",
    });
  });

  it("publishes an OpenAPI document generated from the route schemas", async () => {
    const { app } = await setup();
    const doc = (await app.inject("/openapi.json")).json();
    expect(doc.openapi).toBe("3.0.3");
    for (const path of [
      "/v1/jobs",
      "/v1/jobs/{id}",
      "/v1/nodes",
      "/v1/capacity",
      "/v1/utilization",
      "/v1/reports/usage",
      "/v1/idle",
      "/healthz",
      "/readyz",
      "/metrics",
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const groupBy = doc.paths["/v1/utilization"].get.parameters.find(
      (p: { name: string }) => p.name === "groupBy",
    );
    expect(groupBy.schema.enum).toEqual(["gpu", "mig", "node", "model", "tenant"]);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["Node", "Gpu", "Slice", "Job", "UsageRow"]),
    );
  });

  it("lists nodes and jobs, and says what is missing", async () => {
    const { app } = await setup();
    const nodes = (await app.inject("/v1/nodes")).json().nodes;
    expect(nodes.map((n: { name: string }) => n.name)).toEqual(["h100-a", "a100-a"]);
    expect(nodes[1].gpus[0].slices[0]).toMatchObject({
      kind: "mig",
      profile: "3g.40gb",
      jobId: "infer-1",
      placementStart: 0,
    });
    const pending = (await app.inject("/v1/jobs?state=Pending")).json().jobs;
    expect(pending.map((j: { id: string }) => j.id)).toEqual(["wait-1"]);
    expect(pending[0].reason).toMatch(/0\/2 nodes are available/);
    const ids = async (query: string) =>
      (await app.inject(`/v1/jobs?${query}`))
        .json()
        .jobs.map((j: { id: string }) => j.id)
        .sort();
    expect(await ids("state=Pending&state=Running&tenant=vision")).toEqual(["nb-1", "train-1"]);
    expect(await ids("node=a100-a")).toEqual(["infer-1", "nb-1"]);
    expect(await ids("nameContains=train")).toEqual(["train-1", "train-2"]);
    const missing = await app.inject("/v1/jobs/nope");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('no job "nope"; list jobs with GET /v1/jobs');
    const badState = await app.inject("/v1/jobs?state=Sleeping");
    expect(badState.statusCode).toBe(400);
    expect(badState.json().message).toBe(
      "querystring.state[0] must be one of Pending, Scheduled, Running, Succeeded, Failed, Cancelled, Preempted, Lost",
    );
    const noRoute = await app.inject("/v2/things?x=1");
    expect(noRoute.json()).toMatchObject({
      statusCode: 404,
      message: "no route GET /v2/things; see /openapi.json",
    });
  });

  it("submits and cancels jobs, validating the body", async () => {
    const s = await setup();
    const created = await s.app.inject({
      method: "POST",
      url: "/v1/jobs",
      payload: {
        name: "bert",
        tenant: "nlp",
        queue: "training",
        request: { mig: { profile: "3g.40gb" } },
        command: ["python", "train.py"],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      job: { id: "job-1", tenant: "nlp", state: "Pending" },
      deduplicated: false,
    });
    expect(s.submitted[0]?.command).toEqual(["python", "train.py"]);

    const cpuOnly = await s.app.inject({
      method: "POST",
      url: "/v1/jobs",
      payload: { name: "etl", tenant: "t", request: { noGpu: {}, cpuMillis: 2000 }, command: ["true"] },
    });
    expect(cpuOnly.statusCode).toBe(201);
    expect(s.submitted.at(-1)?.request).toEqual({ noGpu: {}, cpuMillis: 2000 });

    const twoShapes = await s.app.inject({
      method: "POST",
      url: "/v1/jobs",
      payload: { name: "x", tenant: "t", request: { mig: { profile: "1g.10gb" }, whole: { gpus: 1 } } },
    });
    expect(twoShapes.statusCode).toBe(400);
    expect(twoShapes.json().message).toBe(
      "body.request must have exactly one of mig, slice, share, whole, gang, noGpu; got mig, whole",
    );
    const badBody = await s.app.inject({
      method: "POST",
      url: "/v1/jobs",
      payload: { name: "x", tenant: "t", request: { whole: { gpus: 1 } }, colour: "red" },
    });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json().message).toBe('body has an unknown field "colour"');
    const zero = await s.app.inject({
      method: "POST",
      url: "/v1/jobs",
      payload: { name: "x", tenant: "t", request: { whole: { gpus: "two" } } },
    });
    expect(zero.json().message).toBe("body.request.whole.gpus must be integer");
    const typo = await s.app.inject("/v1/jobs?tennant=nlp");
    expect(typo.json().message).toBe('querystring has an unknown field "tennant"');
    const refused = await s.app.inject({
      method: "POST",
      url: "/v1/jobs",
      payload: { name: "x", tenant: "t", request: { mig: { profile: "9g.1tb" } } },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe('unknown MIG profile "9g.1tb"');

    const cancelled = await s.app.inject({ method: "DELETE", url: "/v1/jobs/job-1" });
    expect(cancelled.json()).toMatchObject({ id: "job-1", state: "Cancelled" });
  });

  it("asks for the scheduler's token before submitting or cancelling, when it has one", async () => {
    const s = await setup({ token: "s3cret" });
    const payload = { name: "x", tenant: "t", request: { whole: { gpus: 1 } } };
    const anonymous = await s.app.inject({ method: "POST", url: "/v1/jobs", payload });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().message).toBe(
      "missing or wrong token: send Authorization: Bearer <the scheduler's token>",
    );
    const wrong = await s.app.inject({
      method: "DELETE",
      url: "/v1/jobs/wait-1",
      headers: { authorization: "Bearer nope" },
    });
    expect(wrong.statusCode).toBe(401);
    const signed = await s.app.inject({
      method: "POST",
      url: "/v1/jobs",
      payload,
      headers: { authorization: "Bearer s3cret" },
    });
    expect(signed.statusCode).toBe(201);
    expect((await s.app.inject("/v1/jobs")).statusCode).toBe(200);
    expect(s.submitted).toHaveLength(1);
  });

  it("reports capacity by model and profile with fragmentation", async () => {
    const { app } = await setup();
    const capacity = (await app.inject("/v1/capacity")).json();
    const a100 = capacity.models.find((m: { model: string }) => m.model === "A100-80GB");
    // The MIG A100 holds 3g (3/7) + 2g (2/7) allocated and a free 2g (2/7); the other A100 is free.
    expect(a100.allocatedGpus).toBeCloseTo(5 / 7, 9);
    expect(a100.freeGpus).toBeCloseTo(9 / 7, 9);
    expect(a100.fragmentation).toBeCloseTo(2 / 9, 9);
    const profile = (name: string) => a100.profiles.find((p: { profile: string }) => p.profile === name);
    expect(profile("2g.20gb")).toEqual({ profile: "2g.20gb", available: 4, allocated: 1 });
    expect(profile("1g.10gb")).toEqual({ profile: "1g.10gb", available: 7, allocated: 0 });
    expect(profile("7g.80gb")).toEqual({ profile: "7g.80gb", available: 1, allocated: 0 });
    expect(capacity.fragmentation).toBeCloseTo(2 / 7 / (2 + 9 / 7), 9);
    expect(capacity.models.find((m: { model: string }) => m.model === "H100-SXM5-80GB").gpusByState).toEqual({
      free: 2,
      partial: 0,
      full: 2,
      unavailable: 0,
    });
  });

  it("serves utilization history, usage reports (JSON and CSV) and the idle list", async () => {
    const s = await setup();
    ingestHour(s);
    const util = await s.app.inject(`/v1/utilization?from=${T0}&to=${T0 + HOUR}&step=30m&groupBy=tenant`);
    expect(util.statusCode, util.body).toBe(200);
    const body = util.json();
    expect(body.resolution).toBe("1m");
    expect(body.series.map((x: { labels: { tenant: string } }) => x.labels.tenant)).toEqual([
      "nlp",
      "vision",
    ]);
    expect(body.series[0].points.map((p: { utilizationPercent: number }) => p.utilizationPercent)).toEqual([
      90, 90,
    ]);
    const iso = await s.app.inject(
      "/v1/utilization?from=2026-11-02T00:00:00Z&to=now&step=1h&groupBy=model&model=H100-SXM5-80GB",
    );
    expect(iso.json().series[0].points[0].utilizationPercent).toBe(45);

    const badStep = await s.app.inject("/v1/utilization?step=often");
    expect(badStep.statusCode).toBe(400);
    expect(badStep.json().message).toBe("querystring.step must be a duration like 30s, 5m, 1h or 1d");
    const badFrom = await s.app.inject("/v1/utilization?from=yesterday");
    expect(badFrom.json().message).toBe(
      "querystring.from must be now, now-<duration> (now-7d), epoch milliseconds or an ISO 8601 date/date-time",
    );
    const backwards = await s.app.inject(`/v1/utilization?from=now&to=now-1h`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().message).toMatch(/"to" .* must be after "from"/);

    const report = (await s.app.inject(`/v1/reports/usage?from=${T0}&to=${T0 + HOUR}`)).json();
    expect(
      report.rows.find(
        (r: { tenant: string; model: string }) => r.tenant === "vision" && r.model === "H100-SXM5-80GB",
      ),
    ).toMatchObject({
      gpuHours: 1,
      cost: 4,
    });
    expect(report.unpricedModels).toEqual(["A100-80GB"]);
    const csv = await s.app.inject(`/v1/reports/usage?from=${T0}&to=${T0 + HOUR}&format=csv`);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe(
      'attachment; filename="tessera-usage-2026-11-02-2026-11-02.csv"',
    );
    expect(csv.body.split("\r\n")[0]).toBe("tenant,model,gpu_hours,idle_gpu_hours,cost,idle_cost,currency");

    const idle = (await s.app.inject("/v1/idle")).json().idle;
    expect(idle.map((i: { jobId: string; since: number }) => [i.jobId, i.since])).toEqual([["train-1", T0]]);
    const latest = (await s.app.inject("/v1/utilization/latest")).json().samples;
    expect(latest).toHaveLength(2);
  });

  it("answers 503 with the reason when history or job commands are not wired", async () => {
    const { app } = await setup({ withFinops: false });
    const idle = await app.inject("/v1/idle");
    expect(idle.statusCode).toBe(503);
    expect(idle.json().message).toBe(
      "utilization history is off: this scheduler runs without a FinOps store",
    );
  });
});

describe("HTTP API (live server)", () => {
  it("streams job events as server-sent events, and a closing server ends the stream", async () => {
    const s = await setup();
    const address = await s.app.listen({ port: 0, host: "127.0.0.1" });
    const response = await fetch(`${address}/v1/jobs/watch?jobId=wait-1&includeCurrent=true`);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = "";
    const events = async (n: number) => {
      while ((text.match(/^event: job$/gm) ?? []).length < n) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
      return [...text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1] as string));
    };
    expect((await events(1)).map((e) => [e.type, e.job.id, e.job.state])).toEqual([
      ["created", "wait-1", "Pending"],
    ]);
    s.fleet.update((d) => {
      const job = d.jobs.find((j) => j.id === "wait-1");
      if (job) Object.assign(job, { state: "Running", startedAt: s.clock.now });
      d.jobs.push(job2());
    });
    expect((await events(2)).map((e) => [e.type, e.job.id, e.job.state])).toEqual([
      ["created", "wait-1", "Pending"],
      ["updated", "wait-1", "Running"],
    ]);
    await s.app.close();
    expect((await reader.read()).done).toBe(true);
    const missing = await setup();
    expect((await missing.app.inject("/v1/jobs/watch?jobId=nope")).statusCode).toBe(404);
  });

  it("serves JSON and metrics over a real socket", async () => {
    const { app } = await setup();
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const nodes = (await (await fetch(`${address}/v1/nodes`)).json()) as { nodes: unknown[] };
    expect(nodes.nodes).toHaveLength(2);
    const metrics = await fetch(`${address}/metrics`);
    expect(await metrics.text()).toContain("tessera_allocation_ratio");
    const csv = await fetch(`${address}/v1/reports/usage?format=csv`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toMatch(/^tenant,model,gpu_hours/);
  });
});

/** A job that is not the watched one: its changes must not reach a watcher of wait-1. */
function job2() {
  return job("other-1", "nlp", "training", { state: "Pending", submittedAt: T0 });
}
