import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { defaultSimulatedFleet } from "../scheduler/cli/SimulatedFleet.ts";
import { eventually } from "./support/Eventually.ts";
import {
  type AgentProcess,
  runTessera,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

// The errors a person meets in the first minutes, each printed by the real CLI as one or two plain lines.
const dir = mkdtempSync(join(tmpdir(), "tessera-first-errors-"));
let scheduler: SchedulerProcess;
let agent: AgentProcess;
let http: Server;
let httpPort: number;
let closedPort: number;

/** Runs `tessera ARGS` to its end; returns its exit code and stderr. */
async function tessera(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stderr: string }> {
  const run = runTessera(args.join(" "), args, env);
  let stderr = "";
  run.child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const code = await new Promise<number>((resolve) => run.child.once("exit", (c) => resolve(c ?? -1)));
  return { code, stderr };
}

function expectPlainLines(stderr: string, count: number): void {
  const lines = stderr.trimEnd().split("\n");
  expect(lines, stderr).toHaveLength(count);
  expect(stderr).not.toMatch(/^\s+at |No connection established|Resolution note|Usage:|^E /m);
}

beforeAll(async () => {
  scheduler = await startSchedulerProcess(dir);
  agent = startAgentProcess(dir, defaultSimulatedFleet[0]!, scheduler.address);
  http = createHttpServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  httpPort = (http.address() as { port: number }).port;
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  const client = new SchedulerClient(scheduler.address);
  await eventually("the agent to register", async () => (await client.nodes()).length === 1, 30_000);
  client.close();
}, 60_000);

afterAll(async () => {
  await agent?.process.kill();
  await scheduler?.process.kill();
  http?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("first-hour errors from the tessera CLI", () => {
  it("connection refused: where it dialled and what to set", async () => {
    const run = await tessera(["jobs", "--scheduler", `127.0.0.1:${closedPort}`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `error: cannot reach the scheduler at 127.0.0.1:${closedPort} (is it running? set --scheduler or TESSERA_SCHEDULER)\n`,
    );
  });

  it("an address without a port dials 7070, not 443", async () => {
    const run = await tessera(["jobs"], { TESSERA_SCHEDULER: "127.0.0.1" });
    // Something else on this host may hold 7070; either way the dialled address is the one on 7070.
    if (run.code !== 0) expect(run.stderr).toContain("127.0.0.1:7070");
    expect(run.stderr).not.toContain(":443");
  });

  it("the HTTP port given as the gRPC address says so", async () => {
    const run = await tessera(["nodes", "--scheduler", `127.0.0.1:${httpPort}`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/answers HTTP, not gRPC: that is the scheduler's HTTP port/);
    expectPlainLines(run.stderr, 1);
  });

  it("top --once with an unreachable HTTP API: one line, no stack trace", async () => {
    const run = await tessera(["top", "--once", "--http", `127.0.0.1:${closedPort}`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: cannot reach the scheduler's HTTP API at http:\/\/127\.0\.0\.1:\d+/);
    expectPlainLines(run.stderr, 1);
  });

  it("a second scheduler on a taken port: one line that says what to do, no grpc-js log", async () => {
    const run = await tessera([
      "up",
      "--no-agents",
      "--listen",
      scheduler.address,
      "--http",
      "127.0.0.1:0",
      "--data-dir",
      join(dir, "second-up"),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `error: ${scheduler.address} is already in use (is another \`tessera up\` or scheduler running?): stop it, or choose another address with --listen\n`,
    );
  });

  it("submit checks the request before the name", async () => {
    const run = await tessera(["submit", "--scheduler", scheduler.address, "--", "echo", "hi"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: submit: say what the job needs/);
    expect(run.stderr).not.toContain("name");
  });

  it("an unknown MIG profile: did you mean, and the fleet's profiles sorted", async () => {
    const run = await tessera([
      "submit",
      "--scheduler",
      scheduler.address,
      "--mig",
      "1g.11gb",
      "--",
      "echo",
      "hi",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'error: unknown MIG profile "1g.11gb"; did you mean 1g.10gb?\n' +
        "profiles of the GPU models in this fleet (H100-SXM5-80GB): 1g.10gb, 1g.10gb+me, 1g.20gb, 2g.20gb, 3g.40gb, 4g.40gb, 7g.80gb\n",
    );
  });

  it("a typo'd flag: the suggestion without the whole help", async () => {
    const run = await tessera(["submit", "--nmae", "x", "--", "echo", "hi"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("error: unknown option '--nmae'\n(Did you mean --name?)\n");
  });

  it("an MPS control daemon that is not there: which flag, and what it looked for", async () => {
    const missing = join(dir, "no-such-mps-control");
    const run = await tessera([
      "agent",
      "--scheduler",
      scheduler.address,
      "--node",
      "x",
      "--mps-control",
      missing,
    ]);
    expect(run.code).toBe(1);
    expectPlainLines(run.stderr, 1);
    expect(run.stderr).toContain(`--mps-control ${missing}: not an executable file (or not on PATH)`);
  });
});
