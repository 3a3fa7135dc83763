/** A device a job gets, resolved by the agent: a MIG device or GPU UUID, plus share limits for shared GPUs. */
export interface ResolvedDevice {
  /** `MIG-...` for a MIG instance, `GPU-...` for a whole or shared GPU. */
  uuid: string;
  /** Set for a share; `mpsPipeDirectory` when an MPS control daemon serves the GPU (else it is time-sliced). */
  share?: { milli: number; memoryMiB: number; mpsPipeDirectory?: string };
}

/** MPS takes a whole percentage of the SMs, 1..100; a share is in thousandths of the GPU. */
export function mpsActiveThreadPercentage(milli: number): number {
  return Math.max(1, Math.min(100, Math.ceil(milli / 10)));
}

/**
 * The environment of a job process: the agent's PATH, the job's own variables, then the variables Tessera owns
 * (set last so a job cannot override which devices it sees).
 */
export function jobEnvironment(
  jobId: string,
  devices: readonly ResolvedDevice[],
  jobEnv: Readonly<Record<string, string>>,
  agentPath: string,
): Record<string, string> {
  const visible = devices.map((d) => d.uuid).join(",");
  const env: Record<string, string> = { PATH: agentPath, ...jobEnv };
  env.TESSERA_JOB_ID = jobId;
  env.CUDA_VISIBLE_DEVICES = visible;
  env.NVIDIA_VISIBLE_DEVICES = visible;
  const share = devices.length === 1 ? devices[0]?.share : undefined;
  if (share) {
    // MPS takes a percentage of SMs (1..100) and a per-device memory limit keyed by the device index the job sees.
    env.CUDA_MPS_ACTIVE_THREAD_PERCENTAGE = String(mpsActiveThreadPercentage(share.milli));
    env.CUDA_MPS_PINNED_DEVICE_MEM_LIMIT = `0=${share.memoryMiB}M`;
    // The client finds its GPU's own control daemon here rather than in the shared default /tmp/nvidia-mps.
    if (share.mpsPipeDirectory) env.CUDA_MPS_PIPE_DIRECTORY = share.mpsPipeDirectory;
  }
  return env;
}
