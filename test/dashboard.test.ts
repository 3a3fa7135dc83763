import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerDashboard } from "../scheduler/dashboard/DashboardRoutes.ts";
import { Finops } from "../scheduler/finops/Finops.ts";
import { parseFinopsSettings } from "../scheduler/finops/FinopsConfig.ts";
import { createHttpApp, registerHttpApi } from "../scheduler/http/HttpApi.ts";
import { InMemoryFleet } from "../scheduler/http/InMemoryFleet.ts";
import { job, migGpu, sampleFleet, withInstanceShares } from "../scheduler/http/SampleFleet.ts";
import { TesseraMetrics } from "../scheduler/metrics/TesseraMetrics.ts";
import { dashboardArtifacts, launchChromium } from "./dashboardChromium.ts";

describe("dashboard in headless chromium (in-memory fleet)", () => {
  let app: FastifyInstance;
  let url: string;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let fleet: InMemoryFleet;

  beforeAll(async () => {
    const now = Date.now();
    fleet = new InMemoryFleet(sampleFleet(now - 3_600_000));
    const finops = new Finops({
      db: new Database(":memory:"),
      fleet,
      settings: parseFinopsSettings({
        idle: { after: "5m", queues: { training: { reclaim: true, grace: "30m" } } },
      }),
      // The clock follows the replayed readings, then real time once the page polls.
      now: () => replayAt ?? Date.now(),
      warn: () => {},
    });
    let replayAt: number | undefined = now - 10 * 60_000;
    finops.sync();
    // Ten minutes of readings: train-1 idle, the rest busy, so the idle list and utilization bands show.
    for (let m = 10; m >= 0; m--) {
      const at = now - m * 60_000;
      replayAt = at;
      finops.ingest([
        {
          at,
          node: "h100-a",
          gpuUuid: "GPU-h100-a-0",
          utilizationPercent: 0,
          memoryUsedMiB: 900,
          memoryTotalMiB: 81_559,
          temperatureC: 35,
        },
        {
          at,
          node: "h100-a",
          gpuUuid: "GPU-h100-a-1",
          utilizationPercent: 85,
          memoryUsedMiB: 60_000 + m,
          memoryTotalMiB: 81_559,
          temperatureC: 71,
        },
        {
          at,
          node: "a100-a",
          gpuUuid: "GPU-a100-a-0",
          migUuid: "MIG-a100-a-0-0",
          utilizationPercent: null,
          memoryUsedMiB: 30_000 + m * 10,
          memoryTotalMiB: 40_192,
        },
      ]);
      finops.timeline.record({
        t: at,
        gpus: 6,
        allocationRatio: 0.5 + m / 100,
        fragmentation: 0.1,
        idleAllocations: m > 5 ? 0 : 1,
        pendingJobs: 1,
      });
    }
    replayAt = undefined;
    app = createHttpApp();
    await registerHttpApi(app, {
      fleet,
      finops,
      metrics: new TesseraMetrics(fleet, finops),
      // A job's log as an agent would stream it: a line now, then the stream stays open (follow).
      logs: {
        open(id, _follow, onData) {
          const timer = setTimeout(() => onData(Buffer.from(`epoch 1 of ${id}: loss 0.42\n`)), 50);
          return () => clearTimeout(timer);
        },
      },
    });
    registerDashboard(app);
    url = await app.listen({ host: "127.0.0.1", port: 0 });
    chromium = await launchChromium();
  });

  afterAll(async () => {
    await chromium?.close();
    await app?.close();
  });

  it("shows nodes, GPUs, slices, the queue, idle allocations and the trend, and updates live", async () => {
    const page = await chromium.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${url}/?interval=500`);
    expect(new URL(page.url()).pathname).toBe("/dashboard/");
    await page.getByTestId("node-h100-a").waitFor();
    await expect.poll(() => page.getByTestId("fleet").locator("[data-job='train-1']").count()).toBe(1);
    expect(await page.getByTestId("node-a100-a").textContent()).toContain("3g.40gb · infer-1 (nlp)");
    expect(await page.getByTestId("queue").textContent()).toContain("0/2 nodes are available");
    expect(await page.getByTestId("idle").textContent()).toMatch(/train-1\s*vision\s*training/);
    expect(await page.getByTestId("summary-GPUs").textContent()).toBe("6");
    expect(await page.getByTestId("trend-0").getAttribute("d")).toMatch(
      /^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+){4,}$/,
    );

    // History for planners: utilization by model and who used (and wasted) what, over a chosen period. vision held
    // an H100 (1 h) and a 2g.20gb (2/7 of an A100, 1 h); its H100 has been idle the 10 minutes FinOps watched.
    await expect.poll(() => page.getByTestId("utilization-0").count()).toBe(1);
    expect(await page.getByTestId("utilization").textContent()).toContain("H100-SXM5-80GB");
    await expect
      .poll(() => page.getByTestId("usage").textContent())
      .toMatch(/vision1\.2\d0\.1\d\d+%no price/);
    await page.getByTestId("range").selectOption("7d");
    expect(new URL(page.url()).searchParams.get("range")).toBe("7d");

    // A job submitted now appears without a reload.
    fleet.update((d) => {
      d.jobs.push(
        job("fresh-7", "speech", "inference", {
          state: "Pending",
          submittedAt: Date.now(),
          request: "1g.10gb",
        }),
      );
    });
    await page.getByTestId("queue-fresh-7").waitFor({ timeout: 5000 });

    mkdirSync(dashboardArtifacts, { recursive: true });
    await page.screenshot({ path: join(dashboardArtifacts, "dashboard-in-memory.png"), fullPage: true });
    expect(errors).toEqual([]);
  });

  it("opens a job view from every job it lists, and reflows down to 800 px wide", async () => {
    const at = Date.now() - 60_000;
    fleet.update((d) => {
      const train2 = d.jobs.find((j) => j.id === "train-2")!;
      train2.transitions = [
        { from: "", to: "Pending", at, reason: "submitted" },
        { from: "Pending", to: "Scheduled", at: at + 10, reason: "placed on h100-a" },
        { from: "Scheduled", to: "Running", at: at + 900, reason: "started on h100-a (pid 4242)" },
      ];
      // A gang whose rank 1 failed, taking rank 0 down with it.
      d.jobs.push(
        job("ddp-1", "nlp", "training", {
          state: "Failed",
          request: "2 nodes x 1 GPUs",
          reason: "exited with code 3",
          transitions: [
            { from: "", to: "Pending", at, reason: "submitted" },
            { from: "Running", to: "Failed", at: at + 5000, reason: "exited with code 3" },
          ],
          members: [0, 1].map((rank) => ({
            rank,
            node: ["h100-a", "a100-a"][rank]!,
            state: rank === 1 ? "Failed" : "Stopped",
            detail: rank === 1 ? "exited with code 3" : "killed by SIGTERM",
            logPath: `/var/lib/tessera/logs/ddp-1-1.log`,
            gpus: [{ index: 3, modelId: "H100-SXM5-80GB", kind: "whole" as const, share: 1 }],
          })),
          failedMember: "rank 1 on a100-a: exited with code 3",
        }),
      );
    });
    const page = await chromium.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    mkdirSync(dashboardArtifacts, { recursive: true });
    for (const width of [1400, 800]) {
      await page.setViewportSize({ width, height: 1000 });
      await page.goto(`${url}/dashboard/?interval=500`);
      await page.getByTestId("queue-wait-1").waitFor();
      // Pending, running and idle jobs are links; a held slice in the fleet opens its job too.
      for (const table of ["queue", "running", "idle"]) {
        expect(await page.getByTestId(table).locator("a[href^='#job=']").count(), table).toBeGreaterThan(0);
      }
      await page.getByTestId("running").getByTestId("job-link-train-2").click();
      await expect.poll(() => page.getByTestId("job-facts").textContent()).toContain("Running");
      expect(await page.getByTestId("job-allocations").textContent()).toContain("h100-a");
      await expect.poll(() => page.getByTestId("job-log").textContent()).toContain("epoch 1 of train-2");
      // The view lists every transition with its reason; a job that is not a gang has no members part.
      const steps = page.getByTestId("job-transitions").locator("tbody tr");
      await expect.poll(() => steps.count()).toBe(3);
      expect(await steps.nth(2).textContent()).toContain("started on h100-a (pid 4242)");
      expect(await page.getByTestId("job-members").isVisible()).toBe(false);
      // A gang: every member with rank, node, GPUs, state and log, and which member failed.
      await page.goto(`${url}/dashboard/?interval=500#job=ddp-1`);
      await expect.poll(() => page.getByTestId("job-members").locator("tbody tr").count()).toBe(2);
      const rank1 = await page.getByTestId("job-members-rank-1").textContent();
      expect(rank1).toContain("a100-a");
      expect(rank1).toContain("#3 H100-SXM5-80GB whole");
      expect(rank1).toContain("Failed (exited with code 3)");
      expect(rank1).toContain("/var/lib/tessera/logs/ddp-1-1.log");
      expect(await page.getByTestId("job-facts").textContent()).toContain(
        "rank 1 on a100-a: exited with code 3",
      );
      expect(await page.getByTestId("job-transitions").textContent()).toContain("exited with code 3");
      await page.goto(`${url}/dashboard/?interval=500#job=train-2`);
      await expect.poll(() => page.getByTestId("job-facts").textContent()).toContain("Running");
      await page.getByTestId("job-close").click();
      await page.locator("[data-job='infer-1']").click();
      await expect.poll(() => page.getByTestId("job-facts").textContent()).toContain("3g.40gb");
      // Nothing wider than the window: no horizontal scrolling, the queue's last column inside the page.
      const overflow = await page.evaluate<number>(
        "document.documentElement.scrollWidth - window.innerWidth",
      );
      expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
      // Polled: the page re-renders its tables on refresh, and a row replaced meanwhile has no box.
      const whyRightEdge = async () => {
        const why = await page.getByTestId("queue").locator("td").last().boundingBox();
        return why ? why.x + why.width : Number.POSITIVE_INFINITY;
      };
      await expect.poll(whyRightEdge, { message: `${width} px` }).toBeLessThanOrEqual(width);
      // GPU labels are whole, not cut with an ellipsis.
      const label = page.locator(".gpu-label").first();
      expect(await label.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
      await page.screenshot({ path: join(dashboardArtifacts, `dashboard-job-${width}.png`), fullPage: true });
    }
    expect(errors).toEqual([]);
  });

  it("names a MIG instance shared by MPS as such, with every share job on it, each opening its job", async () => {
    fleet.update((d) => {
      const gpu = migGpu("h100-m", 0, "H100-SXM5-80GB", [
        ["4g.40gb", 0, "mig-4g"],
        ["3g.40gb", 4],
      ]);
      d.nodes.push({
        name: "h100-m",
        state: "Ready",
        labels: {},
        gpus: [
          withInstanceShares(gpu, 4, [
            ["mps-a", 250],
            ["mps-b", 178],
          ]),
        ],
      });
      d.jobs.push(
        job("mig-4g", "vision", "inference", { request: "4g.40gb" }),
        job("mps-a", "speech", "inference", { request: "memoryMiB=8192 computePercent=25" }),
        job("mps-b", "nlp", "inference", { request: "memoryMiB=8192 computePercent=17.8" }),
      );
    });
    const page = await chromium.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${url}/dashboard/?interval=500`);
    const instance = page.getByTestId("slice-GPU-h100-m-0/mig-4");
    await instance.waitFor();
    expect(await instance.getAttribute("data-mps")).toBe("true");
    expect(await instance.locator("title").first().textContent()).toBe(
      "3g.40gb shared (MPS): mps-a (speech), mps-b (nlp)",
    );
    expect(await page.getByTestId("gpu-GPU-h100-m-0").textContent()).toContain("an instance shared (MPS)");
    expect(
      await instance.locator("[data-job]").evaluateAll((e) => e.map((x) => x.getAttribute("data-job"))),
    ).toEqual(["mps-a", "mps-b"]);
    expect(await page.getByTestId("legend").textContent()).toContain("speech");
    await instance.locator("[data-job='mps-b']").click();
    await expect.poll(() => page.getByTestId("job-allocations").textContent()).toContain("3g.40gb MPS share");
    expect(errors).toEqual([]);
  });
});
