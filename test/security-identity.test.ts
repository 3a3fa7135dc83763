import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobSpec } from "../proto/generated/tessera/v1/JobSpec.ts";
import type { TlsMaterial } from "../proto/tessera/TlsFiles.ts";
import { CertificateAuthority } from "../scheduler/security/CertificateAuthority.ts";
import { eventually } from "./support/Eventually.ts";
import {
  bearer,
  registerAs as register,
  type SecuredScheduler,
  startSecuredScheduler,
  tokens,
  type UserName,
  users,
} from "./support/SecuredScheduler.ts";
import { runTessera } from "./support/TesseraProcesses.ts";

let secured: SecuredScheduler;
const as = (user: UserName) => secured.client(user);
const registerAs = (node: string, tls: TlsMaterial, token?: string) =>
  register(secured.scheduler.address, node, tls, token);

beforeAll(async () => {
  secured = await startSecuredScheduler("identity");
  secured.startAgent({ name: "gpu-a", models: ["L4-24GB"] });
  await eventually(
    "gpu-a Ready",
    async () =>
      (await as("root").nodes()).some((n) => n.name === "gpu-a" && n.state === "Ready") || undefined,
    60_000,
  );
}, 120_000);
afterAll(async () => {
  await secured?.stop();
});

const job = (name: string, tenant?: string): JobSpec => ({
  name,
  ...(tenant ? { tenant } : {}),
  request: { noGpu: {}, cpuMillis: 100, memoryMib: 64 },
  command: ["sleep", "600"],
  env: { WANDB_API_KEY: `secret-of-${name}` },
});

describe("agents are their certificate's node", () => {
  it("refuses a forged agent: a user token, a certificate of another node or of another CA", async () => {
    const aliceToken = await registerAs("evil-node", { ca: secured.caPem }, tokens.root);
    expect(aliceToken).toMatchObject({ code: grpc.status.PERMISSION_DENIED });
    expect((aliceToken as grpc.ServiceError).details).toMatch(/a user token cannot act as an agent/);
    const other = secured.ca.client("agent-gpu-b", "gpu-b");
    const gpuB = { ca: secured.caPem, cert: readFileSync(other.cert), key: readFileSync(other.key) };
    expect(await registerAs("evil-node", gpuB)).toMatchObject({ code: grpc.status.PERMISSION_DENIED });
    // Taking over the real node's stream with another node's certificate fails too.
    const takeover = await registerAs("gpu-a", gpuB);
    expect((takeover as grpc.ServiceError).details).toMatch(/names node gpu-b; it may not register as gpu-a/);
    const foreign = new CertificateAuthority(join(secured.dir, "foreign"));
    const forged = foreign.client("agent-gpu-a", "gpu-a");
    const foreignTls = { ca: secured.caPem, cert: readFileSync(forged.cert), key: readFileSync(forged.key) };
    expect(await registerAs("gpu-a", foreignTls)).toMatchObject({ code: grpc.status.PERMISSION_DENIED });
    expect(await registerAs("gpu-b", gpuB)).toBe("registered");
    const nodes = await as("root").nodes();
    expect(nodes.map((n) => n.name)).not.toContain("evil-node");
    expect(nodes.find((n) => n.name === "gpu-a")?.state).toBe("Ready");
  }, 60_000);
});

describe("users, roles and tenants over gRPC", () => {
  it("keeps tenants apart: submit, list, get, cancel, watch, env", async () => {
    const alice = as("alice");
    const bob = as("bob");
    const vic = as("vic");
    const { job: mine } = await alice.submit(job("alice-1"), "");
    expect(mine?.spec?.tenant).toBe("team-a");
    await expect(bob.submit(job("bob-into-a", "team-a"), "")).rejects.toMatchObject({
      code: grpc.status.PERMISSION_DENIED,
    });
    await expect(bob.get(mine!.id)).rejects.toMatchObject({ code: grpc.status.PERMISSION_DENIED });
    await expect(bob.cancel(mine!.id)).rejects.toMatchObject({ code: grpc.status.PERMISSION_DENIED });
    expect((await bob.list()).map((j) => j.id)).not.toContain(mine!.id);
    const seen: string[] = [];
    let stop = () => {};
    const ownSeen = new Promise<void>((resolve) => {
      stop = bob.watch(
        { includeCurrent: true },
        (e) => {
          seen.push(e.job?.spec?.tenant ?? "");
          if (e.job?.spec?.name === "bob-1") resolve();
        },
        () => {},
      );
    });
    await alice.submit(job("alice-2"), "");
    await bob.submit(job("bob-1"), "");
    await ownSeen;
    stop();
    expect(seen.every((t) => t === "team-b")).toBe(true);
    const viewed = await vic.get(mine!.id);
    expect(viewed.spec?.env.WANDB_API_KEY).toBe("secret-of-alice-1");
    await expect(vic.submit(job("vic-1"), "")).rejects.toMatchObject({ code: grpc.status.PERMISSION_DENIED });
    await expect(vic.cancel(mine!.id)).rejects.toMatchObject({ code: grpc.status.PERMISSION_DENIED });
    await expect(as("root").cancel(mine!.id, "admin")).resolves.toMatchObject({ id: mine!.id });
    const anonymous = secured.client();
    await expect(anonymous.list()).rejects.toMatchObject({ code: grpc.status.UNAUTHENTICATED });
  }, 60_000);

  it("reloads the credentials file without a restart", async () => {
    await expect(as("carol").list()).rejects.toMatchObject({ code: grpc.status.UNAUTHENTICATED });
    writeFileSync(
      secured.credentialsFile,
      `${users}  - { name: carol, token: ${tokens.carol}, role: viewer, tenants: [team-b] }\n`,
    );
    await eventually(
      "carol known",
      async () =>
        (await as("carol")
          .list()
          .catch(() => undefined)) ?? undefined,
    );
    await secured.scheduler.process.waitFor(/credentials .* reloaded: 5 users/);
  }, 30_000);

  it("records who submitted, cancelled and registered (tessera audit, admins only)", async () => {
    await expect(as("alice").audit(10)).rejects.toMatchObject({ code: grpc.status.PERMISSION_DENIED });
    const entries = await as("root").audit(1000);
    const lines = entries.map((e) => `${e.who} ${e.action} ${e.target}`);
    expect(lines.some((l) => /^alice submit j-/.test(l))).toBe(true);
    expect(lines.some((l) => /^root cancel j-/.test(l))).toBe(true);
    expect(lines).toContain("node:gpu-a node-register gpu-a");
    const cli = runTessera(
      "audit",
      ["audit", "--scheduler", secured.scheduler.address, "--token-file", secured.tokenFile("root")],
      { TESSERA_TLS_CA: secured.ca.ca.cert },
    );
    await eventually("audit exited", () => cli.child.exitCode ?? undefined, 30_000);
    expect(cli.output).toMatch(/alice\s+submit\s+j-/);
  }, 60_000);
});

describe("users, roles and tenants over HTTP", () => {
  it("needs a token on every route but the public ones, and keeps tenants apart", async () => {
    expect((await secured.https("GET", "/healthz")).status).toBe(200);
    expect((await secured.https("GET", "/metrics")).status).toBe(401);
    expect((await secured.https("GET", "/v1/jobs")).status).toBe(401);
    expect((await secured.https("GET", "/v1/jobs/watch")).status).toBe(401);
    expect((await secured.https("GET", "/dashboard/")).headers.location).toBe("/login");
    const { jobs } = JSON.parse((await secured.https("GET", "/v1/jobs", bearer("alice"))).body) as {
      jobs: { id: string; tenant: string }[];
    };
    const alicesJob = jobs.find((j) => j.tenant === "team-a")!;
    expect(jobs.every((j) => j.tenant === "team-a")).toBe(true);
    const bobs = JSON.parse((await secured.https("GET", "/v1/jobs", bearer("bob"))).body) as {
      jobs: { tenant: string }[];
    };
    expect(bobs.jobs.every((j) => j.tenant === "team-b")).toBe(true);
    const denied = await secured.https("GET", `/v1/jobs/${alicesJob.id}`, bearer("bob"));
    expect(denied.status, denied.body).toBe(403);
    expect((await secured.https("DELETE", `/v1/jobs/${alicesJob.id}`, bearer("bob"))).status).toBe(403);
    const submit = {
      name: "http-1",
      tenant: "team-a",
      request: { noGpu: {}, cpuMillis: 100, memoryMib: 64 },
      command: ["true"],
    };
    expect((await secured.https("POST", "/v1/jobs", bearer("bob"), submit)).status).toBe(403);
    expect((await secured.https("POST", "/v1/jobs", bearer("vic"), submit)).status).toBe(403);
    expect((await secured.https("POST", "/v1/jobs", bearer("alice"), submit)).status).toBe(201);
    expect((await secured.https("GET", "/v1/audit", bearer("alice"))).status).toBe(403);
    const audit = JSON.parse((await secured.https("GET", "/v1/audit", bearer("root"))).body) as {
      entries: { who: string; action: string }[];
    };
    expect(audit.entries.some((e) => e.who === "alice" && e.action === "submit")).toBe(true);
  }, 30_000);

  it("signs the dashboard in with a token", async () => {
    expect((await secured.https("POST", "/login", {}, { token: "not-a-known-token-at-all" })).status).toBe(
      401,
    );
    const login = await secured.https("POST", "/login", {}, { token: tokens.vic });
    expect(login.status).toBe(200);
    const cookie = String((login.headers["set-cookie"] as string[])[0]).split(";")[0]!;
    expect((await secured.https("GET", "/dashboard/", { cookie })).status).toBe(200);
    expect((await secured.https("GET", "/v1/jobs", { cookie })).status).toBe(200);
  });
});
