import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { processAlive } from "../node-agent/mps/MpsControlDaemon.ts";
import { ensureStandinMpsControl } from "../node-agent/standin/StandinBuild.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { eventually } from "./support/Eventually.ts";
import {
  type AgentProcess,
  runTessera,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-mps-"));
// Jobs of a root agent run as nobody, who must reach the MPS pipe directory under the agent's data directory.
chmodSync(dir, 0o755);
const mpsControl = ensureStandinMpsControl();
let scheduler: SchedulerProcess | undefined;
let agent: AgentProcess | undefined;
/** A node without MPS (no nvidia-cuda-mps-control on PATH): its shares are time-sliced. */
let plain: AgentProcess | undefined;
/** A node whose jobs each run as a uid of their own (`--uid-range`), so each job has an MPS server of its own. */
let tenants: AgentProcess | undefined;
let tenantScheduler: SchedulerProcess | undefined;
const tempDirs: string[] = [];
/** Every daemon PID seen, to check that none is left at the end. */
const daemonPids = new Set<number>();

afterAll(async () => {
  await agent?.process.kill();
  await plain?.process.kill();
  await tenants?.process.kill();
  await scheduler?.process.kill();
  await tenantScheduler?.process.kill();
  for (const pid of daemonPids) if (processAlive(pid)) process.kill(pid, "SIGKILL");
  rmSync(dir, { recursive: true, force: true });
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

interface DaemonState {
  pid: number;
  visibleDevices: string;
  defaultActiveThreadPercentage: number;
  defaultDevicePinnedMemLimits: Record<string, string>;
  servers: {
    pid: number;
    uid: number;
    activeThreadPercentage: number;
    devicePinnedMemLimit: string;
    clients: { pid: number; activeThreadPercentage: number; devicePinnedMemLimit: string }[];
  }[];
}

/** The stand-in daemons under the agent's data directory, by GPU, with what each was told. */
function daemons(dataDir: string): Map<string, DaemonState> {
  const root = join(dataDir, "mps");
  const out = new Map<string, DaemonState>();
  if (!existsSync(root)) return out;
  for (const gpu of readdirSync(root)) {
    const file = join(root, gpu, "log", "standin-state.json");
    if (!existsSync(file)) continue;
    const state = JSON.parse(readFileSync(file, "utf8")) as DaemonState;
    daemonPids.add(state.pid);
    if (processAlive(state.pid)) out.set(gpu, state);
  }
  return out;
}

/**
 * A share job that prints its MPS variables and what its GPU's daemon answers, becomes an MPS client (the
 * stand-in's client prints the limits its server gave it), then runs until cancelled.
 */
function shareJob(name: string, gpuMilli: number, memoryMib: number, models = ["H100-SXM5-80GB"]) {
  const report =
    'echo "$CUDA_VISIBLE_DEVICES|$CUDA_MPS_PIPE_DIRECTORY|$CUDA_MPS_ACTIVE_THREAD_PERCENTAGE|' +
    `$CUDA_MPS_PINNED_DEVICE_MEM_LIMIT|$(echo get_default_active_thread_percentage | ${mpsControl} >/dev/null && echo reached)"; ` +
    `${mpsControl} standin-client & sleep 120`;
  return { name, request: { share: { gpuMilli, memoryMib }, models }, command: ["sh", "-c", report] };
}

/** `tessera job ID` as a user runs it. */
async function jobText(address: string, id: string): Promise<string> {
  const cli = runTessera("job", ["job", id, "--scheduler", address]);
  await new Promise((r) => cli.child.once("exit", r));
  return cli.output;
}

describe("MPS on the stand-in: an agent with --mps-control", () => {
  it("runs one daemon per shared GPU with the shares' limits, restarts a dead one (its jobs requeued), stops it when the shares end; a node without MPS says its shares are time-sliced", async () => {
    try {
      scheduler = await startSchedulerProcess(dir, { lease: "3s", heartbeat: "200ms" });
      // H100s in a MIG-capable node start whole: a share must still fit one.
      agent = startAgentProcess(
        dir,
        { name: "h100-mps", models: ["H100-SXM5-80GB", "H100-SXM5-80GB"], mig: true },
        scheduler.address,
        ["--mps-control", mpsControl],
      );
      plain = startAgentProcess(dir, { name: "l4-plain", models: ["L4-24GB"] }, scheduler.address);
      const dataDir = agent.dataDir;
      const client = new SchedulerClient(scheduler.address);
      const node = await eventually(
        "node Ready",
        async () => {
          const nodes = (await client.nodes()).filter((n) => n.state === "Ready" && n.capabilities);
          return nodes.length === 2 ? nodes.find((n) => n.name === "h100-mps") : undefined;
        },
        60_000,
      );
      expect(node.capabilities?.mps).toBe(true);
      expect(daemons(dataDir).size).toBe(0);

      const a = (await client.submit(shareJob("a", 250, 8192), "a")).job!;
      const b = (await client.submit(shareJob("b", 500, 16384), "b")).job!;
      const running = async (id: string, attempt = 1) => {
        const j = await client.get(id);
        return j.state === "Running" &&
          j.attempt === attempt &&
          existsSync(j.logPath) &&
          readFileSync(j.logPath, "utf8")
          ? j
          : undefined;
      };
      const ja = await eventually("a running with output", () => running(a.id), 20_000);
      const jb = await eventually("b running with output", () => running(b.id), 20_000);
      const gpu = ja.allocations[0]!.gpuUuid;
      // Both shares fill one GPU before another becomes shared: one daemon, for that GPU.
      expect(jb.allocations[0]!.gpuUuid).toBe(gpu);
      const pipe = join(dataDir, "mps", gpu, "pipe");
      // Each job's client got its own share from the one server both share (they run as one uid).
      const clientLine = (path: string) => readFileSync(path, "utf8").match(/^server \d+ .*$/m)?.[0];
      const linesA = await eventually("a's client connected", () => clientLine(ja.logPath));
      const linesB = await eventually("b's client connected", () => clientLine(jb.logPath));
      expect(readFileSync(ja.logPath, "utf8").split("\n")[0]).toBe(`${gpu}|${pipe}|25|0=8192M|reached`);
      expect(readFileSync(jb.logPath, "utf8").split("\n")[0]).toBe(`${gpu}|${pipe}|50|0=16384M|reached`);
      expect(linesA).toMatch(/^server \d+ active_thread_percentage 25\.0 device_pinned_mem_limit 8G$/);
      expect(linesB).toMatch(/^server \d+ active_thread_percentage 50\.0 device_pinned_mem_limit 16G$/);
      // The agent sets the server's limits at its next look at the servers, which may come after both clients.
      const first = await eventually("the daemon and its server have the largest share's limits", () => {
        const d = daemons(dataDir);
        const state = d.get(gpu);
        return d.size === 1 &&
          state?.defaultActiveThreadPercentage === 50 &&
          state.defaultDevicePinnedMemLimits["0"] === "16G" &&
          state.servers[0]?.activeThreadPercentage === 50 &&
          state.servers[0].devicePinnedMemLimit === "16G"
          ? state
          : undefined;
      });
      expect(first).toMatchObject({ visibleDevices: gpu, defaultDevicePinnedMemLimits: { "0": "16G" } });
      // One server for the jobs' one uid, following the daemon's defaults (the largest share), with both clients.
      expect(first.servers).toHaveLength(1);
      expect(first.servers[0]).toMatchObject({ activeThreadPercentage: 50, devicePinnedMemLimit: "16G" });
      expect(first.servers[0]!.clients.map((c) => c.activeThreadPercentage).sort()).toEqual([25, 50]);
      expect(ja.allocations[0]!.shareIsolation).toBe("mps");
      expect(await jobText(scheduler.address, a.id)).toContain(
        "MPS: 25% of the SMs, 8192 MiB pinned at most",
      );

      // Without MPS the share is time-sliced, and `tessera job` says its memory is not isolated.
      const sliced = (await client.submit(shareJob("sliced", 250, 4096, ["L4-24GB"]), "sliced")).job!;
      const js = await eventually("sliced running", () => running(sliced.id), 20_000);
      expect(js.allocations[0]).toMatchObject({ node: "l4-plain", shareIsolation: "time-sliced" });
      // No daemon: the job has no pipe directory, and its limits are variables nothing enforces. (The log may hold
      // the control client's "cannot find the daemon" line before the job's own.)
      await eventually(
        "sliced's line in its log",
        () => /^GPU-[^|]+\|\|25\|0=4096M\|$/m.test(readFileSync(js.logPath, "utf8")) || undefined,
      );
      expect(await jobText(scheduler.address, sliced.id)).toContain(
        "time-sliced (no MPS on the node): GPU memory is NOT isolated",
      );
      await client.cancel(sliced.id, "test");

      // The daemon dies: its jobs are reported lost and requeued, and a new daemon serves their next attempt.
      process.kill(first.pid, "SIGKILL");
      const requeued = await eventually("a runs again", () => running(a.id, 2), 20_000);
      expect(requeued.transitions.map((t) => t.reason).join("\n")).toContain(
        "the MPS control daemon of its GPU died",
      );
      await eventually("b runs again", () => running(b.id, 2), 20_000);
      const second = await eventually("a new daemon", () => {
        const state = daemons(dataDir).get(gpu) ?? [...daemons(dataDir).values()][0];
        return state && state.pid !== first.pid ? state : undefined;
      });
      expect(processAlive(first.pid)).toBe(false);
      expect(agent.process.output).toContain("the MPS control daemon of");

      // The shares end: the GPU holds none, so its daemon quits.
      await client.cancel(a.id, "test");
      await client.cancel(b.id, "test");
      await eventually(
        "no daemon left",
        () => daemons(dataDir).size === 0 && !processAlive(second.pid),
        20_000,
      );
      // The agent logs the stop after the daemon exits; its line may still be on its way through the pipe.
      await eventually("the agent says why the daemon stopped", () =>
        agent?.process.output.includes("no shares left on it"),
      );
      await agent.process.kill();
      for (const pid of daemonPids) expect(processAlive(pid), `daemon ${pid} still runs`).toBe(false);
    } catch (err) {
      // What the agent said is most of what explains a failure here.
      throw new Error(`${(err as Error).message}\n--- agent output ---\n${agent?.process.output}`);
    }
  }, 180_000);
});

describe("MPS on the stand-in: a data directory too deep for the daemons' sockets", () => {
  it("runs the agent without MPS and says why, and --mps-root gives it MPS again", async () => {
    const deepDir = mkdtempSync(join(tmpdir(), `tessera-mps-${"d".repeat(60)}-`));
    const shortRoot = mkdtempSync(join(tmpdir(), "tmps-"));
    tempDirs.push(deepDir, shortRoot);
    const deepScheduler = await startSchedulerProcess(deepDir, { lease: "3s", heartbeat: "200ms" });
    const without = startAgentProcess(
      deepDir,
      { name: "h100-deep", models: ["H100-SXM5-80GB"] },
      deepScheduler.address,
      ["--mps-control", mpsControl],
    );
    const rescued = startAgentProcess(
      deepDir,
      { name: "h100-root", models: ["H100-SXM5-80GB"] },
      deepScheduler.address,
      ["--mps-control", mpsControl, "--mps-root", shortRoot],
    );
    try {
      const client = new SchedulerClient(deepScheduler.address);
      const nodes = await eventually(
        "both nodes Ready with their capabilities",
        async () => {
          const ready = (await client.nodes()).filter((n) => n.state === "Ready" && n.capabilities?.probed);
          return ready.length === 2 ? ready : undefined;
        },
        60_000,
      );
      const mpsOf = (name: string) => nodes.find((n) => n.name === name)?.capabilities?.mps;
      expect(mpsOf("h100-deep")).toBe(false);
      expect(mpsOf("h100-root")).toBe(true);
      expect(without.process.output).toContain("longer than a unix socket path may be (107 bytes)");
      expect(without.process.output).toContain("use a shorter --data-dir or --mps-root");
      expect(without.process.output).toContain("shares on this node are time-sliced");
      // A second process on that root (here an agent; on a node, often a `tessera device-plugin` beside an agent
      // with --kubelet-dir) would stop and restart the first one's daemons: it is refused at start, by PID.
      const twin = startAgentProcess(
        deepDir,
        { name: "h100-twin", models: ["H100-SXM5-80GB"] },
        deepScheduler.address,
        ["--mps-control", mpsControl, "--mps-root", shortRoot],
      );
      await twin.process.exit();
      expect(twin.process.child.exitCode).not.toBe(0);
      expect(twin.process.output).toContain(
        `the daemons in ${shortRoot} are kept by another process (PID ${rescued.process.child.pid})`,
      );
      expect(twin.process.output).toContain("give this one its own --mps-root");
      expect((await client.nodes()).some((n) => n.name === "h100-twin")).toBe(false);
    } finally {
      await without.process.kill();
      await rescued.process.kill();
      await deepScheduler.process.kill();
    }
  }, 120_000);
});

describe("MPS on the stand-in: an agent shutting down", () => {
  it("leaves no daemon behind, even when the scheduler does not answer its last report", async () => {
    // A short folder: the daemon's socket path (<data dir>/mps/<GPU uuid>/pipe/control) must fit a unix socket address.
    const shutdownDir = mkdtempSync(join(tmpdir(), "tmps-"));
    chmodSync(shutdownDir, 0o755);
    tempDirs.push(shutdownDir);
    const frozen = await startSchedulerProcess(shutdownDir, { lease: "3s", heartbeat: "200ms" });
    const stopping = startAgentProcess(
      shutdownDir,
      { name: "h100-s", models: ["H100-SXM5-80GB"] },
      frozen.address,
      ["--mps-control", mpsControl, "--stop-jobs-on-exit"],
    );
    try {
      const client = new SchedulerClient(frozen.address);
      const job = (await client.submit(shareJob("stopping", 250, 8192), "stopping")).job!;
      await eventually(
        "the share running under its daemon",
        async () => {
          const j = await client.get(job.id);
          return j.state === "Running" && daemons(stopping.dataDir).size === 1;
        },
        60_000,
      );
      // The scheduler hears nothing more: the agent keeps its last desired state (with the share) through the
      // seconds it waits for its last report to be read, while its one-second MPS check runs.
      frozen.process.child.kill("SIGSTOP");
      await stopping.process.kill("SIGTERM");
      const pids = [...daemonPids];
      expect(pids.length).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 1500));
      expect(daemons(stopping.dataDir).size).toBe(0);
      for (const pid of pids) expect(processAlive(pid), `daemon ${pid} still runs`).toBe(false);
    } finally {
      frozen.process.child.kill("SIGCONT");
      await stopping.process.kill();
      await frozen.process.kill();
    }
  }, 120_000);
});

const isRoot = process.getuid?.() === 0;

describe.runIf(isRoot)("MPS servers per job: an agent with --uid-range (as root)", () => {
  it("gives a job's own MPS server that job's limits, so a client without variables still gets its share and not the GPU's largest", async () => {
    try {
      // A scheduler of its own (its own database), beside the one of the test above; a short folder, since the
      // daemon's socket path (<data dir>/mps/<GPU uuid>/pipe/control) must fit a unix socket address.
      const tenantDir = mkdtempSync(join(tmpdir(), "tmps-"));
      tempDirs.push(tenantDir);
      chmodSync(tenantDir, 0o755);
      tenantScheduler = await startSchedulerProcess(tenantDir, { lease: "3s", heartbeat: "200ms" });
      tenants = startAgentProcess(
        tenantDir,
        { name: "h100-t", models: ["H100-SXM5-80GB"] },
        tenantScheduler.address,
        ["--mps-control", mpsControl, "--uid-range", "31000-31099"],
      );
      const client = new SchedulerClient(tenantScheduler.address);
      await eventually("node Ready", async () =>
        (await client.nodes()).some((n) => n.state === "Ready" && n.capabilities?.mps),
      );
      // The larger share sets the daemon's defaults (50%, 16 GiB) and is no MPS client itself.
      const big = (
        await client.submit(
          {
            name: "big",
            request: { share: { gpuMilli: 500, memoryMib: 16384 }, models: ["H100-SXM5-80GB"] },
            command: ["sleep", "120"],
          },
          "big",
        )
      ).job!;
      await eventually("big running", async () => (await client.get(big.id)).state === "Running");
      // The smaller one: a client with its variables, then (once its server holds its limits) one without.
      const m = mpsControl;
      const script =
        `${m} standin-client & ` +
        `i=0; until [ "$(echo get_server_list | ${m})" != "" ] || [ $i -gt 200 ]; do sleep 0.1; i=$((i+1)); done; ` +
        `S=$(echo get_server_list | ${m}); ` +
        // The agent sets the two limits one after the other: wait for both before the client without variables.
        `until [ "$(echo get_active_thread_percentage $S | ${m})" = "25.0" ] && ` +
        `[ "$(echo get_device_pinned_mem_limit $S 0 | ${m})" = "8G" ] || [ $i -gt 400 ]; do sleep 0.1; i=$((i+1)); done; ` +
        `env -u CUDA_MPS_ACTIVE_THREAD_PERCENTAGE -u CUDA_MPS_PINNED_DEVICE_MEM_LIMIT ${m} standin-client & sleep 120`;
      const small = (
        await client.submit(
          {
            name: "small",
            request: { share: { gpuMilli: 250, memoryMib: 8192 }, models: ["H100-SXM5-80GB"] },
            command: ["sh", "-c", script],
          },
          "small",
        )
      ).job!;
      const js = await eventually("small running", async () => {
        const j = await client.get(small.id);
        return j.state === "Running" ? j : undefined;
      });
      const lines = await eventually(
        "both clients connected",
        () => {
          const out = existsSync(js.logPath) ? readFileSync(js.logPath, "utf8").trim().split("\n") : [];
          return out.length >= 2 ? out : undefined;
        },
        30_000,
      );
      // The agent sets a server's limits at its next look at the servers, which may come after both clients.
      const state = await eventually(
        "the agent set the server's limits",
        () => {
          const found = [...daemons(tenants!.dataDir).values()][0];
          const server = found?.servers[0];
          return server?.activeThreadPercentage === 25 && server.devicePinnedMemLimit === "8G"
            ? found
            : undefined;
        },
        30_000,
      );
      expect(state).toMatchObject({
        defaultActiveThreadPercentage: 50,
        defaultDevicePinnedMemLimits: { "0": "16G" },
      });
      const server = state.servers[0]!;
      expect(server.uid).toBeGreaterThanOrEqual(31000);
      expect(server).toMatchObject({ activeThreadPercentage: 25, devicePinnedMemLimit: "8G" });
      expect(lines).toEqual([
        `server ${server.pid} active_thread_percentage 25.0 device_pinned_mem_limit 8G`,
        `server ${server.pid} active_thread_percentage 25.0 device_pinned_mem_limit 8G`,
      ]);
      expect(tenants.process.output).toContain(`MPS server ${server.pid} (uid ${server.uid})`);
      await client.cancel(small.id, "test");
      await client.cancel(big.id, "test");
      await eventually("no daemon left", () => daemons(tenants!.dataDir).size === 0, 20_000);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- agent output ---\n${tenants?.process.output}`);
    }
  }, 120_000);
});
