import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import type { CertificateAuthority } from "../scheduler/security/CertificateAuthority.ts";
import { eventually } from "./support/Eventually.ts";
import {
  registerAs,
  type SecuredScheduler,
  startSecuredScheduler,
  tokens,
  users,
} from "./support/SecuredScheduler.ts";
import {
  runTessera,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
  type TesseraProcess,
} from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-agent-credentials-"));
const rackToken = "rack-1-token-0123456789abcdef";
const running: TesseraProcess[] = [];
const clients: SchedulerClient[] = [];
afterAll(async () => {
  for (const c of clients) c.close();
  for (const p of running) await p.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function exited(proc: TesseraProcess): Promise<number> {
  return eventually(`${proc.name} exited`, () => proc.child.exitCode ?? undefined, 60_000);
}

describe("without --tls-ca, agents need an agent token when a credentials file is given", () => {
  let scheduler: SchedulerProcess;
  beforeAll(async () => {
    const credentials = join(dir, "credentials.yaml");
    writeFileSync(
      credentials,
      `${users}  - { name: rack-1, token: ${rackToken}, role: agent, nodes: [gpu-1] }\n`,
    );
    scheduler = await startSchedulerProcess(dir, { extra: ["--credentials", credentials] });
    running.push(scheduler.process);
  }, 60_000);

  it("an agent with its token registers as its node, no other; user tokens cannot act as agents", async () => {
    const tokenFile = join(dir, "rack-1.token");
    writeFileSync(tokenFile, rackToken);
    const agent = startAgentProcess(dir, { name: "gpu-1", models: ["L4-24GB"] }, scheduler.address, [
      ...["--token-file", tokenFile],
    ]);
    running.push(agent.process);
    const root = new SchedulerClient(scheduler.address, tokens.root, 10_000);
    clients.push(root);
    await eventually(
      "gpu-1 Ready",
      async () => (await root.nodes()).some((n) => n.name === "gpu-1" && n.state === "Ready") || undefined,
      60_000,
    );
    const elsewhere = await registerAs(scheduler.address, "gpu-2", undefined, rackToken);
    expect(elsewhere).toMatchObject({ code: grpc.status.PERMISSION_DENIED });
    expect((elsewhere as grpc.ServiceError).details).toMatch(/rack-1 may act as gpu-1 only, not as gpu-2/);
    for (const user of ["bob", "vic", "root"] as const) {
      const forged = await registerAs(scheduler.address, "gpu-1", undefined, tokens[user]);
      expect(forged, user).toMatchObject({ code: grpc.status.PERMISSION_DENIED });
      expect((forged as grpc.ServiceError).details).toMatch(
        /role: agent.*a user token cannot act as an agent/,
      );
    }
    expect(await registerAs(scheduler.address, "gpu-1", undefined)).toMatchObject({
      code: grpc.status.PERMISSION_DENIED,
    });
    const asUser = new SchedulerClient(scheduler.address, rackToken, 10_000);
    clients.push(asUser);
    await expect(asUser.list()).rejects.toMatchObject({ code: grpc.status.PERMISSION_DENIED });
    expect((await root.nodes()).map((n) => n.name)).toEqual(["gpu-1"]);
    const audit = await root.audit(100);
    expect(audit.map((e) => `${e.who} ${e.action} ${e.target}`)).toContain(
      "agent:rack-1 node-register gpu-1",
    );
  }, 90_000);
});

/**
 * A certificate signed by `ca` with the given extensions, made with openssl as an operator might by hand; an
 * agent's carries the organization `tessera:agents` in its subject.
 */
function issue(
  ca: CertificateAuthority,
  name: string,
  extensions: string,
  organization = "tessera:agents",
): { cert: Buffer; key: Buffer } {
  const base = join(dir, `hand-${name}-${Math.random().toString(36).slice(2)}`);
  writeFileSync(`${base}.ext`, `${extensions}\n`);
  const curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  execFileSync(
    "openssl",
    [
      "req",
      "-new",
      ...curve,
      "-keyout",
      `${base}.key`,
      "-out",
      `${base}.csr`,
      "-subj",
      `${organization ? `/O=${organization}` : ""}/CN=${name}`,
    ],
    {
      stdio: "ignore",
    },
  );
  execFileSync(
    "openssl",
    [
      ...["x509", "-req", "-in", `${base}.csr`, "-CA", ca.ca.cert, "-CAkey", ca.ca.key, "-CAcreateserial"],
      ...["-days", "2", "-out", `${base}.crt`, "-extfile", `${base}.ext`],
    ],
    { stdio: "ignore" },
  );
  return { cert: readFileSync(`${base}.crt`), key: readFileSync(`${base}.key`) };
}

describe("certificates are used for what they were made for", () => {
  let secured: SecuredScheduler;
  beforeAll(async () => {
    secured = await startSecuredScheduler("usages");
  }, 60_000);
  afterAll(async () => {
    await secured?.stop();
  });

  it("the scheduler takes an agent only with a clientAuth certificate issued to an agent", async () => {
    const address = secured.scheduler.address;
    const serverOnly = issue(secured.ca, "gpu-x", "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:gpu-x");
    expect(await registerAs(address, "gpu-x", { ca: secured.caPem, ...serverOnly })).toMatchObject({
      code: grpc.status.PERMISSION_DENIED,
    });
    const noUsage = issue(secured.ca, "gpu-y", "subjectAltName=DNS:gpu-y");
    const refused = await registerAs(address, "gpu-y", { ca: secured.caPem, ...noUsage });
    expect(refused).toMatchObject({ code: grpc.status.PERMISSION_DENIED });
    expect((refused as grpc.ServiceError).details).toMatch(/gpu-y is not for client authentication/);
    // The scheduler's own certificate is a server's: no identity of a node.
    const own = {
      ca: secured.caPem,
      cert: readFileSync(join(secured.ca.dir, "scheduler.crt")),
      key: readFileSync(join(secured.ca.dir, "scheduler.key")),
    };
    expect(await registerAs(address, "localhost", own)).toMatchObject({
      code: grpc.status.PERMISSION_DENIED,
    });
    // A person's client certificate from the same CA (no O=tessera:agents) names no node.
    const persons = issue(secured.ca, "gpu-w", "extendedKeyUsage=clientAuth\nsubjectAltName=DNS:gpu-w", "");
    const person = await registerAs(address, "gpu-w", { ca: secured.caPem, ...persons });
    expect(person).toMatchObject({ code: grpc.status.PERMISSION_DENIED });
    expect((person as grpc.ServiceError).details).toMatch(
      /gpu-w is not an agent's \(its subject has no O=tessera:agents/,
    );
    const proper = issue(secured.ca, "gpu-z", "extendedKeyUsage=clientAuth\nsubjectAltName=DNS:gpu-z");
    expect(await registerAs(address, "gpu-z", { ca: secured.caPem, ...proper })).toBe("registered");
  }, 60_000);

  it("clients refuse a scheduler whose certificate is not for serverAuth", async () => {
    const sans = "subjectAltName=DNS:localhost,IP:127.0.0.1";
    // One certificate made for clients only, one with no extended key usage at all.
    const wrong = await Promise.all(
      [`extendedKeyUsage=clientAuth\n${sans}`, sans].map(async (extensions, i) => {
        const made = issue(secured.ca, "localhost", extensions);
        const files = [join(dir, `wrong-${i}.crt`), join(dir, `wrong-${i}.key`)] as const;
        writeFileSync(files[0], made.cert);
        writeFileSync(files[1], made.key);
        const started = await startSchedulerProcess(mkdtempSync(join(dir, "wrong-")), {
          extra: ["--tls-cert", files[0], "--tls-key", files[1]],
        });
        running.push(started.process);
        return started;
      }),
    );
    for (const scheduler of wrong) {
      const jobs = runTessera("jobs", [
        "jobs",
        "--scheduler",
        scheduler.address,
        "--tls-ca",
        secured.ca.ca.cert,
      ]);
      expect(await exited(jobs)).not.toBe(0);
      expect(jobs.output).toMatch(/failed the TLS check: .*not for server authentication/);
    }
    const right = runTessera("jobs", [
      ...["jobs", "--scheduler", secured.scheduler.address, "--tls-ca", secured.ca.ca.cert],
      ...["--token-file", secured.tokenFile("vic")],
    ]);
    expect(await exited(right), right.output).toBe(0);
  }, 120_000);

  it("tessera certs issues serverAuth to the scheduler and clientAuth (O=tessera:agents) to agents", async () => {
    const certsDir = join(dir, "issued");
    const certs = runTessera("certs", ["certs", "--dir", certsDir, "--node", "gpu-1"]);
    expect(await exited(certs), certs.output).toBe(0);
    const usage = (file: string) =>
      execFileSync("openssl", [
        "x509",
        "-noout",
        "-ext",
        "extendedKeyUsage",
        "-in",
        join(certsDir, file),
      ]).toString();
    expect(usage("scheduler.crt")).toMatch(/TLS Web Server Authentication/);
    expect(usage("scheduler.crt")).not.toMatch(/Client/);
    expect(usage("agent-gpu-1.crt")).toMatch(/TLS Web Client Authentication/);
    expect(usage("agent-gpu-1.crt")).not.toMatch(/Server/);
    // The agent's subject says it is an agent's, and which node.
    const subject = (file: string) =>
      execFileSync("openssl", ["x509", "-noout", "-subject", "-in", join(certsDir, file)]).toString();
    expect(subject("agent-gpu-1.crt")).toMatch(/O\s*=\s*tessera:agents, CN\s*=\s*gpu-1/);
    expect(subject("scheduler.crt")).not.toMatch(/tessera:agents/);
  }, 60_000);
});
