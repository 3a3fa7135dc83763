import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Etcd3 } from "etcd3";

/** A port the kernel just handed out on 127.0.0.1 (closed again, so etcd can bind it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no TCP port for etcd");
  return address.port;
}

interface Member {
  name: string;
  clientPort: number;
  peerPort: number;
  child: ChildProcess | undefined;
  output: string;
}

/**
 * A real etcd cluster (Debian's `etcd-server`) of `size` members on loopback ports chosen at run time, with its
 * data in a temporary directory; `stop()` kills every member and removes the directory.
 */
export class EtcdCluster {
  private constructor(
    private readonly dir: string,
    private readonly members: Member[],
  ) {}

  static async start(size = 3): Promise<EtcdCluster> {
    const dir = mkdtempSync(join(tmpdir(), "tessera-etcd-"));
    const members: Member[] = [];
    for (let i = 0; i < size; i++) {
      members.push({
        name: `m${i}`,
        clientPort: await freePort(),
        peerPort: await freePort(),
        child: undefined,
        output: "",
      });
    }
    const cluster = new EtcdCluster(dir, members);
    for (let i = 0; i < size; i++) cluster.startMember(i);
    try {
      await cluster.waitHealthy();
    } catch (err) {
      await cluster.stop();
      throw err;
    }
    return cluster;
  }

  /** Client endpoints `127.0.0.1:PORT,...` (the form `--store etcd://` takes). */
  get endpoints(): string {
    return this.members.map((m) => `127.0.0.1:${m.clientPort}`).join(",");
  }

  get storeUrl(): string {
    return `etcd://${this.endpoints}`;
  }

  /** A client of the whole cluster, for a test's own checks; close it at the end. */
  client(): Etcd3 {
    return new Etcd3({
      hosts: this.members.map((m) => `http://127.0.0.1:${m.clientPort}`),
      dialTimeout: 2000,
    });
  }

  startMember(i: number): void {
    const m = this.members[i];
    if (!m) throw new Error(`no etcd member ${i}`);
    const initialCluster = this.members.map((p) => `${p.name}=http://127.0.0.1:${p.peerPort}`).join(",");
    const child = spawn(
      "etcd",
      [
        `--name=${m.name}`,
        `--data-dir=${join(this.dir, m.name)}`,
        `--listen-client-urls=http://127.0.0.1:${m.clientPort}`,
        `--advertise-client-urls=http://127.0.0.1:${m.clientPort}`,
        `--listen-peer-urls=http://127.0.0.1:${m.peerPort}`,
        `--initial-advertise-peer-urls=http://127.0.0.1:${m.peerPort}`,
        `--initial-cluster=${initialCluster}`,
        "--initial-cluster-state=new",
        "--initial-cluster-token=tessera-test",
        "--log-level=error",
        "--logger=zap",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    m.output = "";
    child.stdout?.on("data", (d: Buffer) => {
      m.output += d.toString();
    });
    child.stderr?.on("data", (d: Buffer) => {
      m.output += d.toString();
    });
    m.child = child;
  }

  /** Kills one member (SIGKILL); `startMember(i)` brings it back on its data. */
  async killMember(i: number): Promise<void> {
    const child = this.members[i]?.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
  }

  /** Resolves once a quorum write and a linearizable read go through. */
  async waitHealthy(timeoutMs = 30_000): Promise<void> {
    const client = this.client();
    const end = Date.now() + timeoutMs;
    try {
      for (;;) {
        try {
          await client.put("tessera-test/health").value(String(Date.now()));
          await client.get("tessera-test/health").string();
          return;
        } catch (err) {
          if (Date.now() > end) {
            const logs = this.members.map((m) => `${m.name}: ${m.output.slice(-2000)}`).join("\n");
            throw new Error(
              `etcd cluster not healthy after ${timeoutMs} ms: ${(err as Error).message}\n${logs}`,
            );
          }
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    } finally {
      client.close();
    }
  }

  async stop(): Promise<void> {
    for (let i = 0; i < this.members.length; i++) await this.killMember(i);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
