import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../test/support/EtcdCluster.ts";
import { connectEtcd } from "./EtcdConnection.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-etcd-tls-"));
let etcd: ChildProcess | undefined;
let endpoint = "";

function openssl(...args: string[]): void {
  execFileSync("openssl", args, { cwd: dir, stdio: "ignore" });
}

/** A CA, a server certificate for 127.0.0.1 and a client certificate, made with openssl for this run. */
function makeCertificates(): void {
  openssl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "1",
    "-subj",
    "/CN=test-ca",
    "-keyout",
    "ca.key",
    "-out",
    "ca.crt",
  );
  writeFileSync(join(dir, "server.ext"), "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
  writeFileSync(join(dir, "client.ext"), "extendedKeyUsage=clientAuth\n");
  for (const [name, subject] of [
    ["server", "/CN=etcd"],
    ["client", "/CN=tessera-scheduler"],
  ] as const) {
    openssl(
      "req",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-subj",
      subject,
      "-keyout",
      `${name}.key`,
      "-out",
      `${name}.csr`,
    );
    openssl(
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      "ca.crt",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-days",
      "1",
      "-extfile",
      `${name}.ext`,
      "-out",
      `${name}.crt`,
    );
  }
}

beforeAll(async () => {
  makeCertificates();
  const [client, peer] = [await freePort(), await freePort()];
  endpoint = `127.0.0.1:${client}`;
  etcd = spawn(
    "etcd",
    [
      "--name=tls",
      `--data-dir=${join(dir, "data")}`,
      `--listen-client-urls=https://${endpoint}`,
      `--advertise-client-urls=https://${endpoint}`,
      `--listen-peer-urls=http://127.0.0.1:${peer}`,
      `--initial-advertise-peer-urls=http://127.0.0.1:${peer}`,
      `--initial-cluster=tls=http://127.0.0.1:${peer}`,
      `--cert-file=${join(dir, "server.crt")}`,
      `--key-file=${join(dir, "server.key")}`,
      `--trusted-ca-file=${join(dir, "ca.crt")}`,
      "--client-cert-auth",
    ],
    { stdio: "ignore" },
  );
}, 60_000);

afterAll(() => {
  etcd?.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** Retries until etcd answers (it takes a moment to start) or the deadline passes. */
async function eventually<T>(read: () => Promise<T>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await read();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe("connectEtcd over TLS (--etcd-ca, --etcd-cert, --etcd-key) against a real etcd", () => {
  it("writes and reads with a client certificate signed by the CA", async () => {
    const client = connectEtcd([endpoint], {
      ca: join(dir, "ca.crt"),
      cert: join(dir, "client.crt"),
      key: join(dir, "client.key"),
    });
    try {
      await eventually(async () => {
        await client.put("/tessera/tls-check").value("ok");
      });
      expect(await client.get("/tessera/tls-check").string()).toBe("ok");
    } finally {
      client.close();
    }
  }, 60_000);

  it("is refused without a client certificate when etcd demands one", async () => {
    const client = connectEtcd([endpoint], { ca: join(dir, "ca.crt") });
    try {
      await expect(client.get("/tessera/tls-check").string()).rejects.toThrow();
    } finally {
      client.close();
    }
  }, 60_000);

  it("says what to fix for flags that do not go together", () => {
    expect(() => connectEtcd([endpoint], { cert: "a.crt" })).toThrow(
      /--etcd-cert and --etcd-key go together/,
    );
    expect(() => connectEtcd([endpoint], { cert: "a.crt", key: "a.key" })).toThrow(
      /--etcd-cert needs --etcd-ca/,
    );
  });
});
