import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { processAlive } from "../node-agent/mps/MpsControlDaemon.ts";
import { ensureStandinLibrary, ensureStandinMpsControl } from "../node-agent/standin/StandinBuild.ts";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { writeSimulatedNode } from "../scheduler/cli/SimulatedFleet.ts";
import { eventually } from "./support/Eventually.ts";
import {
  type AgentProcess,
  runTessera,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

// A short folder: the daemon's socket (<data dir>/mps/<MIG uuid>/pipe/control) must fit a unix socket address.
const dir = mkdtempSync(join(tmpdir(), "tmm-"));
chmodSync(dir, 0o755);
const mpsControl = ensureStandinMpsControl();
let scheduler: SchedulerProcess | undefined;
let agent: AgentProcess | undefined;
const daemonPids = new Set<number>();

afterAll(async () => {
  // The daemons running now, too (a failed run may not have looked at them yet).
  if (agent) daemons(agent.dataDir);
  await agent?.process.kill();
  if (agent) daemons(agent.dataDir);
  await scheduler?.process.kill();
  for (const pid of daemonPids) if (processAlive(pid)) process.kill(pid, "SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

interface DaemonState {
  pid: number;
  visibleDevices: string;
  defaultActiveThreadPercentage: number;
  defaultDevicePinnedMemLimits: Record<string, string>;
}

/** The live stand-in daemons under the agent's data directory, by device. */
function daemons(dataDir: string): Map<string, DaemonState> {
  const root = join(dataDir, "mps");
  const out = new Map<string, DaemonState>();
  if (!existsSync(root)) return out;
  for (const device of readdirSync(root)) {
    const file = join(root, device, "log", "standin-state.json");
    if (!existsSync(file)) continue;
    const state = JSON.parse(readFileSync(file, "utf8")) as DaemonState;
    daemonPids.add(state.pid);
    if (processAlive(state.pid)) out.set(device, state);
  }
  return out;
}

/** A share job that prints its devices and MPS variables, then is an MPS client (printing its limits) until cancelled. */
function shareJob(name: string, gpuMilli: number, memoryMib: number) {
  const report =
    'echo "$CUDA_VISIBLE_DEVICES|$CUDA_MPS_PIPE_DIRECTORY|$CUDA_MPS_ACTIVE_THREAD_PERCENTAGE|$CUDA_MPS_PINNED_DEVICE_MEM_LIMIT"; ' +
    `${mpsControl} standin-client & sleep 120`;
  return { name, request: { share: { gpuMilli, memoryMib } }, command: ["sh", "-c", report] };
}

async function run(args: string[], env: Record<string, string>): Promise<string> {
  const cli = runTessera(args[0]!, args, env);
  const code = await new Promise((r) => cli.child.once("exit", r));
  expect(code, cli.output).toBe(0);
  return cli.output;
}

describe("MPS on MIG on the stand-in", () => {
  it("puts a share on a free MIG instance once no GPU takes it otherwise, and runs it under a daemon keyed by the instance's MIG UUID with limits relative to the instance", async () => {
    try {
      // An H100 in MIG mode carved by an operator (mig-parted style) before the agent starts: 1g.10gb and 3g.40gb.
      const node = { name: "m", models: ["H100-SXM5-80GB"], mig: true };
      const files = writeSimulatedNode(join(dir, "nodes", node.name), node);
      const nvmlEnv = {
        TESSERA_NVML_LIBRARY: ensureStandinLibrary(),
        TESSERA_NVML_STANDIN_FLEET: files.fleetFile,
        TESSERA_NVML_STANDIN_STATE: files.stateFile,
      };
      const spec = join(dir, "mig.yaml");
      writeFileSync(
        spec,
        'version: v1\nmig-configs:\n  carved:\n    - devices: all\n      mig-enabled: true\n      mig-devices:\n        "1g.10gb": 1\n        "3g.40gb": 1\n',
      );
      await run(["mig", "apply", "-f", spec, "-c", "carved"], nvmlEnv);

      scheduler = await startSchedulerProcess(dir, { lease: "3s", heartbeat: "200ms" });
      // Its jobs stop with it, so a failing run leaves none behind.
      agent = startAgentProcess(dir, node, scheduler.address, [
        "--mps-control",
        mpsControl,
        "--stop-jobs-on-exit",
      ]);
      const dataDir = agent.dataDir;
      const client = new SchedulerClient(scheduler.address);
      await eventually(
        "node Ready with MPS",
        async () => (await client.nodes()).some((n) => n.state === "Ready" && n.capabilities?.mps),
        60_000,
      );
      const running = async (id: string) => {
        const j = await client.get(id);
        return j.state === "Running" && existsSync(j.logPath) && readFileSync(j.logPath, "utf8")
          ? j
          : undefined;
      };

      // A MIG job takes the 1g.10gb instance: the GPU is busy, so a share cannot take it out of MIG mode.
      const mig = (
        await client.submit(
          { name: "mig", request: { mig: { profile: "1g.10gb" } }, command: ["sleep", "120"] },
          "mig",
        )
      ).job!;
      await eventually(
        "the MIG job runs",
        async () => (await client.get(mig.id)).state === "Running",
        20_000,
      );

      const a = (await client.submit(shareJob("a", 250, 8192), "a")).job!;
      const ja = await eventually("share a running", () => running(a.id), 20_000);
      const slice = ja.allocations[0]!;
      expect(slice).toMatchObject({
        kind: "share",
        migProfile: "3g.40gb",
        shareMilli: 250,
        shareMemoryMib: 8192,
      });
      const withUuid = await eventually("its MIG UUID recorded", async () => {
        const j = await client.get(a.id);
        return j.allocations[0]?.migUuid ? j.allocations[0] : undefined;
      });
      const instance = withUuid.migUuid;
      expect(instance).toMatch(/^MIG-/);
      const pipe = join(dataDir, "mps", instance, "pipe");
      // 250 thousandths of the GPU on a 3g instance (428): 59% of the instance's SMs.
      expect(readFileSync(ja.logPath, "utf8").split("\n")[0]).toBe(`${instance}|${pipe}|59|0=8192M`);

      // A second share fills the same instance: one daemon for it, with the larger share's limits.
      const b = (await client.submit(shareJob("b", 100, 4096), "b")).job!;
      const jb = await eventually("share b running", () => running(b.id), 20_000);
      expect(jb.allocations[0]).toMatchObject({ migProfile: "3g.40gb", migStart: slice.migStart });
      expect(readFileSync(jb.logPath, "utf8").split("\n")[0]).toBe(`${instance}|${pipe}|24|0=4096M`);
      const clientLine = (path: string) => readFileSync(path, "utf8").match(/^server \d+ .*$/m)?.[0];
      expect(await eventually("a's client connected", () => clientLine(ja.logPath))).toMatch(
        /^server \d+ active_thread_percentage 59\.0 device_pinned_mem_limit 8G$/,
      );
      expect(await eventually("b's client connected", () => clientLine(jb.logPath))).toMatch(
        /^server \d+ active_thread_percentage 24\.0 device_pinned_mem_limit 4G$/,
      );
      // The agent sends the daemon's defaults one command at a time: wait for the last one.
      const daemon = await eventually(
        "one daemon, for the instance, with the larger share's defaults",
        () => {
          const d = daemons(dataDir);
          const found = d.get(instance);
          return d.size === 1 && found?.defaultDevicePinnedMemLimits["0"] === "8G" ? found : undefined;
        },
      );
      expect(daemon).toMatchObject({
        visibleDevices: instance,
        defaultActiveThreadPercentage: 59,
        defaultDevicePinnedMemLimits: { "0": "8G" },
      });

      // `tessera job` says where the share runs and what its limits are relative to.
      const text = await run(["job", a.id, "--scheduler", scheduler.address], {});
      expect(text).toContain(`:3g.40gb@${slice.migStart}:25%  H100-SXM5-80GB  ${instance}`);
      expect(text).toContain("MPS on MIG 3g.40gb: 59% of the instance's SMs, 8192 MiB pinned at most");

      // A restarted scheduler rebuilds the shared instance from its store: a MIG job of its profile cannot have it,
      // and a new share fills it (under the same daemon).
      await scheduler.process.kill();
      client.close();
      scheduler = await startSchedulerProcess(dir, { port: scheduler.port, lease: "3s", heartbeat: "200ms" });
      const again = new SchedulerClient(scheduler.address);
      await eventually(
        "node Ready again",
        async () => (await again.nodes()).some((n) => n.state === "Ready"),
        30_000,
      );
      const big = (
        await again.submit(
          { name: "big", request: { mig: { profile: "3g.40gb" } }, command: ["true"] },
          "big",
        )
      ).job!;
      const pending = await eventually("the 3g MIG job waits", async () => {
        const j = await again.get(big.id);
        return j.state === "Pending" && j.reason.includes("nodes are available") ? j : undefined;
      });
      expect(pending.reason).toContain("no free MIG placement");
      const c = (await again.submit(shareJob("c", 50, 2048), "c")).job!;
      const jc = await eventually("share c running", async () => {
        const j = await again.get(c.id);
        return j.state === "Running" && existsSync(j.logPath) && readFileSync(j.logPath, "utf8")
          ? j
          : undefined;
      });
      expect(jc.allocations[0]).toMatchObject({ migProfile: "3g.40gb", migStart: slice.migStart });
      expect(readFileSync(jc.logPath, "utf8").split("\n")[0]).toBe(`${instance}|${pipe}|12|0=2048M`);
      expect(daemons(dataDir).get(instance)?.pid).toBe(daemon.pid);
      await again.cancel(big.id, "test");
      await again.cancel(c.id, "test");

      // The shares end: the instance holds none, its daemon quits; the MIG job was never disturbed.
      await again.cancel(a.id, "test");
      await again.cancel(b.id, "test");
      await eventually(
        "no daemon left",
        () => daemons(dataDir).size === 0 && !processAlive(daemon.pid),
        20_000,
      );
      expect((await again.get(mig.id)).state).toBe("Running");
      await again.cancel(mig.id, "test");
      // Cancelled once the agent reports their processes ended: nothing of theirs is left running.
      for (const id of [a.id, b.id, c.id, mig.id])
        await eventually(`${id} cancelled`, async () => (await again.get(id)).state === "Cancelled", 20_000);
      again.close();
      await agent.process.kill();
      for (const pid of daemonPids) expect(processAlive(pid), `daemon ${pid} still runs`).toBe(false);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- agent output ---\n${agent?.process.output}`);
    }
  }, 120_000);
});
