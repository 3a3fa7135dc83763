import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { Agent, defaultReconnectMaxMs } from "../node-agent/agent/Agent.ts";
import { defaultFencingTimeoutMs } from "../node-agent/agent/FencingClock.ts";
import { defaultAdvertiseAddress } from "../node-agent/agent/NodeAddress.ts";
import { NvmlGpuHost } from "../node-agent/agent/NvmlGpuHost.ts";
import { jobUser } from "../node-agent/agent/RunAsUser.ts";
import { VmJobLauncher } from "../node-agent/agent/VmJobLauncher.ts";
import {
  containerRuntimeNames,
  createContainerRuntime,
  defaultCdiSpecPath,
} from "../node-agent/container/ContainerRuntimes.ts";
import { Executor } from "../node-agent/executor/Executor.ts";
import { JobUidRange } from "../node-agent/executor/JobUidRange.ts";
import { defaultMpsControlBinary, resolveMpsControl } from "../node-agent/mps/MpsControlBinary.ts";
import { MpsSupervisor, mpsRootProblem } from "../node-agent/mps/MpsSupervisor.ts";
import { NodeNvml } from "../node-agent/nvml/NodeNvml.ts";
import {
  addDevicePluginOptions,
  type DevicePluginFlags,
  devicePluginConfigFromFlags,
} from "../plugins/deviceplugin/DevicePluginFlags.ts";
import { KubeletAllocationTable } from "../plugins/deviceplugin/KubeletAllocationTable.ts";
import type { NvmlDevicePlugin } from "../plugins/deviceplugin/NvmlDevicePlugin.ts";
import type { PodResourcesReleaser } from "../plugins/deviceplugin/PodResourcesReleaser.ts";
import { parseMemoryMiB } from "../plugins/vm/MemorySize.ts";
import { createVmRuntime, vmRuntimeNames } from "../plugins/vm/VmRuntimes.ts";
import { parseSchedulerAddresses } from "../proto/tessera/LeaderRedirect.ts";
import {
  defaultSchedulerAddress,
  readTokenFile,
  schedulerEnvVar,
} from "../proto/tessera/SchedulerEndpoint.ts";
import { clientTlsMaterial, type TlsFlags, tlsCaEnvVar } from "../proto/tessera/TlsFiles.ts";
import { parseDuration } from "../scheduler/finops/FinopsConfig.ts";

export interface AgentFlags extends DevicePluginFlags, TlsFlags {
  scheduler?: string;
  node?: string;
  dataDir?: string;
  label?: string[];
  tokenFile?: string;
  runAs?: string;
  runAsRoot?: boolean;
  uidRange?: string;
  stopJobsOnExit?: boolean;
  exitWithParent?: boolean;
  vmRuntime: string;
  sysfsRoot: string;
  advertiseAddress?: string;
  fencingTimeout?: string;
  reconnectMax?: string;
  cpus?: string;
  memory?: string;
  mpsControl?: string;
  containerRuntime?: string;
  cdiSpec?: string;
}

function hostCapacity(flags: AgentFlags): { cpuMillis?: number; memoryMib?: number } {
  const cpus = flags.cpus === undefined ? undefined : Number(flags.cpus);
  if (cpus !== undefined && !(Number.isInteger(cpus) && cpus > 0))
    throw new Error(`--cpus expects a whole number of vCPUs, got "${flags.cpus}"`);
  return {
    ...(cpus === undefined ? {} : { cpuMillis: cpus * 1000 }),
    ...(flags.memory === undefined ? {} : { memoryMib: parseMemoryMiB(flags.memory) }),
  };
}

function labels(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new Error(`--label expects KEY=VALUE, got "${pair}"`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/**
 * `tessera agent`: the composition root of a node. It wires the agent, its one NVML session, the executor and
 * (with `--kubelet-dir`) the Kubernetes device plugin; only here do node-agent/ and plugins/ meet.
 */
export function registerAgentCommands(program: Command): void {
  // --kubelet-dir DIR turns on the Kubernetes device plugin (docs/kubernetes.md).
  addDevicePluginOptions(program.command("agent"))
    .description(
      "run the node agent: discover GPUs through NVML, take desired state from the scheduler, run jobs",
    )
    .option(
      "--scheduler <HOST:PORT[,HOST:PORT...]>",
      `scheduler gRPC address (default: $${schedulerEnvVar} or ${defaultSchedulerAddress})`,
    )
    .option("--node <NAME>", "node name (default: the host name)")
    .option("--data-dir <DIR>", "job logs and agent state (default .tessera/agent-NODE)")
    .option("--label <KEY=VALUE...>", "node labels for job constraints")
    .option(
      "--token-file <FILE>",
      "this agent's token (role: agent in the scheduler's --credentials), or the scheduler's shared token",
    )
    .option("--tls-cert <FILE>", "this node's client certificate (PEM); its name must be the node's name")
    .option("--tls-key <FILE>", "the private key of --tls-cert")
    .option("--tls-ca <FILE>", `CA of the scheduler's certificate; turns TLS on (default: $${tlsCaEnvVar})`)
    .option("--run-as <USER>", "when root: run job commands as this user (default nobody)")
    .option("--run-as-root", "when root: run job commands as root (not recommended)")
    .option(
      "--uid-range <FIRST-LAST>",
      "when root: run each job as a uid of its own from this range (e.g. 20000-29999), so jobs cannot read each other",
    )
    .option("--vm-runtime <NAME>", `runtime for VM jobs: ${vmRuntimeNames.join(", ")}`, "qemu")
    .option("--sysfs-root <DIR>", "sysfs root for VFIO passthrough (tests point it at a built tree)", "/sys")
    .option("--cpus <N>", "vCPUs this node offers to jobs (default: the host's)")
    .option("--memory <SIZE>", "host memory this node offers to jobs, e.g. 1TiB (default: the host's)")
    .option(
      "--advertise-address <ADDRESS>",
      "address other nodes reach this one at (default: 127.0.0.1 for a loopback scheduler, else the host's first address)",
    )
    .option(
      "--fencing-timeout <DURATION>",
      `stop every job after this long without contact with the scheduler (default: the scheduler's, else ${defaultFencingTimeoutMs / 60_000}m; the scheduler's when shorter)`,
    )
    .option(
      "--reconnect-max <DURATION>",
      `longest wait between attempts to reach the scheduler (default ${defaultReconnectMaxMs / 1000}s)`,
    )
    .option(
      "--mps-control <PATH>",
      `NVIDIA's MPS control daemon, run once per GPU holding shares (default: ${defaultMpsControlBinary} on PATH; without it shares are time-sliced)`,
    )
    .option(
      "--container-runtime <NAME>",
      `runtime for container jobs (submit --image): ${containerRuntimeNames.join(" or ")} (default: podman when it is on PATH and answers)`,
    )
    .option(
      "--cdi-spec <FILE>",
      `the CDI spec the agent writes for its GPUs when NVIDIA's toolkit has none in /etc/cdi or /var/run/cdi (default ${defaultCdiSpecPath})`,
    )
    .option(
      "--stop-jobs-on-exit",
      "stop running jobs when the agent exits (default: they keep running and are adopted on restart)",
    )
    .option(
      "--exit-with-parent",
      "stop, as on SIGTERM, once the process that started the agent ends: its stdin, a pipe from that process, closes (tessera up starts its agents so)",
    )
    .action(async (flags: AgentFlags) => {
      const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
      let agent: Agent | undefined;
      let executor: Executor | undefined;
      let session: NodeNvml | undefined;
      let devicePlugin: NvmlDevicePlugin | undefined;
      let podResources: PodResourcesReleaser | undefined;
      try {
        const scheduler = flags.scheduler ?? process.env[schedulerEnvVar] ?? defaultSchedulerAddress;
        parseSchedulerAddresses(scheduler, "--scheduler");
        const node = (flags.node ?? hostname()).toLowerCase();
        const dataDir = flags.dataDir ?? join(".tessera", `agent-${node}`);
        const runAs = jobUser(flags, process.getuid?.() === 0);
        const uidRange = flags.uidRange ? JobUidRange.parse(flags.uidRange) : undefined;
        if (uidRange && !runAs)
          throw new Error("--uid-range needs an agent running as root, without --run-as-root");
        const tokenFile = flags.tokenFile ?? process.env.TESSERA_TOKEN_FILE;
        const fencingTimeoutMs =
          flags.fencingTimeout === undefined
            ? undefined
            : parseDuration(flags.fencingTimeout, "--fencing-timeout");
        const reconnectMaxMs =
          flags.reconnectMax === undefined ? undefined : parseDuration(flags.reconnectMax, "--reconnect-max");
        if (fencingTimeoutMs !== undefined && fencingTimeoutMs < 1000)
          throw new Error(`--fencing-timeout must be at least 1s, got ${flags.fencingTimeout}`);
        if (reconnectMaxMs !== undefined && reconnectMaxMs < 100)
          throw new Error(`--reconnect-max must be at least 100ms, got ${flags.reconnectMax}`);
        const mpsControl = resolveMpsControl(flags.mpsControl ?? defaultMpsControlBinary);
        if (flags.mpsControl !== undefined && !mpsControl)
          throw new Error(`--mps-control ${flags.mpsControl}: not an executable file (or not on PATH)`);

        const containerRuntime = createContainerRuntime(flags.containerRuntime ?? "podman");
        // Xid health settings are the device plugin's (`--device-plugin-config`), whether it runs or not.
        const pluginConfig = await devicePluginConfigFromFlags(flags);
        const nvmlSession = new NodeNvml({
          health: {
            ignoredXids: pluginConfig.ignoredXids,
            recoveryMs: pluginConfig.xidRecoverySeconds * 1000,
          },
          log: {
            warn: (message) => log(`agent ${node}: nvml: warning: ${message}`),
            error: (message) => log(`agent ${node}: nvml: error: ${message}`),
          },
        });
        session = nvmlSession;
        const host = new NvmlGpuHost(nvmlSession);
        executor = new Executor({
          dataDir,
          runAs,
          ...(uidRange ? { uidRange } : {}),
          ...(containerRuntime ? { containers: containerRuntime } : {}),
          node,
          onChange: () => agent?.onJobChange(),
        });
        const kubeletAllocations = new KubeletAllocationTable({
          onChange: () => agent?.reportNow(),
          path: join(dataDir, "kubelet-allocations.json"),
        });
        const vmLauncher = new VmJobLauncher({
          runtime: flags.vmRuntime,
          sysfsRoot: flags.sysfsRoot,
          dataDir,
          cli: process.argv[1] ?? "bin/tessera.js",
        });
        const vmRuntime = await createVmRuntime(flags.vmRuntime, { sysfsRoot: flags.sysfsRoot });
        // The device plugin mounts <mpsRoot>/<GPU>/pipe into pods: with it on, the daemons live where it says
        // (its config or --mps-root); without it, under --mps-root or the data directory.
        const mpsRoot = flags.kubeletDir
          ? pluginConfig.mpsRoot
          : resolve(flags.mpsRoot ?? join(dataDir, "mps"));
        // A root too deep for the daemons' sockets leaves the node without MPS rather than without an agent.
        const mpsRootUnusable = mpsControl ? mpsRootProblem(mpsRoot) : undefined;
        const mpsBinary = mpsRootUnusable ? undefined : mpsControl;
        const mps = mpsBinary !== undefined;
        if (!mpsBinary) {
          // No control daemon here: shared replicas for pods are time-sliced, and the plugin says so.
          pluginConfig.shareIsolation = "time-sliced";
          const why = mpsRootUnusable ?? `no ${defaultMpsControlBinary} (--mps-control)`;
          log(
            `agent ${node}: ${why}: shares on this node are time-sliced; GPU memory is not isolated between them`,
          );
        }
        // Pods get <mpsRoot>/shm as /dev/shm, which MPS clients share with their server.
        if (mpsBinary && flags.kubeletDir) mkdirSync(join(mpsRoot, "shm"), { recursive: true });
        const mpsSupervisor = mpsBinary
          ? new MpsSupervisor({
              binary: mpsBinary,
              root: mpsRoot,
              log: (line) => log(`agent ${node}: ${line}`),
            })
          : undefined;
        let plugin: NvmlDevicePlugin | undefined;
        agent = new Agent({
          scheduler,
          node,
          labels: { "tessera.io/vm-runtime": flags.vmRuntime, ...labels(flags.label ?? []) },
          dataDir,
          host,
          executor,
          token: tokenFile ? readTokenFile(tokenFile) : undefined,
          tls: clientTlsMaterial(flags),
          log,
          kubeletHolds: kubeletAllocations,
          hostCapacity: hostCapacity(flags),
          vmLauncher,
          capabilities: { vmRuntimes: [], mps, containerRuntimes: [], probed: false },
          address: flags.advertiseAddress ?? (await defaultAdvertiseAddress(scheduler)),
          fencingTimeoutMs,
          reconnectMaxMs,
          ...(mpsSupervisor
            ? { mps: mpsSupervisor, kubeletMpsDevices: () => plugin?.sharedGpus() ?? new Map() }
            : {}),
        });
        if (flags.kubeletDir) {
          // Loaded only here: the kubelet's gRPC definitions cost start time and memory on nodes without one.
          const [
            { startNvmlDevicePlugin },
            { allocationLog, lineLog },
            { PodResourcesReleaser },
            { podResourcesSocketPath },
          ] = await Promise.all([
            import("../plugins/deviceplugin/NvmlDevicePlugin.ts"),
            import("../plugins/deviceplugin/PluginLog.ts"),
            import("../plugins/deviceplugin/PodResourcesReleaser.ts"),
            import("../proto/k8s/podresources/PodResourcesApi.ts"),
          ]);
          const started = agent;
          const logged = allocationLog(log);
          // Releases the holds of ended containers, asked periodically and on each change of the plugin's devices.
          const releaser = new PodResourcesReleaser({
            socket: podResourcesSocketPath(pluginConfig.kubeletDir),
            table: kubeletAllocations,
            log: lineLog(log),
          });
          podResources = releaser;
          devicePlugin = await startNvmlDevicePlugin({
            config: pluginConfig,
            session: nvmlSession,
            desired: () => started.desiredState,
            log: lineLog(log),
            sink: {
              reportAllocation(allocation) {
                logged.reportAllocation(allocation);
                kubeletAllocations.reportAllocation(allocation);
              },
              // Until the scheduler's first desired state the plugin's layout is provisional (sharing rules):
              // a pod's device missing from it then is no sign that the pod is gone.
              advertised: (ids) => {
                if (started.desiredState) kubeletAllocations.advertised(ids);
                void releaser.check();
              },
            },
          });
          releaser.start();
          plugin = devicePlugin;
        }
        // Connect and adopt first: the slow probe (a KVM boot can take seconds) must not hold up registration.
        agent.start();
        const connected = agent;
        nvmlSession.onHealthChange(() => connected.reportNow());
        nvmlSession.watchXids();
        log(
          `agent ${node}: ${host.inventory().length} GPU(s), scheduler ${scheduler}, jobs run as ${uidRange ? `uids ${uidRange.first}-${uidRange.last}, one per job` : (runAs?.user ?? "the agent's user")}, data in ${dataDir}`,
        );
        // The VM and container probes end in either order; each adds what it found.
        const found = { vmRuntimes: [] as string[], containerRuntimes: [] as string[], pending: 2 };
        const probed = () => {
          found.pending--;
          connected.setCapabilities({
            vmRuntimes: found.vmRuntimes,
            mps,
            containerRuntimes: found.containerRuntimes,
            probed: found.pending === 0,
          });
        };
        void vmRuntime.probe().then(
          (vm) => {
            log(
              `agent: VM runtime ${vm.runtime}: ${vm.runnable ? "runnable" : "not runnable"}; ${vm.detail}`,
            );
            vmLauncher.probed(vm.runnable ? vm.accelerator : undefined);
            if (vm.runnable) found.vmRuntimes = [vm.runtime];
            probed();
          },
          (err: Error) => {
            log(`agent: VM runtime ${flags.vmRuntime}: probe failed: ${err.message}`);
            probed();
          },
        );
        const jobs = executor;
        void (async () => {
          if (!containerRuntime) return;
          const answer = await containerRuntime.probe();
          if (!answer.ok) {
            log(
              `agent ${node}: container runtime ${containerRuntime.name} does not answer (${answer.detail}): no container jobs (--image) here`,
            );
            return;
          }
          // Loaded only on a node that runs containers.
          const [{ CdiSpecWriter }, { nvmlCdiGpus }] = await Promise.all([
            import("../node-agent/container/CdiSpecWriter.ts"),
            import("../node-agent/container/NodeCdiGpus.ts"),
          ]);
          const standin = nvmlSession.nvml.has("tesseraStandinLastError");
          const cdi = new CdiSpecWriter({
            path: resolve(flags.cdiSpec ?? defaultCdiSpecPath),
            standin,
            gpus: nvmlCdiGpus(nvmlSession.nvml, () => host.inventory(), standin),
          });
          const removed = await jobs.removeLeftoverContainers();
          if (removed.length > 0) log(`agent ${node}: removed leftover containers ${removed.join(", ")}`);
          connected.useCdi(cdi);
          found.containerRuntimes = [containerRuntime.name];
          log(`agent ${node}: container jobs run with ${answer.detail}; CDI spec ${cdi.specPath}`);
        })()
          .catch((err: Error) => log(`agent ${node}: container jobs off: ${err.message}`))
          .finally(probed);
      } catch (err) {
        process.stderr.write(`error: ${(err as Error).message}\n`);
        process.exitCode = 1;
        agent?.stop();
        executor?.close();
        await session?.close();
        return;
      }
      const signal = await new Promise<string>((resolve) => {
        // Handlers stay: a later signal (tessera up's SIGTERM after a Ctrl-C that reached the agent too) must not
        // cut the shutdown short and leave its jobs unreported.
        process.on("SIGINT", () => resolve("SIGINT"));
        process.on("SIGTERM", () => resolve("SIGTERM"));
        // Killed with SIGKILL, or ended by the terminal's SIGHUP, a parent cannot stop its agents: the pipe it
        // gave them closes instead.
        if (flags.exitWithParent) {
          process.stdin.once("end", () => resolve("its parent ended"));
          process.stdin.once("error", () => resolve("its parent ended"));
          process.stdin.resume();
        }
      });
      // Nothing more to read: an open stdin would keep the process alive after the shutdown.
      if (flags.exitWithParent) process.stdin.destroy();
      log(
        `agent: ${signal}: stopping${flags.stopJobsOnExit ? " (and its jobs)" : "; running jobs keep running"}`,
      );
      podResources?.stop();
      await devicePlugin?.stop();
      await agent.shutdown(Boolean(flags.stopJobsOnExit));
      executor.close();
      await session?.close();
    });
}
