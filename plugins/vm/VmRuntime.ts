import type { VmJobSpec } from "./VmJobSpec.ts";

export type Accelerator = "kvm" | "tcg";

/** What a runtime found on this node at start; the agent reports it (`tessera nodes`). */
export interface VmRuntimeInfo {
  runtime: string;
  /** Whether jobs can run; false where the runtime only renders its configuration (e.g. no binary). */
  runnable: boolean;
  accelerator?: Accelerator;
  /** One line a person reads: why KVM is not used, which binary, what is missing. */
  detail: string;
}

/** How a VM ended. */
export interface VmExit {
  /** The guest command's exit status, or null when the guest never reported one. */
  exitStatus: number | null;
  /** Why there is no status (stopped, crashed, could not start); empty when there is one. */
  reason: string;
  /** From starting the VM to the guest's init saying it is ready; null when it never got there. */
  bootMs: number | null;
}

export interface RunningVm {
  pid: number;
  exited: Promise<VmExit>;
  /** Stops the VM (cancel); resolves once it is gone. */
  stop(): Promise<void>;
}

/** Where a VM's console lines go and where it may keep files. */
export interface VmIo {
  workDir: string;
  onLine(line: string): void;
}

/** One way of running VMs on a node (`tessera agent --vm-runtime NAME`). */
export interface VmRuntime {
  readonly name: string;
  probe(): Promise<VmRuntimeInfo>;
  /** The configuration this runtime generates for a job: a command line, a domain XML or a manifest. */
  render(spec: VmJobSpec, workDir: string): string;
  start(spec: VmJobSpec, io: VmIo): Promise<RunningVm>;
}
