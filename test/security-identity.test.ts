import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobSpec } from "../proto/generated/tessera/v1/JobSpec.ts";
import type { SchedulerMessage__Output } from "../proto/generated/tessera/v1/SchedulerMessage.ts";
import { tesseraV1 } from "../proto/tessera/TesseraGrpc.ts";
import { channelCredentials, type TlsMaterial } from "../proto/tessera/TlsFiles.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { CertificateAuthority } from "../scheduler/security/CertificateAuthority.ts";
import { eventually } from "./support/Eventually.ts";
import {
  type AgentProcess,
  runTessera,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-identity-"));
const ca = new CertificateAuthority(join(dir, "certs"));
const tokens = {
  alice: "alice-token-0123456789abcdef",
  bob: "bob-token-0123456789abcdef",
  vic: "vic-token-0123456789abcdef",
  root: "root-token-0123456789abcdef",
  carol: "carol-token-0123456789abcdef",
};
const credentialsFile = join(dir, "credentials.yaml");
const sha = (t: string) => createHash("sha256").update(t).digest("hex");
const users = `users:
  - { name: alice, tokenSha256: ${sha(tokens.alice)}, role: submitter, tenants: [team-a] }
  - { name: bob, token: ${tokens.bob}, role: submitter, tenants: [team-b] }
  - { name: vic, token: ${tokens.vic}, role: viewer, tenants: [team-a] }
  - { name: root, token: ${tokens.root}, role: admin }
`;
let scheduler: SchedulerProcess;
let httpsUrl: string;
let agent: AgentProcess;
let caPem: Buffer;
const clients: SchedulerClient[] = [];

function as(user: keyof typeof tokens): SchedulerClient {
  const client = new SchedulerClient(scheduler.address, tokens[user], 10_000, { ca: caPem });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  ca.ensureCa();
  caPem = readFileSync(ca.ca.cert);
  writeFileSync(credentialsFile, users);
  const server = ca.server("scheduler", ["localhost", "127.0.0.1"]);
  scheduler = await startSchedulerProcess(dir, {
    extra: [
      ...["--tls-cert", server.cert, "--tls-key", server.key, "--tls-ca", ca.ca.cert],
      ...["--credentials", credentialsFile, "--http", "127.0.0.1:0"],
    ],
  });
  httpsUrl = (await scheduler.process.waitFor(/(https:\/\/127\.0\.0\.1:\d+) \(HTTP\)/))[1]!;
  const cert = ca.client("agent-gpu-a", "gpu-a");
  agent = startAgentProcess(dir, { name: "gpu-a", models: ["L4-24GB"] }, scheduler.address, [
    ...["--tls-cert", cert.cert, "--tls-key", cert.key, "--tls-ca", ca.ca.cert],
  ]);
  await eventually(
    "gpu-a Ready",
    async () =>
      (await as("root").nodes()).some((n) => n.name === "gpu-a" && n.state === "Ready") || undefined,
    60_000,
  );
}, 120_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await agent?.process.kill();
  await scheduler?.process.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens an agent stream with the given TLS identity and token, registers as `node`, and returns the outcome. */
function registerAs(
  node: string,
  tls: TlsMaterial,
  token?: string,
): Promise<"registered" | grpc.ServiceError> {
  const NodeService = tesseraV1().NodeService;
  const client = new NodeService(scheduler.address, channelCredentials(tls));
  const metadata = new grpc.Metadata();
  if (token) metadata.set("authorization", `Bearer ${token}`);
  const stream = client.Connect(metadata);
  return new Promise((resolve) => {
    const done = (outcome: "registered" | grpc.ServiceError) => {
      stream.cancel();
      client.close();
      resolve(outcome);
    };
    stream.on("data", (msg: SchedulerMessage__Output) => {
      if (msg.desired) done("registered");
    });
    stream.on("error", (err: grpc.ServiceError) => done(err));
    stream.write({ register: { node, generation: 0, agentVersion: "forged" } });
  });
}

const job = (name: string, tenant?: string): JobSpec => ({
  name,
  ...(tenant ? { tenant } : {}),
  request: { noGpu: {}, cpuMillis: 100, memoryMib: 64 },
  command: ["sleep", "600"],
  env: { WANDB_API_KEY: `secret-of-${name}` },
});

describe("agents are their certificate's node", () => {
  it("refuses a forged agent: a user token, a certificate of another node or of another CA", async () => {
    const aliceToken = await registerAs("evil-node", { ca: caPem }, tokens.root);
    expect(aliceToken).toMatchObject({ code: grpc.status.PERMISSION_DENIED });
    expect((aliceToken as grpc.ServiceError).details).toMatch(/a user token cannot act as an agent/);
    const other = ca.client("agent-gpu-b", "gpu-b");
    const gpuB = { ca: caPem, cert: readFileSync(other.cert), key: readFileSync(other.key) };
    expect(await registerAs("evil-node", gpuB)).toMatchObject({ code: grpc.status.PERMISSION_DENIED });
    // Taking over the real node's stream with another node's certificate fails too.
    const takeover = await registerAs("gpu-a", gpuB);
    expect((takeover as grpc.ServiceError).details).toMatch(/names node gpu-b; it may not register as gpu-a/);
    const foreign = new CertificateAuthority(join(dir, "foreign"));
    const forged = foreign.client("agent-gpu-a", "gpu-a");
    const foreignTls = { ca: caPem, cert: readFileSync(forged.cert), key: readFileSync(forged.key) };
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
    const anonymous = new SchedulerClient(scheduler.address, undefined, 5000, { ca: caPem });
    clients.push(anonymous);
    await expect(anonymous.list()).rejects.toMatchObject({ code: grpc.status.UNAUTHENTICATED });
  }, 60_000);

  it("reloads the credentials file without a restart", async () => {
    await expect(as("carol").list()).rejects.toMatchObject({ code: grpc.status.UNAUTHENTICATED });
    writeFileSync(
      credentialsFile,
      `${users}  - { name: carol, token: ${tokens.carol}, role: viewer, tenants: [team-b] }\n`,
    );
    await eventually(
      "carol known",
      async () =>
        (await as("carol")
          .list()
          .catch(() => undefined)) ?? undefined,
    );
    await scheduler.process.waitFor(/credentials .* reloaded: 5 users/);
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
      ["audit", "--scheduler", scheduler.address, "--token-file", join(dir, "root")],
      {
        TESSERA_TLS_CA: ca.ca.cert,
      },
    );
    writeFileSync(join(dir, "root"), tokens.root);
    await eventually("audit exited", () => cli.child.exitCode ?? undefined, 30_000);
    expect(cli.output).toMatch(/alice\s+submit\s+j-/);
  }, 60_000);
});

function https(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${httpsUrl}${path}`,
      { method, ca: caPem, headers: { ...headers, ...(body ? { "content-type": "application/json" } : {}) } },
      (res) => {
        let text = "";
        res.on("data", (d: Buffer) => {
          text += d.toString();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

describe("users, roles and tenants over HTTP", () => {
  const bearer = (user: keyof typeof tokens) => ({ authorization: `Bearer ${tokens[user]}` });

  it("needs a token on every route but the public ones, and keeps tenants apart", async () => {
    expect((await https("GET", "/healthz")).status).toBe(200);
    expect((await https("GET", "/metrics")).status).toBe(401);
    expect((await https("GET", "/v1/jobs")).status).toBe(401);
    expect((await https("GET", "/v1/jobs/watch")).status).toBe(401);
    expect((await https("GET", "/dashboard/")).headers.location).toBe("/login");
    const { jobs } = JSON.parse((await https("GET", "/v1/jobs", bearer("alice"))).body) as {
      jobs: { id: string; tenant: string }[];
    };
    const alicesJob = jobs.find((j) => j.tenant === "team-a")!;
    expect(jobs.every((j) => j.tenant === "team-a")).toBe(true);
    const bobs = JSON.parse((await https("GET", "/v1/jobs", bearer("bob"))).body) as {
      jobs: { tenant: string }[];
    };
    expect(bobs.jobs.every((j) => j.tenant === "team-b")).toBe(true);
    const denied = await https("GET", `/v1/jobs/${alicesJob.id}`, bearer("bob"));
    expect(denied.status, denied.body).toBe(403);
    expect((await https("DELETE", `/v1/jobs/${alicesJob.id}`, bearer("bob"))).status).toBe(403);
    const submit = {
      name: "http-1",
      tenant: "team-a",
      request: { noGpu: {}, cpuMillis: 100, memoryMib: 64 },
      command: ["true"],
    };
    expect((await https("POST", "/v1/jobs", bearer("bob"), submit)).status).toBe(403);
    expect((await https("POST", "/v1/jobs", bearer("vic"), submit)).status).toBe(403);
    expect((await https("POST", "/v1/jobs", bearer("alice"), submit)).status).toBe(201);
    expect((await https("GET", "/v1/audit", bearer("alice"))).status).toBe(403);
    const audit = JSON.parse((await https("GET", "/v1/audit", bearer("root"))).body) as {
      entries: { who: string; action: string }[];
    };
    expect(audit.entries.some((e) => e.who === "alice" && e.action === "submit")).toBe(true);
  }, 30_000);

  it("signs the dashboard in with a token", async () => {
    expect((await https("POST", "/login", {}, { token: "not-a-known-token-at-all" })).status).toBe(401);
    const login = await https("POST", "/login", {}, { token: tokens.vic });
    expect(login.status).toBe(200);
    const cookie = String((login.headers["set-cookie"] as string[])[0]).split(";")[0]!;
    expect((await https("GET", "/dashboard/", { cookie })).status).toBe(200);
    expect((await https("GET", "/v1/jobs", { cookie })).status).toBe(200);
  });
});
