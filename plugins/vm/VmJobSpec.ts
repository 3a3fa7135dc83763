import type { PassthroughGpu } from "../../node-agent/vfio/VfioBinder.ts";

/** A job of kind `vm` as the agent hands it to a VM runtime. */
export interface VmJobSpec {
  jobId: string;
  vcpus: number;
  memoryMiB: number;
  /** The command that runs inside the guest, as argv. */
  command: readonly string[];
  /** The job's own environment inside the guest (not the agent's). */
  env: Readonly<Record<string, string>>;
  /** `--image`: a root filesystem archive (cpio newc, optionally gzip) the command runs in. */
  image?: string;
  /** GPUs passed through with VFIO, each with its IOMMU group; empty for a MicroVM. */
  gpus: readonly PassthroughGpu[];
}

export const defaultVmVcpus = 1;
export const defaultVmMemoryMiB = 512;
