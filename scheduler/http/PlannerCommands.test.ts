import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Command } from "commander";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildProgram } from "../../bin/cli.ts";
import { Finops } from "../finops/Finops.ts";
import { parseFinopsSettings } from "../finops/FinopsConfig.ts";
import { TesseraMetrics } from "../metrics/TesseraMetrics.ts";
import { createHttpApp, registerHttpApi } from "./HttpApi.ts";
import { InMemoryFleet } from "./InMemoryFleet.ts";
import { registerPlannerCommands } from "./PlannerCommands.ts";
import { sampleFleet } from "./SampleFleet.ts";

const T0 = Date.UTC(2026, 10, 2);
const HOUR = 3_600_000;
let app: FastifyInstance;
let url: string;

beforeAll(async () => {
  const clock = { now: T0 };
  const fleet = new InMemoryFleet(sampleFleet(T0));
  const finops = new Finops({
    db: new Database(":memory:"),
    fleet,
    settings: parseFinopsSettings({
      idle: { after: "30m" },
      cost: { gpuHour: { "H100-SXM5-80GB": 4, "A100-80GB": 2.1 } },
    }),
    now: () => clock.now,
    warn: () => {},
  });
  finops.sync();
  for (let m = 1; m <= 120; m++) {
    clock.now = T0 + m * 60_000;
    finops.ingest([
      {
        at: clock.now,
        node: "h100-a",
        gpuUuid: "GPU-h100-a-0",
        utilizationPercent: 0,
        memoryUsedMiB: 10,
        memoryTotalMiB: 81_559,
        temperatureC: 33,
        powerW: 61,
      },
      {
        at: clock.now,
        node: "h100-a",
        gpuUuid: "GPU-h100-a-1",
        utilizationPercent: 97,
        memoryUsedMiB: 70_000,
        memoryTotalMiB: 81_559,
        temperatureC: 74,
        powerW: 640,
      },
      {
        at: clock.now,
        node: "a100-a",
        gpuUuid: "GPU-a100-a-0",
        migUuid: "MIG-a100-a-0-0",
        utilizationPercent: null,
        memoryUsedMiB: 20_000 + m * 10,
        memoryTotalMiB: 40_192,
      },
    ]);
  }
  app = createHttpApp();
  await registerHttpApi(app, {
    fleet,
    finops,
    metrics: new TesseraMetrics(fleet, finops),
    now: () => clock.now,
  });
  url = await app.listen({ host: "127.0.0.1", port: 0 });
});

afterAll(async () => {
  await app.close();
});

async function run(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerPlannerCommands(program);
  let out = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(["node", "tessera", ...args, "--http", url]);
  } finally {
    write.mockRestore();
  }
  return out;
}

describe("planner commands", () => {
  it("tessera report answers GPU-hours, cost and idle cost, and CSV", async () => {
    const from = new Date(T0).toISOString();
    const to = new Date(T0 + 2 * HOUR).toISOString();
    const out = await run("report", "--from", from, "--to", to);
    expect(out).toContain(`usage ${from} .. ${to}`);
    expect(out).toMatch(/vision\s+H100-SXM5-80GB\s+2\.00\s+2\.00\s+100%\s+8\.00 USD\s+8\.00 USD/);
    expect(out).toMatch(/nlp\s+H100-SXM5-80GB\s+2\.00\s+0\.00\s+0%\s+8\.00 USD\s+0\.00 USD/);
    expect(out).toMatch(/vision\s+\(all\)\s+2\.57/);
    const csv = await run("report", "--from", from, "--to", to, "--csv");
    expect(csv.split("\r\n")).toContain("vision,H100-SXM5-80GB,2,2,8,8,USD");
    await expect(run("report", "--from", "last tuesday")).rejects.toThrow(
      /querystring.from must be now, now-<duration> \(now-7d\), epoch milliseconds or an ISO 8601/,
    );
  });

  it("tessera top --once lists GPUs and MIG instances with readings and holders", async () => {
    const out = await run("top", "--once");
    expect(out).toMatch(/^2 nodes, 6 GPUs, 3 MIG instances, 1 pending, 1 idle/);
    expect(out).toMatch(
      /h100-a\s+1\s+H100-SXM5-80GB\s+whole\s+##########\s+97%\s+70000\/81559\s+74C\s+640W\s+train-2 \(nlp\)/,
    );
    expect(out).toMatch(/train-1 \(vision\) IDLE \d+m/);
    expect(out).toMatch(/3g\.40gb\s+@0\s+21200\/40192\s+infer-1 \(nlp\)/);
  });

  it("tessera capacity plan compares today's fleet with the options, as a table, a plot and JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-plan-cli-"));
    try {
      const pods = join(dir, "pods.csv");
      const rows = Array.from(
        { length: 8 },
        (_, i) => `p${i},1000,1024,1,1000,,LS,Running,${i},${i + 600},${i}`,
      );
      writeFileSync(
        pods,
        `name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time\n${rows.join("\n")}\n`,
      );
      const plot = join(dir, "plan.svg");
      const json = join(dir, "plan.json");
      const out = await run(
        "capacity",
        "plan",
        "--pods",
        pods,
        "--add",
        "2xH100",
        "--remove",
        "a100-a",
        "--plot",
        plot,
        "--json",
        json,
      );
      expect(out).toContain(`8 pods from ${pods}, policy tessera`);
      expect(out).toMatch(/today\s+6\s+8\/8\s+0\s+2\s/);
      expect(out).toMatch(/\+2xH100\s+8\s+8\/8\s+0\s+0\s+0s/);
      expect(out).toMatch(/-a100-a\s+4\s+8\/8\s+0\s+4\s/);
      expect(readFileSync(plot, "utf8")).toContain("today (6 GPUs)");
      const figures = JSON.parse(readFileSync(json, "utf8"));
      expect(
        figures.options.map((o: { label: string; gpusByModel: object }) => [o.label, o.gpusByModel]),
      ).toEqual([
        ["today", { "H100-SXM5-80GB": 4, "A100-80GB": 2 }],
        ["+2xH100", { "H100-SXM5-80GB": 6, "A100-80GB": 2 }],
        ["-a100-a", { "H100-SXM5-80GB": 4 }],
      ]);
      await expect(run("capacity", "plan", "--pods", pods, "--add", "2xB300")).rejects.toThrow(
        /unknown GPU model "B300"/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("capacity plan in the whole CLI: --json FILE, never-placed pods with reasons, delay over all pods", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-plan-whole-"));
    try {
      const pods = join(dir, "pods.csv");
      // Two pods that fit; one asking 300 vCPUs, more than any server of the fleet (or a DGX H100) has.
      const rows = [
        "a,1000,1024,1,1000,,LS,Running,0,600,0",
        "b,64000,262144,1,1000,,LS,Running,10,600,10",
        "huge,300000,1024,1,1000,,LS,Running,20,600,20",
      ];
      writeFileSync(
        pods,
        `name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time\n${rows.join("\n")}\n`,
      );
      const json = join(dir, "plan.json");
      let out = "";
      const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
        out += String(chunk);
        return true;
      });
      try {
        await (await buildProgram()).parseAsync(
          ["node", "tessera", "capacity", "plan", "--pods", pods, "--add", "16xH100", "--http", url].concat([
            "--plot",
            join(dir, "plan.svg"),
            "--json",
            json,
          ]),
        );
      } finally {
        write.mockRestore();
      }
      expect(out).toMatch(/today\s+6\s+2\/3\s+1\s+1\s+>=3\.2m/);
      expect(out).toContain("today: 1 pods never placed (they do not fit even the empty fleet):");
      expect(out).toMatch(/ {2}1 x 1 GPU, 300 CPU, 1 GiB: 0\/\d+ nodes are available: \d+ insufficient CPU/);
      const figures = JSON.parse(readFileSync(json, "utf8"));
      const today = figures.options[0];
      expect(today.neverPlaced).toEqual([
        { pods: 1, request: "1 GPU, 300 CPU, 1 GiB", reason: expect.any(String) },
      ]);
      // The pod never placed waited from t=20 to the end of the replay (t=600): part of the mean over all pods.
      expect(today.queueingDelayAllPodsSeconds.mean).toBeCloseTo(580 / 3, 5);
      expect(today.queueingDelaySeconds.mean).toBe(0);
      // 16 H100s arrive as two DGX H100s (224 vCPUs each): the 64-vCPU pod fits them, the 300-vCPU one does not.
      expect(figures.options[1].podsPlaced).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("tessera top on a terminal draws until q is pressed, then exits", async () => {
    // A pseudo-terminal (python3's pty) so that top takes its live path and reads keys in raw mode.
    const driver = [
      "import os, pty, select, signal, sys, time",
      "pid, fd = pty.fork()",
      "if pid == 0:",
      "    os.execvp(sys.argv[1], sys.argv[1:])",
      "out, sent, end = b'', False, time.time() + 60",
      "while time.time() < end:",
      "    if select.select([fd], [], [], 0.2)[0]:",
      "        try:",
      "            chunk = os.read(fd, 65536)",
      "        except OSError:",
      "            break",
      "        out += chunk",
      "    if not sent and b'q to quit' in out:",
      "        os.write(fd, b'q')",
      "        sent = True",
      "else:",
      "    os.kill(pid, signal.SIGKILL)",
      "print('sent', sent, 'exit', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))",
    ].join("\n");
    const cli = new URL("../../bin/tessera.js", import.meta.url).pathname;
    const child = spawn("python3", [
      "-c",
      driver,
      process.execPath,
      cli,
      "top",
      "--http",
      url,
      "--interval",
      "1s",
    ]);
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    await new Promise((resolve) => child.once("exit", resolve));
    expect(out.trim()).toBe("sent True exit 0");
  }, 90_000);

  it("says how to reach the scheduler when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const program = new Command().exitOverride();
    registerPlannerCommands(program);
    await expect(
      program.parseAsync(["node", "tessera", "report", "--http", `127.0.0.1:${port}`]),
    ).rejects.toThrow(
      `cannot reach the scheduler's HTTP API at http://127.0.0.1:${port} (ECONNREFUSED): start it with`,
    );
  });
});
