import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboardArtifacts, launchChromium } from "./dashboardChromium.ts";

const cli = join(import.meta.dirname, "..", "bin", "tessera.js");

/** `tessera up` on free ports with a small simulated fleet; resolves with the dashboard's URL once it is up. */
async function startUp(
  dataDir: string,
): Promise<{ up: ChildProcess; dashboard: string; output: () => string }> {
  const up = spawn(
    process.execPath,
    [
      cli,
      "up",
      "--data-dir",
      dataDir,
      "--listen",
      "127.0.0.1:0",
      "--http",
      "127.0.0.1:0",
      "--fleet",
      "h100:1,a100:1",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const dashboard = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`tessera up did not come up in 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Dashboard:\s+(\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    up.stdout.on("data", onData);
    up.stderr.on("data", onData);
    up.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`tessera up exited (${code}):\n${output}`));
    });
  });
  return { up, dashboard, output: () => output };
}

describe("dashboard against a running tessera up", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "tessera-dashboard-up-"));
  let started: Awaited<ReturnType<typeof startUp>>;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    started = await startUp(dataDir);
    chromium = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await chromium?.close();
    if (started && started.up.exitCode === null) {
      const exited = once(started.up, "exit");
      started.up.kill("SIGINT");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      if (started.up.exitCode === null) started.up.kill("SIGKILL");
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it("shows the nodes and a job submitted through the API, live", async () => {
    const base = new URL("/", started.dashboard).toString();
    const page = await chromium.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${started.dashboard}?interval=500`);
    await page.getByTestId("node-h100-0").waitFor({ timeout: 30_000 });
    await page.getByTestId("node-a100-0").waitFor();

    const response = await fetch(new URL("v1/jobs", base), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: "dashboard-demo",
        tenant: "vision",
        queue: "default",
        request: { mig: { profile: "1g.10gb" } },
        command: ["sh", "-c", "sleep 60"],
      }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const { job } = (await response.json()) as { job: { id: string } };

    // The job shows in the queue or the running list, then on its slice in the fleet view.
    await page
      .locator(`[data-testid='queue-${job.id}'], [data-testid='running-${job.id}']`)
      .first()
      .waitFor({ timeout: 20_000 });
    await page.locator(`[data-job='${job.id}']`).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("fleet").textContent()).toContain("1g.10gb · dashboard-demo (vision)");

    mkdirSync(dashboardArtifacts, { recursive: true });
    await page.screenshot({ path: join(dashboardArtifacts, "dashboard-tessera-up.png"), fullPage: true });
    expect(errors).toEqual([]);
  }, 90_000);

  it("serves the agents' NVML readings, a usage report with the job and Prometheus metrics", async () => {
    const base = new URL("/", started.dashboard);
    const get = async (path: string) => {
      const response = await fetch(new URL(path, base));
      expect(response.status, path).toBe(200);
      return response;
    };
    await expect
      .poll(
        async () =>
          ((await (await get("v1/utilization/latest")).json()) as { samples: unknown[] }).samples.length,
      )
      .toBeGreaterThan(0);
    const { samples } = (await (await get("v1/utilization/latest")).json()) as {
      samples: { node: string; temperatureC: number | null; powerW: number | null }[];
    };
    // The stand-in reports temperature and power for every GPU; they travel agent -> scheduler -> API.
    expect(samples.some((s) => s.node === "h100-0" && s.temperatureC !== null && s.powerW !== null)).toBe(
      true,
    );
    await expect
      .poll(
        async () => {
          const report = (await (await get("v1/reports/usage?from=now-1h")).json()) as {
            rows: { tenant: string; gpuHours: number }[];
          };
          return (report.rows.find((r) => r.tenant === "vision")?.gpuHours ?? 0) > 0;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const metrics = await (await get("metrics")).text();
    expect(metrics).toMatch(/^tessera_scheduling_decision_seconds_count [1-9]/m);
    expect(metrics).toMatch(/^tessera_agents\{state="Ready"\} 2$/m);
    expect(metrics).toMatch(/tessera_gpu_temperature_celsius\{[^}]*Hostname="h100-0"/);
  }, 60_000);
});
