/**
 * How a job of kind `vm` travels from the scheduler to the agent without new wire fields: reserved variables in
 * the assignment's environment. The scheduler sets them; the agent reads them, starts `tessera vm run` instead
 * of the command, and does not pass them into the guest.
 */
export const vmJobEnv = {
  /** `vm` on an assignment that the agent must run in a VM. */
  kind: "TESSERA_JOB_KIND",
  vcpus: "TESSERA_VM_VCPUS",
  memoryMiB: "TESSERA_VM_MEMORY_MIB",
  /** The `--image` root filesystem archive on the node (the only one of these a submitter may set). */
  image: "TESSERA_VM_IMAGE",
} as const;

/** The assignment environment of a VM job: the job's own variables plus what the agent needs to start the VM. */
export function vmAssignmentEnv(
  env: Readonly<Record<string, string>>,
  request: { cpuMillis: number; memoryMiB: number },
): Record<string, string> {
  return {
    ...env,
    [vmJobEnv.kind]: "vm",
    [vmJobEnv.vcpus]: String(Math.max(1, Math.ceil(request.cpuMillis / 1000))),
    [vmJobEnv.memoryMiB]: String(Math.max(1, request.memoryMiB)),
  };
}

/** The file the agent hands to `tessera vm run --spec`: one VM job, its GPUs as PCI addresses. */
export interface VmRunSpec {
  jobId: string;
  vcpus: number;
  memoryMiB: number;
  command: string[];
  env: Record<string, string>;
  image?: string;
  gpus: string[];
}

export function isVmJob(env: Readonly<Record<string, string>>): boolean {
  return env[vmJobEnv.kind] === "vm";
}

/** The VM run spec of an assignment of a VM job: its own environment, without the reserved variables. */
export function vmRunSpec(
  jobId: string,
  command: readonly string[],
  env: Readonly<Record<string, string>>,
  gpuPciAddresses: readonly string[],
): VmRunSpec {
  const reserved = new Set<string>(Object.values(vmJobEnv));
  const image = env[vmJobEnv.image];
  return {
    jobId,
    vcpus: Number(env[vmJobEnv.vcpus] ?? 1),
    memoryMiB: Number(env[vmJobEnv.memoryMiB] ?? 512),
    command: [...command],
    env: Object.fromEntries(Object.entries(env).filter(([name]) => !reserved.has(name))),
    ...(image ? { image } : {}),
    gpus: [...gpuPciAddresses],
  };
}
