import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import type { SchedulerMessage__Output } from "../../proto/generated/tessera/v1/SchedulerMessage.ts";
import { tesseraV1 } from "../../proto/tessera/TesseraGrpc.ts";
import { channelCredentials, type TlsMaterial } from "../../proto/tessera/TlsFiles.ts";
import { SchedulerClient } from "../../scheduler/cli/SchedulerClient.ts";
import type { SimulatedNode } from "../../scheduler/cli/SimulatedFleet.ts";
import { CertificateAuthority } from "../../scheduler/security/CertificateAuthority.ts";
import {
  type AgentProcess,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerWithHttp,
} from "./TesseraProcesses.ts";

/** The users every secured test knows: two tenants' submitters, a viewer of team-a, an admin, and one spare. */
export const tokens = {
  alice: "alice-token-0123456789abcdef",
  bob: "bob-token-0123456789abcdef",
  vic: "vic-token-0123456789abcdef",
  root: "root-token-0123456789abcdef",
  carol: "carol-token-0123456789abcdef",
};
export type UserName = keyof typeof tokens;

const sha = (t: string) => createHash("sha256").update(t).digest("hex");

/** The credentials file's users (carol is left out, for tests that add her). */
export const users = `users:
  - { name: alice, tokenSha256: ${sha(tokens.alice)}, role: submitter, tenants: [team-a] }
  - { name: bob, token: ${tokens.bob}, role: submitter, tenants: [team-b] }
  - { name: vic, token: ${tokens.vic}, role: viewer, tenants: [team-a] }
  - { name: root, token: ${tokens.root}, role: admin }
`;

export interface HttpsReply {
  status: number;
  body: string;
  headers: Record<string, unknown>;
}

/** A scheduler process with a CA, TLS (and mTLS for agents), a credentials file and HTTPS, and its clients. */
export interface SecuredScheduler {
  dir: string;
  ca: CertificateAuthority;
  caPem: Buffer;
  scheduler: SchedulerProcess;
  httpsUrl: string;
  credentialsFile: string;
  /** A gRPC client with the user's token (none: no token), closed by `stop`. */
  client(user?: UserName): SchedulerClient;
  https(method: string, path: string, headers?: Record<string, string>, body?: unknown): Promise<HttpsReply>;
  /** A file holding the user's token, for CLI commands. */
  tokenFile(user: UserName): string;
  /** `tessera agent` for a simulated node with a client certificate of its name; stopped by `stop`. */
  startAgent(node: SimulatedNode): AgentProcess;
  stop(): Promise<void>;
}

export function bearer(user: UserName): Record<string, string> {
  return { authorization: `Bearer ${tokens[user]}` };
}

/**
 * Starts `tessera scheduler` on loopback with `--tls-cert/--tls-key/--tls-ca`, `--credentials` (`users` plus
 * `extraUsers`) and `--http`, in a fresh folder named after `prefix`.
 */
export async function startSecuredScheduler(
  prefix: string,
  options: { extraUsers?: string; extra?: string[] } = {},
): Promise<SecuredScheduler> {
  const dir = mkdtempSync(join(tmpdir(), `tessera-${prefix}-`));
  const ca = new CertificateAuthority(join(dir, "certs"));
  ca.ensureCa();
  const caPem = readFileSync(ca.ca.cert);
  const credentialsFile = join(dir, "credentials.yaml");
  writeFileSync(credentialsFile, users + (options.extraUsers ?? ""));
  const server = ca.server("scheduler", ["localhost", "127.0.0.1"]);
  const scheduler = await startSchedulerWithHttp(dir, {
    extra: [
      ...["--tls-cert", server.cert, "--tls-key", server.key, "--tls-ca", ca.ca.cert],
      ...["--credentials", credentialsFile],
      ...(options.extra ?? []),
    ],
  });
  const httpsUrl = scheduler.httpUrl;
  const clients: SchedulerClient[] = [];
  const agents: AgentProcess[] = [];
  return {
    dir,
    ca,
    caPem,
    scheduler,
    httpsUrl,
    credentialsFile,
    client(user) {
      const client = new SchedulerClient(scheduler.address, user && tokens[user], 10_000, { ca: caPem });
      clients.push(client);
      return client;
    },
    https: (method, path, headers = {}, body = undefined) =>
      httpsCall(`${httpsUrl}${path}`, caPem, method, headers, body),
    tokenFile(user) {
      const path = join(dir, `${user}.token`);
      writeFileSync(path, tokens[user]);
      return path;
    },
    startAgent(node) {
      const cert = ca.client(`agent-${node.name}`, node.name);
      const agent = startAgentProcess(dir, node, scheduler.address, [
        ...["--tls-cert", cert.cert, "--tls-key", cert.key, "--tls-ca", ca.ca.cert],
        // `stop` leaves no job process behind (long `sleep`s would outlive the test otherwise).
        "--stop-jobs-on-exit",
      ]);
      agents.push(agent);
      return agent;
    },
    async stop() {
      for (const c of clients) c.close();
      for (const a of agents) await a.process.kill();
      await scheduler.process.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function httpsCall(
  url: string,
  ca: Buffer,
  method: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<HttpsReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, ca, headers: { ...headers, ...(body ? { "content-type": "application/json" } : {}) } },
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

/**
 * Opens an agent stream to `address` with the given TLS identity and token, registers as `node`, and returns
 * whether the scheduler sent it a desired state or refused it.
 */
export function registerAs(
  address: string,
  node: string,
  tls: TlsMaterial | undefined,
  token?: string,
): Promise<"registered" | grpc.ServiceError> {
  const NodeService = tesseraV1().NodeService;
  const client = new NodeService(address, channelCredentials(tls));
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
