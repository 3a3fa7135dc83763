import { type ChildProcess, spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { ensureStandinLibrary } from "../../node-agent/standin/StandinBuild.ts";
import { type SimulatedNode, writeSimulatedNode } from "../../scheduler/cli/SimulatedFleet.ts";

const cli = resolve(import.meta.dirname, "..", "..", "bin", "tessera.js");

/** A `tessera` child process with its output kept for assertions and failure messages. */
export class TesseraProcess {
  output = "";
  private exited: Promise<void>;
  private closed: Promise<void>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
    /** Started in a process group of its own (`runTessera`'s `processGroup`). */
    readonly ownGroup = false,
  ) {
    child.stdout?.on("data", (d: Buffer) => {
      this.output += d.toString();
    });
    child.stderr?.on("data", (d: Buffer) => {
      this.output += d.toString();
    });
    this.exited = new Promise((r) => child.once("exit", () => r()));
    // After the exit and after its output has all been read (unless a child of its own still holds the pipes).
    this.closed = new Promise((r) => child.once("close", () => r()));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Waits for a line of output matching `pattern`; returns the match. */
  async waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const m = pattern.exec(this.output);
      if (m) return m;
      if (!this.running) throw new Error(`${this.name} exited before printing ${pattern}:\n${this.output}`);
      if (Date.now() > end)
        throw new Error(`${this.name} did not print ${pattern} in ${timeoutMs} ms:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Ctrl-C as a terminal sends it: SIGINT to the whole process group (started with `processGroup`; else to it). */
  interruptGroup(): void {
    if (!this.running || !this.child.pid) return;
    if (this.ownGroup) process.kill(-this.child.pid, "SIGINT");
    else this.child.kill("SIGINT");
  }

  /** Resolves once the process has exited and its output has been read (at most 2 s after the exit). */
  async exit(): Promise<void> {
    await this.exited;
    await Promise.race([this.closed, new Promise((r) => setTimeout(r, 2000))]);
  }

  async kill(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    if (!this.running) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/**
 * Starts `tessera ARGS`. `processGroup`: in a process group of its own, as a terminal's foreground job is, so that
 * `interruptGroup` delivers Ctrl-C to it and to every process it started, all at once.
 */
export function runTessera(
  name: string,
  args: string[],
  env: Record<string, string> = {},
  options: { processGroup?: boolean } = {},
): TesseraProcess {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.processGroup ?? false,
  });
  return new TesseraProcess(name, child, options.processGroup ?? false);
}

export interface SchedulerProcess {
  process: TesseraProcess;
  address: string;
  port: number;
}

/** Starts `tessera scheduler` on 127.0.0.1 (port 0: a free one) and waits until it listens. */
export async function startSchedulerProcess(
  dir: string,
  options: { port?: number; lease?: string; heartbeat?: string; extra?: string[] } = {},
): Promise<SchedulerProcess> {
  const proc = runTessera("scheduler", [
    "scheduler",
    "--listen",
    `127.0.0.1:${options.port ?? 0}`,
    "--db",
    join(dir, "scheduler.db"),
    "--lease",
    options.lease ?? "2s",
    "--heartbeat",
    options.heartbeat ?? "250ms",
    ...(options.extra ?? []),
  ]);
  const m = await proc.waitFor(/listening on (127\.0\.0\.1:(\d+)) \(gRPC\)/);
  return { process: proc, address: m[1]!, port: Number(m[2]) };
}

/** `startSchedulerProcess` serving HTTP too (`--http 127.0.0.1:0`), with the http:// or https:// address it took. */
export async function startSchedulerWithHttp(
  dir: string,
  options: { extra?: string[] } = {},
): Promise<SchedulerProcess & { httpUrl: string }> {
  const scheduler = await startSchedulerProcess(dir, {
    ...options,
    extra: [...(options.extra ?? []), "--http", "127.0.0.1:0"],
  });
  const httpUrl = (await scheduler.process.waitFor(/(https?:\/\/127\.0\.0\.1:\d+) \(HTTP\)/))[1]!;
  return { ...scheduler, httpUrl };
}

export interface AgentProcess {
  process: TesseraProcess;
  node: SimulatedNode;
  fleetFile: string;
  stateFile: string;
  dataDir: string;
}

/** Starts `tessera agent` for a simulated node on the stand-in NVML library, with its own fleet and state files. */
export function startAgentProcess(
  dir: string,
  node: SimulatedNode,
  scheduler: string,
  extra: string[] = [],
  env: Record<string, string> = {},
): AgentProcess {
  const nodeDir = join(dir, "nodes", node.name);
  const files = reuseOrWriteNode(nodeDir, node);
  const dataDir = join(nodeDir, "agent");
  // Container jobs only where a test asks for them: agents on one host would share the default CDI spec path.
  const containers = extra.includes("--container-runtime") ? [] : ["--container-runtime", "none"];
  const proc = runTessera(
    `agent ${node.name}`,
    ["agent", "--scheduler", scheduler, "--node", node.name, "--data-dir", dataDir, ...containers, ...extra],
    {
      TESSERA_NVML_LIBRARY: ensureStandinLibrary(),
      TESSERA_NVML_STANDIN_FLEET: files.fleetFile,
      TESSERA_NVML_STANDIN_STATE: files.stateFile,
      ...env,
    },
  );
  return { process: proc, node, ...files, dataDir };
}

const written = new Map<string, { fleetFile: string; stateFile: string }>();

/** A restarted agent keeps its fleet file (tests may have injected processes into it). */
function reuseOrWriteNode(nodeDir: string, node: SimulatedNode): { fleetFile: string; stateFile: string } {
  const known = written.get(nodeDir);
  if (known) return known;
  const files = writeSimulatedNode(nodeDir, node);
  written.set(nodeDir, files);
  return files;
}
