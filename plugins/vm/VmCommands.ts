import { mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { ProcfsGpuProcessProbe } from "../../node-agent/vfio/GpuProcessProbe.ts";
import { SysfsTree } from "../../node-agent/vfio/SysfsTree.ts";
import { VfioBinder } from "../../node-agent/vfio/VfioBinder.ts";
import type { VmRunSpec } from "../../proto/tessera/VmJobWire.ts";
import type { NamingScheme } from "../deviceplugin/ResourceNaming.ts";
import { parseMemoryMiB } from "./MemorySize.ts";
import { releaseLeftoverBinding, runVmJob } from "./VmJobRunner.ts";
import { defaultVmMemoryMiB, defaultVmVcpus, type VmJobSpec } from "./VmJobSpec.ts";
import type { Accelerator } from "./VmRuntime.ts";
import { createVmRuntime, vmRuntimeNames } from "./VmRuntimes.ts";

/** Exit status of `tessera vm run` when the guest never reported one (could not start, crashed, stopped). */
export const noGuestStatusExitCode = 125;

function positiveInt(what: string) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${what} must be a whole number >= 1, got "${text}"`);
    return value;
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function binderFor(sysfsRoot: string, procRoot: string): VfioBinder {
  return new VfioBinder(new SysfsTree(sysfsRoot), new ProcfsGpuProcessProbe(procRoot));
}

export function registerVmCommands(program: Command): void {
  const vm = program
    .command("vm")
    .description("VM jobs: probe the node's VM runtime, render its configuration, run a VM job");
  const runtimeOption = `VM runtime: ${vmRuntimeNames.join(", ")}`;

  vm.command("probe")
    .description("what the VM runtime finds on this node (KVM or TCG, kernel, binaries)")
    .option("--vm-runtime <name>", runtimeOption, "qemu")
    .option("--json", "print JSON")
    .action(async (opts: { vmRuntime: string; json?: boolean }) => {
      const info = await (await createVmRuntime(opts.vmRuntime)).probe();
      if (opts.json) console.log(JSON.stringify(info, null, 2));
      else console.log(`${info.runtime}: ${info.runnable ? "runnable" : "render only"}; ${info.detail}`);
    });

  vm.command("render")
    .description("print the command line, domain XML or VMI manifest a runtime generates for a job")
    .option("--vm-runtime <name>", runtimeOption, "qemu")
    .option("--job-id <id>", "job id used in names", "example")
    .option(
      "--gpu <pci-address>",
      "a GPU to pass through (repeat); its IOMMU group is read from sysfs",
      collect,
      [],
    )
    .option("--vcpus <n>", "virtual CPUs", positiveInt("--vcpus"), defaultVmVcpus)
    .option("--memory <size>", "guest memory, e.g. 8GiB", parseMemoryMiB, defaultVmMemoryMiB)
    .option("--image <file>", "root filesystem archive (cpio) the command runs in")
    .option("--sysfs-root <dir>", "where sysfs is", "/sys")
    .option(
      "--gpu-model <id>",
      "kubevirt: catalog id of the GPUs (names the VFIO resource)",
      "H100-SXM5-80GB",
    )
    .option("--naming <scheme>", "kubevirt: device plugin naming scheme (nvidia or tessera)", "nvidia")
    .option(
      "--kernel-boot-image <image>",
      "kubevirt: container image with /boot/vmlinuz and /boot/initramfs.cpio",
    )
    .option("--work-dir <dir>", "job directory the paths point into", "/var/lib/tessera/vm/example")
    .argument("[command...]", "the job's command")
    .action(async (command: string[], opts: RenderOptions) => {
      const runtime = await createVmRuntime(opts.vmRuntime, {
        sysfsRoot: opts.sysfsRoot,
        gpuModel: opts.gpuModel,
        naming: opts.naming as NamingScheme,
        ...(opts.kernelBootImage ? { kernelBootImage: opts.kernelBootImage } : {}),
      });
      const gpus = opts.gpu.length > 0 ? (await binderFor(opts.sysfsRoot, "/proc").plan(opts.gpu)).gpus : [];
      const spec: VmJobSpec = {
        jobId: opts.jobId,
        vcpus: opts.vcpus,
        memoryMiB: opts.memory,
        command: command.length > 0 ? command : ["true"],
        env: {},
        gpus,
        ...(opts.image ? { image: opts.image } : {}),
      };
      process.stdout.write(`${runtime.render(spec, opts.workDir).replace(/\n?$/, "\n")}`);
    });

  vm.command("run")
    .description(
      "run one VM job (the agent starts this per VM job): console on stdout, guest status as exit status",
    )
    .requiredOption(
      "--spec <file>",
      "the job as JSON: jobId, vcpus, memoryMiB, command, env, image, gpus (PCI addresses)",
    )
    .option("--vm-runtime <name>", runtimeOption, "qemu")
    .option("--vm-accel <kvm|tcg>", "skip the KVM probe")
    .option("--sysfs-root <dir>", "where sysfs is", "/sys")
    .option("--proc-root <dir>", "where procfs is (to find processes using a GPU)", "/proc")
    .option(
      "--work-dir <dir>",
      "where the initramfs and vm.json go (default: a directory under the system temp)",
    )
    .action(async (opts: RunOptions) => {
      const spec = readSpecFile(opts.spec);
      const workDir = opts.workDir ?? join(tmpdir(), `tessera-vm-${spec.jobId}`);
      mkdirSync(workDir, { recursive: true });
      const binder = binderFor(opts.sysfsRoot, opts.procRoot);
      await releaseLeftoverBinding(workDir, binder);
      const abort = new AbortController();
      for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => abort.abort());
      const { gpus, ...rest } = spec;
      const exit = await runVmJob({
        spec: rest,
        gpuAddresses: gpus,
        runtime: await createVmRuntime(opts.vmRuntime, {
          sysfsRoot: opts.sysfsRoot,
          ...(opts.vmAccel ? { accelerator: accelerator(opts.vmAccel) } : {}),
        }),
        binder,
        workDir,
        onLine: (line) => process.stdout.write(`${line}\n`),
        signal: abort.signal,
      });
      if (exit.exitStatus === null) process.stderr.write(`tessera vm: ${exit.reason}\n`);
      process.exitCode = exit.exitStatus ?? (abort.signal.aborted ? 143 : noGuestStatusExitCode);
    });
}

interface RenderOptions {
  vmRuntime: string;
  jobId: string;
  gpu: string[];
  vcpus: number;
  memory: number;
  image?: string;
  sysfsRoot: string;
  gpuModel: string;
  naming: string;
  kernelBootImage?: string;
  workDir: string;
}

interface RunOptions {
  spec: string;
  vmRuntime: string;
  vmAccel?: string;
  sysfsRoot: string;
  procRoot: string;
  workDir?: string;
}

function accelerator(text: string): Accelerator {
  if (text !== "kvm" && text !== "tcg") throw new Error(`--vm-accel must be kvm or tcg, got "${text}"`);
  return text;
}

function readSpecFile(path: string): VmRunSpec {
  const spec = JSON.parse(readFileSync(path, "utf8")) as Partial<VmRunSpec>;
  const problems: string[] = [];
  if (typeof spec.jobId !== "string" || spec.jobId === "") problems.push("jobId must be a non-empty string");
  if (!Number.isInteger(spec.vcpus) || (spec.vcpus ?? 0) < 1)
    problems.push("vcpus must be a whole number >= 1");
  if (!Number.isInteger(spec.memoryMiB) || (spec.memoryMiB ?? 0) < 1) problems.push("memoryMiB must be >= 1");
  if (!Array.isArray(spec.command) || spec.command.length === 0)
    problems.push("command must be a non-empty array");
  if (problems.length > 0) throw new Error(`${path}: ${problems.join("; ")}`);
  return { env: {}, gpus: [], ...spec } as VmRunSpec;
}
