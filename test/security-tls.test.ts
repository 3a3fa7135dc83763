import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { CertificateAuthority } from "../scheduler/security/CertificateAuthority.ts";
import { eventually } from "./support/Eventually.ts";
import {
  runTessera,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
  startSchedulerWithHttp,
} from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-tls-"));
const ca = new CertificateAuthority(join(dir, "certs"));
const other = new CertificateAuthority(join(dir, "other-ca"));
let scheduler: SchedulerProcess;
let httpsUrl: string;
const tls = () => ({ ca: readFileSync(ca.ca.cert) });

beforeAll(async () => {
  ca.ensureCa();
  const server = ca.server("scheduler", ["localhost", "127.0.0.1"]);
  ({ httpUrl: httpsUrl, ...scheduler } = await startSchedulerWithHttp(dir, {
    extra: ["--tls-cert", server.cert, "--tls-key", server.key, "--tls-ca", ca.ca.cert],
  }));
}, 60_000);
afterAll(async () => {
  await scheduler?.process.kill();
  rmSync(dir, { recursive: true, force: true });
});

function httpsStatus(url: string, caPem: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { ca: caPem }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on("error", reject);
  });
}

describe("TLS on gRPC and HTTP", () => {
  it("serves clients that check its certificate against the CA, and no plaintext or wrong-CA client", async () => {
    const trusted = new SchedulerClient(scheduler.address, undefined, 5000, tls());
    await expect(trusted.list()).resolves.toEqual([]);
    trusted.close();
    const plaintext = new SchedulerClient(scheduler.address, undefined, 3000);
    await expect(plaintext.list()).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
    plaintext.close();
    other.ensureCa();
    const fooled = new SchedulerClient(scheduler.address, undefined, 3000, {
      ca: readFileSync(other.ca.cert),
    });
    await expect(fooled.list()).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
    fooled.close();
    expect(await httpsStatus(`${httpsUrl}/healthz`, tls().ca)).toBe(200);
    await expect(httpsStatus(`${httpsUrl}/healthz`, readFileSync(other.ca.cert))).rejects.toThrow(
      /self-signed|unable to verify|certificate/,
    );
  });

  it("checks the certificate against the host name dialled", async () => {
    const wrongNameDir = mkdtempSync(join(dir, "wrong-name-"));
    const wrongName = ca.server("elsewhere", ["scheduler.elsewhere.example"]);
    const elsewhere = await startSchedulerProcess(wrongNameDir, {
      extra: ["--tls-cert", wrongName.cert, "--tls-key", wrongName.key],
    });
    try {
      const client = new SchedulerClient(elsewhere.address, undefined, 3000, tls());
      await expect(client.list()).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
      client.close();
    } finally {
      await elsewhere.process.kill();
    }
  });

  it("the CLI takes --tls-ca or TESSERA_TLS_CA, and an agent connects with its client certificate", async () => {
    const byFlag = runTessera("jobs", ["jobs", "--scheduler", scheduler.address, "--tls-ca", ca.ca.cert]);
    await eventually("jobs exited", () => byFlag.child.exitCode ?? undefined, 60_000);
    expect(byFlag.child.exitCode, byFlag.output).toBe(0);
    const byEnv = runTessera("nodes", ["nodes", "--scheduler", scheduler.address], {
      TESSERA_TLS_CA: ca.ca.cert,
    });
    await eventually("nodes exited", () => byEnv.child.exitCode ?? undefined, 60_000);
    expect(byEnv.child.exitCode, byEnv.output).toBe(0);

    const node = { name: "tls-node", models: ["L4-24GB"] };
    const cert = ca.client("agent-tls-node", "tls-node");
    const agent = startAgentProcess(dir, node, scheduler.address, [
      "--tls-cert",
      cert.cert,
      "--tls-key",
      cert.key,
      "--tls-ca",
      ca.ca.cert,
    ]);
    const client = new SchedulerClient(scheduler.address, undefined, 5000, tls());
    try {
      await eventually(
        "tls-node Ready",
        async () =>
          (await client.nodes()).some((n) => n.name === "tls-node" && n.state === "Ready") || undefined,
        30_000,
      );
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${agent.process.output}`);
    } finally {
      client.close();
      await agent.process.kill();
    }
  }, 180_000);
});

describe("what the scheduler refuses to serve", () => {
  it("decides loopback on the resolved address: 127.evil.example is not loopback", async () => {
    const evil = runTessera("evil", [
      "scheduler",
      "--listen",
      "127.evil.example:0",
      "--db",
      join(dir, "evil.db"),
    ]);
    await evil.waitFor(/refusing to listen on 127\.evil\.example:0 without a token/);
    await evil.kill();
  }, 60_000);

  it("refuses plaintext off loopback with a token, unless --insecure-plaintext", async () => {
    const tokenFile = join(dir, "token");
    writeFileSync(tokenFile, "a-long-enough-shared-token\n");
    const base = ["scheduler", "--listen", "0.0.0.0:0", "--token-file", tokenFile];
    const plain = runTessera("plain", [...base, "--db", join(dir, "plain.db")]);
    await plain.waitFor(/refusing to listen on 0\.0\.0\.0:0 without TLS: .*--tls-cert FILE --tls-key FILE/);
    await plain.kill();
    const insecure = runTessera("insecure", [
      ...base,
      "--db",
      join(dir, "insecure.db"),
      "--insecure-plaintext",
    ]);
    await insecure.waitFor(/listening on 0\.0\.0\.0:\d+ \(gRPC\)/);
    await insecure.kill();
  }, 60_000);
});
