import { hostname } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import {
  addDevicePluginOptions,
  type DevicePluginFlags,
  devicePluginConfigFromFlags,
} from "../../plugins/deviceplugin/DevicePluginCommand.ts";
import { KubeletAllocationTable } from "../../plugins/deviceplugin/KubeletAllocationTable.ts";
import { type NvmlDevicePlugin, startNvmlDevicePlugin } from "../../plugins/deviceplugin/NvmlDevicePlugin.ts";
import { allocationLog, lineLog } from "../../plugins/deviceplugin/PluginLog.ts";
import { PodResourcesReleaser } from "../../plugins/deviceplugin/PodResourcesReleaser.ts";
import { createVmRuntime, vmRuntimeNames } from "../../plugins/vm/VmRuntimes.ts";
import { podResourcesSocketPath } from "../../proto/k8s/podresources/PodResourcesApi.ts";
import { parseSchedulerAddresses } from "../../proto/tessera/LeaderRedirect.ts";
import {
  defaultSchedulerAddress,
  readTokenFile,
  schedulerEnvVar,
} from "../../proto/tessera/SchedulerEndpoint.ts";
import { Executor } from "../executor/Executor.ts";
import { Agent } from "./Agent.ts";
import { NvmlGpuHost } from "./NvmlGpuHost.ts";
import { jobUser } from "./RunAsUser.ts";
import { VmJobLauncher } from "./VmJobLauncher.ts";

export interface AgentFlags extends DevicePluginFlags {
  scheduler?: string;
  node?: string;
  dataDir?: string;
  label?: string[];
  tokenFile?: string;
  runAs?: string;
  runAsRoot?: boolean;
  stopJobsOnExit?: boolean;
  vmRuntime: string;
  sysfsRoot: string;
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
    .option("--token-file <FILE>", "the scheduler's shared token")
    .option("--run-as <USER>", "when root: run job commands as this user (default nobody)")
    .option("--run-as-root", "when root: run job commands as root (not recommended)")
    .option("--vm-runtime <NAME>", `runtime for VM jobs: ${vmRuntimeNames.join(", ")}`, "qemu")
    .option("--sysfs-root <DIR>", "sysfs root for VFIO passthrough (tests point it at a built tree)", "/sys")
    .option(
      "--stop-jobs-on-exit",
      "stop running jobs when the agent exits (default: they keep running and are adopted on restart)",
    )
    .action(async (flags: AgentFlags) => {
      const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
      let agent: Agent | undefined;
      let executor: Executor | undefined;
      let host: NvmlGpuHost | undefined;
      let devicePlugin: NvmlDevicePlugin | undefined;
      let podResources: PodResourcesReleaser | undefined;
      try {
        const scheduler = flags.scheduler ?? process.env[schedulerEnvVar] ?? defaultSchedulerAddress;
        parseSchedulerAddresses(scheduler, "--scheduler");
        const node = (flags.node ?? hostname()).toLowerCase();
        const dataDir = flags.dataDir ?? join(".tessera", `agent-${node}`);
        const runAs = jobUser(flags, process.getuid?.() === 0);
        const tokenFile = flags.tokenFile ?? process.env.TESSERA_TOKEN_FILE;
        host = new NvmlGpuHost();
        executor = new Executor({ dataDir, runAs, onChange: () => agent?.onJobChange() });
        // The VM runtime is probed once at start (KVM or TCG) and reported as node labels (`tessera nodes`).
        const vm = await createVmRuntime(flags.vmRuntime, { sysfsRoot: flags.sysfsRoot }).probe();
        const vmLabels = {
          "tessera.io/vm-runtime": vm.runtime,
          ...(vm.runnable && vm.accelerator ? { "tessera.io/vm-accelerator": vm.accelerator } : {}),
        };
        log(`agent: VM runtime ${vm.runtime}: ${vm.runnable ? "runnable" : "not runnable"}; ${vm.detail}`);
        const kubeletAllocations = new KubeletAllocationTable({
          onChange: () => agent?.reportNow(),
          path: join(dataDir, "kubelet-allocations.json"),
        });
        agent = new Agent({
          scheduler,
          node,
          labels: { ...vmLabels, ...labels(flags.label ?? []) },
          dataDir,
          host,
          executor,
          token: tokenFile ? readTokenFile(tokenFile) : undefined,
          log,
          kubeletAllocations,
          vmLauncher: new VmJobLauncher({
            runtime: flags.vmRuntime,
            sysfsRoot: flags.sysfsRoot,
            dataDir,
            cli: process.argv[1] ?? "bin/tessera.js",
            ...(vm.runnable && vm.accelerator ? { accelerator: vm.accelerator } : {}),
          }),
        });
        if (flags.kubeletDir) {
          const started = agent;
          const logged = allocationLog(log);
          const config = devicePluginConfigFromFlags(flags);
          // Releases the holds of ended containers, asked periodically and on each change of the plugin's devices.
          const releaser = new PodResourcesReleaser({
            socket: podResourcesSocketPath(config.kubeletDir),
            table: kubeletAllocations,
            log: lineLog(log),
          });
          podResources = releaser;
          devicePlugin = await startNvmlDevicePlugin({
            config,
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
        }
        agent.start();
        log(
          `agent ${node}: ${host.inventory().length} GPU(s), scheduler ${scheduler}, jobs run as ${runAs?.user ?? "the agent's user"}, data in ${dataDir}`,
        );
      } catch (err) {
        process.stderr.write(`error: ${(err as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      const signal = await new Promise<string>((resolve) => {
        process.once("SIGINT", () => resolve("SIGINT"));
        process.once("SIGTERM", () => resolve("SIGTERM"));
      });
      log(
        `agent: ${signal}: stopping${flags.stopJobsOnExit ? " (and its jobs)" : "; running jobs keep running"}`,
      );
      if (flags.stopJobsOnExit) await executor.stopAll();
      podResources?.stop();
      await devicePlugin?.stop();
      agent.stop();
      executor.close();
      host.close();
    });
}
