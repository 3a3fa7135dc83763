import { readFileSync } from "node:fs";
import { request } from "node:https";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobSpec } from "../proto/generated/tessera/v1/JobSpec.ts";
import { SchedulerCluster } from "../scheduler/cli/SchedulerCluster.ts";
import { eventually } from "./support/Eventually.ts";
import {
  bearer,
  type SecuredScheduler,
  startSecuredScheduler,
  tokens,
  type UserName,
} from "./support/SecuredScheduler.ts";
import { runTessera, type TesseraProcess } from "./support/TesseraProcesses.ts";

// Two tenants share one node: bob (team-b) must see alice's (team-a) work only as anonymous occupancy.
let secured: SecuredScheduler;
let bobsJob: string;
let alicesJob: string;

const gpuJob = (name: string, tenant: string): JobSpec => ({
  name,
  tenant,
  request: { whole: { gpus: 1 } },
  command: ["sleep", "600"],
});

async function json<T>(user: UserName, path: string): Promise<T> {
  const reply = await secured.https("GET", path, bearer(user));
  expect(reply.status, `${path}: ${reply.body}`).toBe(200);
  return JSON.parse(reply.body) as T;
}

async function exited(proc: TesseraProcess): Promise<number> {
  return eventually(`${proc.name} exited`, () => proc.child.exitCode ?? undefined, 60_000);
}

beforeAll(async () => {
  secured = await startSecuredScheduler("views");
  secured.startAgent({ name: "gpu-a", models: ["L4-24GB", "L4-24GB", "L4-24GB"] });
  await eventually(
    "gpu-a Ready",
    async () =>
      (await secured.client("root").nodes()).some((n) => n.name === "gpu-a" && n.state === "Ready") ||
      undefined,
    60_000,
  );
  // Bob's first, alice's after: the newest job in the fleet is another tenant's.
  bobsJob = (await secured.client("bob").submit(gpuJob("bob-train", "team-b"), "")).job!.id;
  alicesJob = (await secured.client("alice").submit(gpuJob("alice-secret-run", "team-a"), "")).job!.id;
  await eventually(
    "both running",
    async () => {
      const jobs = await secured.client("root").list();
      return jobs.filter((j) => j.state === "Running").length === 2 || undefined;
    },
    60_000,
  );
}, 180_000);
afterAll(async () => {
  await secured?.stop();
});

describe("other tenants' work is anonymous occupancy for a submitter", () => {
  it("HTTP nodes: alice's slice is taken by 'another tenant', bob's own shows its job", async () => {
    type Nodes = { nodes: { gpus: { slices: { jobId?: string; otherTenant?: boolean }[] }[] }[] };
    const slices = (await json<Nodes>("bob", "/v1/nodes")).nodes.flatMap((n) =>
      n.gpus.flatMap((g) => g.slices),
    );
    expect(slices.map((s) => s.jobId)).toContain(bobsJob);
    expect(slices.filter((s) => s.otherTenant)).toHaveLength(1);
    const text = JSON.stringify(await json("bob", "/v1/nodes/gpu-a"));
    expect(text).not.toContain(alicesJob);
    const admin = JSON.stringify(await json("root", "/v1/nodes"));
    expect(admin).toContain(alicesJob);
    expect(admin).not.toContain("otherTenant");
  });

  it("HTTP job list: the tenant filter comes before the limit", async () => {
    const { jobs } = await json<{ jobs: { id: string }[] }>("bob", "/v1/jobs?limit=1");
    expect(jobs.map((j) => j.id)).toEqual([bobsJob]);
    const logs = await secured.https("GET", `/v1/jobs/${alicesJob}/logs`, bearer("bob"));
    expect(logs.status).toBe(403);
  });

  it("usage reports, utilization per tenant and idle allocations hold only the caller's tenants", async () => {
    type Report = { rows: { tenant: string }[]; tenants: { tenant: string }[] };
    const all = await eventually("team-a in the admin's report", async () => {
      const report = await json<Report>("root", "/v1/reports/usage?from=now-1h&to=now");
      return report.tenants.some((t) => t.tenant === "team-a") ? report : undefined;
    });
    expect(all.tenants.map((t) => t.tenant)).toContain("team-b");
    const bobs = await json<Report>("bob", "/v1/reports/usage?from=now-1h&to=now");
    expect([...bobs.rows, ...bobs.tenants].map((r) => r.tenant)).toEqual(expect.arrayContaining(["team-b"]));
    expect(JSON.stringify(bobs)).not.toContain("team-a");
    const csv = await secured.https("GET", "/v1/reports/usage?from=now-1h&to=now&format=csv", bearer("bob"));
    expect(csv.body).toContain("team-b");
    expect(csv.body).not.toContain("team-a");
    const byTenant = await json<{ series: { labels: { tenant: string } }[] }>(
      "bob",
      "/v1/utilization?from=now-1h&to=now&step=1m&groupBy=tenant",
    );
    expect(byTenant.series.every((s) => s.labels.tenant === "team-b")).toBe(true);
    const asked = await secured.https(
      "GET",
      "/v1/utilization?from=now-1h&to=now&tenant=team-a",
      bearer("bob"),
    );
    expect(asked.status).toBe(403);
    const { idle } = await json<{ idle: { tenant: string }[] }>("bob", "/v1/idle");
    expect(idle.every((i) => i.tenant === "team-b")).toBe(true);
  }, 60_000);

  it("metrics: alice's GPU keeps its reading with tenant (other) and no job", async () => {
    const admin = await eventually("alice's job in the admin's metrics", async () => {
      const text = (await secured.https("GET", "/metrics", bearer("root"))).body;
      return text.includes(alicesJob) ? text : undefined;
    });
    expect(admin).toContain('tenant="team-a"');
    const bobs = (await secured.https("GET", "/metrics", bearer("bob"))).body;
    expect(bobs).not.toContain(alicesJob);
    expect(bobs).not.toContain('tenant="team-a"');
    expect(bobs).toContain('tenant="(other)",job=""');
    expect(bobs).toContain(bobsJob);
  }, 60_000);

  it("the SSE watch streams only the caller's tenant's jobs", async () => {
    const text = await new Promise<string>((resolve, reject) => {
      let body = "";
      const req = request(
        `${secured.httpsUrl}/v1/jobs/watch?includeCurrent=true`,
        { ca: secured.caPem, headers: bearer("vic") },
        (res) => {
          res.on("data", (d: Buffer) => {
            body += d.toString();
            if (body.includes(alicesJob)) req.destroy();
          });
        },
      );
      req.on("error", reject);
      req.on("close", () => resolve(body));
      req.end();
      setTimeout(() => req.destroy(), 1500);
    });
    // vic views team-a: alice's job, never bob's.
    expect(text).toContain(alicesJob);
    expect(text).not.toContain(bobsJob);
  });

  it("tessera top, report and nodes as bob name no job, name or tenant of alice's", async () => {
    const env = { TESSERA_TLS_CA: secured.ca.ca.cert, TESSERA_TOKEN_FILE: secured.tokenFile("bob") };
    const top = runTessera("top", ["top", "--once", "--http", secured.httpsUrl], env);
    expect(await exited(top), top.output).toBe(0);
    expect(top.output).toContain("bob-train (team-b)");
    expect(top.output).toContain("other tenant");
    expect(top.output).not.toMatch(/alice|team-a/);
    const report = runTessera("report", ["report", "--http", secured.httpsUrl, "--csv"], env);
    expect(await exited(report), report.output).toBe(0);
    expect(report.output).toContain("team-b");
    expect(report.output).not.toContain("team-a");
    const nodes = runTessera("nodes", ["nodes", "--json", "--scheduler", secured.scheduler.address], env);
    expect(await exited(nodes), nodes.output).toBe(0);
    expect(nodes.output).toContain("gpu-a");
    expect(nodes.output).not.toMatch(/alice|team-a/);
    const anonymous = runTessera("top", ["top", "--once", "--http", secured.httpsUrl], {
      TESSERA_TLS_CA: secured.ca.ca.cert,
    });
    expect(await exited(anonymous)).not.toBe(0);
    expect(anonymous.output).toMatch(/401 .*token/);
  }, 90_000);
});

describe("ClusterService.GetStatus follows the same rules", () => {
  const status = (token: string | undefined, tls: { ca: Buffer; cert?: Buffer; key?: Buffer }) =>
    new SchedulerCluster([secured.scheduler.address], token, undefined, tls).status(
      secured.scheduler.address,
    );

  it("needs a user token or an agent certificate", async () => {
    await expect(status(undefined, { ca: secured.caPem })).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
    });
    await expect(status("not-a-known-token-0123456789", { ca: secured.caPem })).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
    });
    await expect(status(tokens.vic, { ca: secured.caPem })).resolves.toMatchObject({ role: "single" });
    const agent = secured.ca.client("agent-gpu-s", "gpu-s");
    const agentTls = { ca: secured.caPem, cert: readFileSync(agent.cert), key: readFileSync(agent.key) };
    await expect(status(undefined, agentTls)).resolves.toMatchObject({ role: "single" });
  });
});
