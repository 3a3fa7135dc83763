import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { eventually } from "./support/Eventually.ts";
import { runTessera, type TesseraProcess } from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-up-"));
let up: TesseraProcess | undefined;
afterAll(async () => {
  await up?.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe("tessera up", () => {
  it("starts a scheduler with simulated agents, runs a job, serves the HTTP API and stops on Ctrl-C", async () => {
    const config = join(dir, "tessera.yaml");
    writeFileSync(config, "finops:\n  cost:\n    currency: EUR\n    gpuHour:\n      H100-SXM5-80GB: 3.5\n");
    up = runTessera("tessera up", [
      "up",
      "--config",
      config,
      "--data-dir",
      dir,
      "--listen",
      "127.0.0.1:0",
      "--http",
      "127.0.0.1:0",
      "--fleet",
      "h100:1,l4:1",
    ]);
    const grpcAddress = (await up.waitFor(/gRPC API:\s+(127\.0\.0\.1:\d+)/, 60_000))[1]!;
    const httpUrl = (await up.waitFor(/HTTP API:\s+(http:\/\/127\.0\.0\.1:\d+)/))[1]!;
    const client = new SchedulerClient(grpcAddress);
    await eventually(
      "2 Ready nodes",
      async () => (await client.nodes()).filter((n) => n.state === "Ready").length === 2 || undefined,
      60_000,
    );
    // Simulated nodes offer the CPU and memory of their share of a real server (half a DGX H100, half a g6.48xlarge).
    const hosts = Object.fromEntries(
      (await client.nodes()).map((n) => [n.name, [n.cpuMillis, n.memoryMib]] as const),
    );
    expect(hosts).toEqual({ "h100-0": [112_000, 1_048_576], "l4-0": [96_000, 393_216] });
    const { job } = await client.submit(
      {
        name: "hello",
        request: { mig: { profile: "1g.10gb" } },
        command: ["sh", "-c", "echo hello from $CUDA_VISIBLE_DEVICES"],
      },
      "",
    );
    const done = await eventually(
      "hello succeeded",
      async () => {
        const j = await client.get(job!.id);
        return j.state === "Succeeded" ? j : undefined;
      },
      30_000,
    );
    expect(done.allocations[0]?.node).toBe("h100-0");
    const http = (await (await fetch(`${httpUrl}/v1/jobs/${job!.id}`)).json()) as { state: string };
    expect(http.state).toBe("Succeeded");
    expect((await fetch(`${httpUrl}/healthz`)).status).toBe(200);
    // Prices come from the --config file.
    const usage = (await (await fetch(`${httpUrl}/v1/reports/usage`)).json()) as { currency: string };
    expect(usage.currency).toBe("EUR");
    client.close();
    up.child.kill("SIGINT");
    await up.waitFor(/stopped/, 30_000);
    await eventually("up exited", () => !up!.running || undefined, 10_000);
    expect(up.child.exitCode).toBe(0);
  }, 120_000);
});
