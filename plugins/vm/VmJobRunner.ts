import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { PassthroughGpu, VfioBinder, VfioBinding } from "../../node-agent/vfio/VfioBinder.ts";
import type { VmJobSpec } from "./VmJobSpec.ts";
import type { Accelerator, VmExit, VmRuntime } from "./VmRuntime.ts";

/** What `tessera job ID` shows of a VM job; written to `vm.json` in the job's directory at every step. */
export interface VmJobDetails {
  runtime: string;
  accelerator?: Accelerator;
  state: "binding" | "booting" | "running" | "exited";
  gpus: PassthroughGpu[];
  bootMs: number | null;
  reason: string;
}

export interface VmJobRun {
  /** The job, with `gpus` as the PCI addresses the scheduler assigned (groups are found on the node). */
  spec: Omit<VmJobSpec, "gpus">;
  gpuAddresses: readonly string[];
  runtime: VmRuntime;
  /** Needed when there are GPUs. */
  binder?: VfioBinder;
  workDir: string;
  onLine(line: string): void;
  /** Cancel: stops the VM, then the GPUs go back to their drivers. */
  signal?: AbortSignal;
}

export const vfioBindingFile = "vfio-binding.json";
export const vmDetailsFile = "vm.json";

/**
 * One VM job from start to end: pass its GPUs through (whole IOMMU groups), boot the VM, stream the console,
 * and give the GPUs back to their drivers whatever happened. The binding is saved first so that an agent
 * restarted in the middle can still release it (`releaseLeftoverBinding`).
 */
export async function runVmJob(run: VmJobRun): Promise<VmExit> {
  const info = await run.runtime.probe();
  const details: VmJobDetails = {
    runtime: run.runtime.name,
    ...(info.accelerator ? { accelerator: info.accelerator } : {}),
    state: "binding",
    gpus: [],
    bootMs: null,
    reason: "",
  };
  // Saves run one after another, so a late "running" can never overwrite "exited".
  let saving = Promise.resolve();
  const save = () => {
    const text = `${JSON.stringify(details, null, 2)}\n`;
    saving = saving.then(() => writeFile(join(run.workDir, vmDetailsFile), text));
    return saving;
  };
  await save();
  if (!info.runnable) return finish({ exitStatus: null, reason: info.detail, bootMs: null });

  let binding: VfioBinding | undefined;
  if (run.gpuAddresses.length > 0) {
    if (!run.binder) throw new Error("a VM job with GPUs needs the VFIO binder");
    try {
      binding = await run.binder.bind(run.gpuAddresses);
    } catch (error) {
      return finish({ exitStatus: null, reason: (error as Error).message, bootMs: null });
    }
    await writeFile(join(run.workDir, vfioBindingFile), JSON.stringify(binding));
    details.gpus = binding.gpus;
  }
  try {
    if (run.signal?.aborted)
      return await finish({ exitStatus: null, reason: "the VM was stopped", bootMs: null });
    details.state = "booting";
    await save();
    const vm = await run.runtime.start(
      { ...run.spec, gpus: binding?.gpus ?? [] },
      {
        workDir: run.workDir,
        onLine: (line) => {
          if (details.state === "booting") {
            details.state = "running";
            void save();
          }
          run.onLine(line);
        },
      },
    );
    const stop = () => void vm.stop();
    run.signal?.addEventListener("abort", stop, { once: true });
    const exit = await vm.exited;
    run.signal?.removeEventListener("abort", stop);
    return await finish(exit);
  } catch (error) {
    return await finish({ exitStatus: null, reason: (error as Error).message, bootMs: null });
  } finally {
    if (binding && run.binder) {
      await run.binder.release(binding);
      await rm(join(run.workDir, vfioBindingFile), { force: true });
    }
  }

  async function finish(exit: VmExit): Promise<VmExit> {
    Object.assign(details, { state: "exited", bootMs: exit.bootMs, reason: exit.reason });
    await save();
    return exit;
  }
}

/** Releases the GPUs of a VM job whose runner died before it could (the binding file is still there). */
export async function releaseLeftoverBinding(
  workDir: string,
  binder: VfioBinder,
): Promise<VfioBinding | undefined> {
  let binding: VfioBinding;
  try {
    binding = JSON.parse(await readFile(join(workDir, vfioBindingFile), "utf8")) as VfioBinding;
  } catch {
    return undefined;
  }
  await binder.release(binding);
  await rm(join(workDir, vfioBindingFile), { force: true });
  return binding;
}
